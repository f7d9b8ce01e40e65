import type { OutboundBody } from './types.ts';

/**
 * WhatsApp Cloud API limits on what we send (spec §8.1–§8.4), one validator for every reply,
 * and the helpers that make content fit (split long text, trim labels).
 *
 * Lengths are counted in UTF-16 code units (`string.length`), which is never less than the
 * character count WhatsApp applies, so a reply that passes here passes there.
 */
export const LIMITS = {
  textBody: 4096,
  buttonBody: 1024,
  listBody: 4096,
  locationRequestBody: 1024,
  header: 60,
  footer: 60,
  buttonTitle: 20,
  buttonId: 256,
  buttonsMax: 3,
  listButton: 20,
  sectionTitle: 24,
  sectionsMax: 10,
  rowsMax: 10,
  rowId: 200,
  rowTitle: 24,
  rowDescription: 72,
} as const;

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function checkLength(problems: string[], where: string, value: unknown, max: number, required = true): void {
  const s = text(value);
  if (s === null) {
    if (required || value !== undefined) problems.push(`${where}: missing`);
    return;
  }
  if (s.trim() === '') problems.push(`${where}: empty`);
  if (s.length > max) problems.push(`${where}: ${s.length} > ${max}`);
}

function checkHeaderFooter(problems: string[], i: Obj): void {
  if (i.header !== undefined) {
    const h = isObj(i.header) ? i.header : {};
    if (h.type !== 'text') problems.push('header: only text headers are used');
    checkLength(problems, 'header.text', h.text, LIMITS.header);
  }
  if (i.footer !== undefined) {
    checkLength(problems, 'footer.text', isObj(i.footer) ? i.footer.text : undefined, LIMITS.footer);
  }
}

function checkButtons(problems: string[], i: Obj): void {
  checkLength(problems, 'body.text', isObj(i.body) ? i.body.text : undefined, LIMITS.buttonBody);
  checkHeaderFooter(problems, i);
  const buttons = isObj(i.action) && Array.isArray(i.action.buttons) ? (i.action.buttons as unknown[]) : null;
  if (!buttons || buttons.length < 1 || buttons.length > LIMITS.buttonsMax) {
    problems.push(`action.buttons: need 1..${LIMITS.buttonsMax}`);
    return;
  }
  const ids = new Set<string>();
  const titles = new Set<string>();
  buttons.forEach((b, n) => {
    const reply = isObj(b) && b.type === 'reply' && isObj(b.reply) ? b.reply : null;
    if (!reply) {
      problems.push(`button ${n}: not a reply button`);
      return;
    }
    checkLength(problems, `button ${n} id`, reply.id, LIMITS.buttonId);
    checkLength(problems, `button ${n} title`, reply.title, LIMITS.buttonTitle);
    if (ids.has(String(reply.id))) problems.push(`button ${n}: duplicate id`);
    if (titles.has(String(reply.title))) problems.push(`button ${n}: duplicate title`);
    ids.add(String(reply.id));
    titles.add(String(reply.title));
  });
}

function checkList(problems: string[], i: Obj): void {
  checkLength(problems, 'body.text', isObj(i.body) ? i.body.text : undefined, LIMITS.listBody);
  checkHeaderFooter(problems, i);
  const action = isObj(i.action) ? i.action : {};
  checkLength(problems, 'action.button', action.button, LIMITS.listButton);
  const sections = Array.isArray(action.sections) ? (action.sections as unknown[]) : null;
  if (!sections || sections.length < 1 || sections.length > LIMITS.sectionsMax) {
    problems.push(`action.sections: need 1..${LIMITS.sectionsMax}`);
    return;
  }
  let rows = 0;
  const ids = new Set<string>();
  sections.forEach((sec, n) => {
    const section = isObj(sec) ? sec : {};
    checkLength(problems, `section ${n} title`, section.title, LIMITS.sectionTitle, sections.length > 1);
    const list = Array.isArray(section.rows) ? (section.rows as unknown[]) : [];
    if (list.length === 0) problems.push(`section ${n}: no rows`);
    list.forEach((r, m) => {
      const row = isObj(r) ? r : {};
      rows++;
      checkLength(problems, `row ${n}.${m} id`, row.id, LIMITS.rowId);
      checkLength(problems, `row ${n}.${m} title`, row.title, LIMITS.rowTitle);
      checkLength(problems, `row ${n}.${m} description`, row.description, LIMITS.rowDescription, false);
      if (ids.has(String(row.id))) problems.push(`row ${n}.${m}: duplicate id`);
      ids.add(String(row.id));
    });
  });
  if (rows > LIMITS.rowsMax) problems.push(`rows: ${rows} > ${LIMITS.rowsMax}`);
}

/** Every way the body breaks a WhatsApp limit; an empty list means it can be sent. */
export function validateOutbound(body: OutboundBody): string[] {
  const problems: string[] = [];
  if (body.type === 'text') {
    checkLength(problems, 'text.body', isObj(body.text) ? body.text.body : undefined, LIMITS.textBody);
  } else if (body.type === 'interactive') {
    const i = isObj(body.interactive) ? body.interactive : {};
    if (i.type === 'button') checkButtons(problems, i);
    else if (i.type === 'list') checkList(problems, i);
    else if (i.type === 'location_request_message') {
      checkLength(problems, 'body.text', isObj(i.body) ? i.body.text : undefined, LIMITS.locationRequestBody);
      if (!isObj(i.action) || i.action.name !== 'send_location') problems.push('action.name: must be send_location');
    } else problems.push(`interactive.type: ${String(i.type)} is not one we send`);
  } else {
    problems.push(`type: ${body.type} is not one the bot sends`);
  }
  return problems;
}

/** Cuts a label to `max` characters, ending with an ellipsis when something was cut. */
export function trimTo(value: string, max: number): string {
  const s = value.trim();
  if (s.length <= max) return s;
  let cut = s.slice(0, max - 1);
  // Never leave half of a surrogate pair (an emoji) at the end.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trimEnd() + '…';
}

/**
 * Splits a long text into parts of at most `max` characters, at paragraph breaks, then line
 * breaks, then spaces; a single unbroken run longer than `max` is cut hard.
 */
export function splitText(value: string, max: number = LIMITS.textBody): string[] {
  const parts: string[] = [];
  let rest = value.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let at = window.lastIndexOf('\n\n');
    if (at < max / 2) at = window.lastIndexOf('\n');
    if (at < max / 2) at = window.lastIndexOf(' ');
    if (at <= 0) at = max;
    if (/[\uD800-\uDBFF]/.test(rest.charAt(at - 1))) at--;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest !== '') parts.push(rest);
  return parts;
}
