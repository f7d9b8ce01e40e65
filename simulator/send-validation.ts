/**
 * Checks a `POST /{phone-number-id}/messages` body the way the Cloud API does
 * (spec §8): required fields, types, and the documented length limits.
 *
 * Lengths are counted in Unicode code points. A missing required parameter is
 * code 100 ("The parameter X is required."); a value out of bounds is 131009
 * with `details` naming the limit.
 */

export type SendRequest =
  | {
      kind: 'message';
      type: string;
      /** what the caller put in `to` or `recipient`, echoed as `contacts[].input` */
      input: string;
      /** digits of `to`; absent when addressed by `recipient` (BSUID) */
      waId?: string;
      recipient?: string;
      bizOpaqueCallbackData?: string;
    }
  | { kind: 'read'; messageId: string; typing: boolean };

export type SendRejection = { kind: 'invalid'; code: number; details: string; title?: string };

class Reject extends Error {
  code: number;
  details: string;
  title: string | undefined;
  constructor(code: number, details: string, title?: string) {
    super(details);
    this.code = code;
    this.details = details;
    this.title = title;
  }
}

const missing = (path: string) => new Reject(100, `The parameter ${path} is required.`, `The parameter ${path} is required.`);
const invalid = (details: string) => new Reject(131009, details);

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function len(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function obj(parent: Obj, key: string, path: string): Obj {
  const v = parent[key];
  if (v === undefined || v === null) throw missing(path);
  if (!isObj(v)) throw invalid(`${path} must be an object`);
  return v;
}

function optObj(parent: Obj, key: string, path: string): Obj | undefined {
  return parent[key] === undefined ? undefined : obj(parent, key, path);
}

function str(parent: Obj, key: string, path: string, max?: number): string {
  const v = parent[key];
  if (v === undefined || v === null || v === '') throw missing(path);
  if (typeof v !== 'string') throw invalid(`${path} must be a string`);
  if (max !== undefined && len(v) > max) throw invalid(`${path} is ${len(v)} characters long; the limit is ${max}`);
  return v;
}

function optStr(parent: Obj, key: string, path: string, max?: number): string | undefined {
  return parent[key] === undefined ? undefined : str(parent, key, path, max);
}

function arr(parent: Obj, key: string, path: string, min: number, max: number): unknown[] {
  const v = parent[key];
  if (v === undefined || v === null) throw missing(path);
  if (!Array.isArray(v)) throw invalid(`${path} must be an array`);
  if (v.length < min || v.length > max) throw invalid(`${path} has ${v.length} items; it must have ${min} to ${max}`);
  return v;
}

function item(v: unknown, path: string): Obj {
  if (!isObj(v)) throw invalid(`${path} must be an object`);
  return v;
}

/** Phone numbers may carry `+`, spaces, dashes and parentheses; E.164 allows 7..15 digits, no leading 0. */
function phoneDigits(to: string): string {
  if (!/^\+?[\d\s\-()]+$/.test(to)) throw invalid('to is not a valid phone number');
  const digits = to.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15 || digits.startsWith('0')) {
    throw invalid('to is not a valid E.164 phone number');
  }
  return digits;
}

function checkText(body: Obj): void {
  const text = obj(body, 'text', 'text');
  str(text, 'body', 'text.body', 4096);
  if (text.preview_url !== undefined && typeof text.preview_url !== 'boolean') throw invalid('text.preview_url must be a boolean');
}

function checkMediaRef(m: Obj, path: string): void {
  const hasId = m.id !== undefined;
  const hasLink = m.link !== undefined;
  if (!hasId && !hasLink) throw missing(`${path}.id or ${path}.link`);
  if (hasId && hasLink) throw invalid(`${path} must have either id or link, not both`);
  if (hasId) str(m, 'id', `${path}.id`);
  if (hasLink) {
    const link = str(m, 'link', `${path}.link`);
    if (!/^https?:\/\/\S+$/i.test(link)) throw invalid(`${path}.link must be an http(s) URL`);
  }
}

function checkHeader(ia: Obj, textOnly: boolean): void {
  const header = optObj(ia, 'header', 'interactive.header');
  if (!header) return;
  const type = str(header, 'type', 'interactive.header.type');
  if (type === 'text') {
    str(header, 'text', 'interactive.header.text', 60);
    return;
  }
  if (textOnly || !['image', 'video', 'document'].includes(type)) {
    throw invalid(`interactive.header.type ${type} is not allowed here`);
  }
  checkMediaRef(obj(header, type, `interactive.header.${type}`), `interactive.header.${type}`);
}

function checkBodyFooter(ia: Obj, bodyMax: number): void {
  str(obj(ia, 'body', 'interactive.body'), 'text', 'interactive.body.text', bodyMax);
  const footer = optObj(ia, 'footer', 'interactive.footer');
  if (footer) str(footer, 'text', 'interactive.footer.text', 60);
}

function checkButtons(ia: Obj): void {
  checkHeader(ia, false);
  checkBodyFooter(ia, 1024);
  const action = obj(ia, 'action', 'interactive.action');
  const buttons = arr(action, 'buttons', 'interactive.action.buttons', 1, 3);
  const ids = new Set<string>();
  const titles = new Set<string>();
  buttons.forEach((b, i) => {
    const path = `interactive.action.buttons[${i}]`;
    const button = item(b, path);
    if (str(button, 'type', `${path}.type`) !== 'reply') throw invalid(`${path}.type must be reply`);
    const reply = obj(button, 'reply', `${path}.reply`);
    const id = str(reply, 'id', `${path}.reply.id`, 256);
    const title = str(reply, 'title', `${path}.reply.title`, 20);
    if (ids.has(id)) throw invalid(`${path}.reply.id ${JSON.stringify(id)} is not unique`);
    if (titles.has(title)) throw invalid(`${path}.reply.title ${JSON.stringify(title)} is not unique`);
    ids.add(id);
    titles.add(title);
  });
}

function checkList(ia: Obj): void {
  checkHeader(ia, true);
  checkBodyFooter(ia, 4096);
  const action = obj(ia, 'action', 'interactive.action');
  str(action, 'button', 'interactive.action.button', 20);
  const sections = arr(action, 'sections', 'interactive.action.sections', 1, 10);
  const ids = new Set<string>();
  let rowCount = 0;
  sections.forEach((s, i) => {
    const path = `interactive.action.sections[${i}]`;
    const section = item(s, path);
    if (sections.length > 1 || section.title !== undefined) str(section, 'title', `${path}.title`, 24);
    const rows = arr(section, 'rows', `${path}.rows`, 1, 10);
    rowCount += rows.length;
    if (rowCount > 10) throw invalid(`interactive.action.sections has more than 10 rows in total`);
    rows.forEach((r, j) => {
      const rowPath = `${path}.rows[${j}]`;
      const row = item(r, rowPath);
      const id = str(row, 'id', `${rowPath}.id`, 200);
      str(row, 'title', `${rowPath}.title`, 24);
      optStr(row, 'description', `${rowPath}.description`, 72);
      if (ids.has(id)) throw invalid(`${rowPath}.id ${JSON.stringify(id)} is not unique`);
      ids.add(id);
    });
  });
}

function checkInteractive(body: Obj): void {
  const ia = obj(body, 'interactive', 'interactive');
  const type = str(ia, 'type', 'interactive.type');
  if (type === 'button') return checkButtons(ia);
  if (type === 'list') return checkList(ia);
  if (type === 'location_request_message') {
    checkBodyFooter(ia, 1024);
    const action = obj(ia, 'action', 'interactive.action');
    if (str(action, 'name', 'interactive.action.name') !== 'send_location') throw invalid('interactive.action.name must be send_location');
    return;
  }
  if (type === 'cta_url') {
    checkHeader(ia, false);
    checkBodyFooter(ia, 1024);
    const action = obj(ia, 'action', 'interactive.action');
    if (str(action, 'name', 'interactive.action.name') !== 'cta_url') throw invalid('interactive.action.name must be cta_url');
    const params = obj(action, 'parameters', 'interactive.action.parameters');
    str(params, 'display_text', 'interactive.action.parameters.display_text', 20);
    if (!/^https?:\/\/\S+$/i.test(str(params, 'url', 'interactive.action.parameters.url'))) {
      throw invalid('interactive.action.parameters.url must be an http(s) URL');
    }
    return;
  }
  throw invalid(`interactive.type ${type} is not supported by the simulator`);
}

function coordinate(loc: Obj, key: string, limit: number): void {
  const v = loc[key];
  if (v === undefined || v === null || v === '') throw missing(`location.${key}`);
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  if (!Number.isFinite(n) || Math.abs(n) > limit) throw invalid(`location.${key} must be a number within ±${limit}`);
}

function checkLocation(body: Obj): void {
  const loc = obj(body, 'location', 'location');
  coordinate(loc, 'latitude', 90);
  coordinate(loc, 'longitude', 180);
  optStr(loc, 'name', 'location.name', 1000);
  optStr(loc, 'address', 'location.address', 1000);
}

function checkMedia(body: Obj, type: string): void {
  const media = obj(body, type, type);
  checkMediaRef(media, type);
  if (type === 'image' || type === 'video' || type === 'document') optStr(media, 'caption', `${type}.caption`, 1024);
  if (type === 'document') optStr(media, 'filename', 'document.filename', 240);
}

function checkTemplate(body: Obj): void {
  const t = obj(body, 'template', 'template');
  const name = str(t, 'name', 'template.name', 512);
  if (!/^[a-z0-9_]+$/.test(name)) throw invalid('template.name may hold only lowercase letters, digits and underscores');
  str(obj(t, 'language', 'template.language'), 'code', 'template.language.code', 15);
  if (t.components === undefined) return;
  const components = arr(t, 'components', 'template.components', 0, 20);
  components.forEach((c, i) => {
    const path = `template.components[${i}]`;
    const component = item(c, path);
    const type = str(component, 'type', `${path}.type`);
    if (!['header', 'body', 'button', 'footer'].includes(type)) throw invalid(`${path}.type ${type} is not valid`);
    if (type === 'button') {
      str(component, 'sub_type', `${path}.sub_type`);
      const index = component.index;
      if (index === undefined) throw missing(`${path}.index`);
      if (!/^\d+$/.test(String(index))) throw invalid(`${path}.index must be a number`);
    }
    if (component.parameters === undefined) return;
    const params = arr(component, 'parameters', `${path}.parameters`, 0, 100);
    params.forEach((p, j) => {
      const param = item(p, `${path}.parameters[${j}]`);
      const ptype = str(param, 'type', `${path}.parameters[${j}].type`);
      if (ptype === 'text') str(param, 'text', `${path}.parameters[${j}].text`, 32768);
    });
  });
}

function checkReaction(body: Obj): void {
  const r = obj(body, 'reaction', 'reaction');
  str(r, 'message_id', 'reaction.message_id');
  if (typeof r.emoji !== 'string') throw missing('reaction.emoji');
  if (body.context !== undefined) throw invalid('context is not allowed on a reaction');
}

function checkContacts(body: Obj): void {
  const cards = arr(body, 'contacts', 'contacts', 1, 257);
  cards.forEach((c, i) => str(obj(item(c, `contacts[${i}]`), 'name', `contacts[${i}].name`), 'formatted_name', `contacts[${i}].name.formatted_name`));
}

const CHECKS: Record<string, (body: Obj, type: string) => void> = {
  text: checkText,
  interactive: checkInteractive,
  location: checkLocation,
  image: checkMedia,
  video: checkMedia,
  audio: checkMedia,
  document: checkMedia,
  sticker: checkMedia,
  template: checkTemplate,
  reaction: checkReaction,
  contacts: checkContacts,
};

function checkRead(body: Obj): SendRequest {
  if (body.status !== 'read') throw invalid('status must be read');
  const messageId = str(body, 'message_id', 'message_id');
  if (!messageId.startsWith('wamid.')) throw invalid('message_id is not a valid WhatsApp message id');
  const typing = optObj(body, 'typing_indicator', 'typing_indicator');
  if (typing && typing.type !== 'text') throw invalid('typing_indicator.type must be text');
  return { kind: 'read', messageId, typing: typing !== undefined };
}

function check(body: unknown, businessDigits: string): SendRequest {
  if (!isObj(body)) throw missing('messaging_product');
  if (body.messaging_product === undefined) throw missing('messaging_product');
  if (body.messaging_product !== 'whatsapp') throw invalid('messaging_product must be whatsapp');
  if (body.status !== undefined) return checkRead(body);

  if (body.recipient_type !== undefined && body.recipient_type !== 'individual') throw invalid('recipient_type must be individual');
  let input: string;
  let waId: string | undefined;
  let recipient: string | undefined;
  if (body.to !== undefined) {
    input = str(body, 'to', 'to');
    waId = phoneDigits(input);
    if (waId === businessDigits) throw new Reject(131021, 'Sender and recipient phone number is the same.');
  } else if (body.recipient !== undefined) {
    input = recipient = str(body, 'recipient', 'recipient');
    if (!/^[A-Z]{2}\.[A-Za-z0-9]{1,128}$/.test(recipient)) throw invalid('recipient is not a valid business-scoped user id');
  } else {
    throw missing('to');
  }

  const type = body.type === undefined ? 'text' : str(body, 'type', 'type');
  const checkType = CHECKS[type];
  if (!checkType) throw invalid(`type ${type} is not a valid message type`);
  checkType(body, type);

  const context = optObj(body, 'context', 'context');
  if (context) str(context, 'message_id', 'context.message_id');
  const biz = optStr(body, 'biz_opaque_callback_data', 'biz_opaque_callback_data', 512);

  const out: SendRequest = { kind: 'message', type, input };
  if (waId !== undefined) out.waId = waId;
  if (recipient !== undefined) out.recipient = recipient;
  if (biz !== undefined) out.bizOpaqueCallbackData = biz;
  return out;
}

/**
 * Validate a send or mark-as-read body. `businessNumber` is our display
 * number: sending to it is 131021.
 */
export function validateSendBody(body: unknown, businessNumber = ''): SendRequest | SendRejection {
  try {
    return check(body, businessNumber.replace(/\D/g, ''));
  } catch (e) {
    if (e instanceof Reject) {
      const r: SendRejection = { kind: 'invalid', code: e.code, details: e.details };
      if (e.title !== undefined) r.title = e.title;
      return r;
    }
    throw e;
  }
}
