/**
 * Builders for the webhook bodies Meta posts (spec/whatsapp-cloud-api.md §3–§7).
 *
 * Message builders return one `messages[]` item; `messagesWebhook` and
 * `statusesWebhook` wrap items in the envelope; `combineWebhooks` merges
 * bodies into one POST with several entries, as Meta may batch them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { epochSeconds, newMediaId, newWamid } from './ids.ts';
import type {
  ContactCard,
  InboundMessage,
  MediaObject,
  MessageContext,
  OrderItem,
  StatusPricing,
  StatusValue,
  WebhookBody,
  WebhookContact,
  WebhookErrorObject,
  WebhookStatus,
  WebhookValue,
} from './webhook-types.ts';

export { newWamid, epochSeconds } from './ids.ts';

/** Our business number as Meta names it in `metadata` and `entry[].id`. */
export type BusinessInfo = {
  phoneNumberId: string;
  displayPhoneNumber: string;
  wabaId?: string;
};

export type Sender = { waId: string; name?: string };

/** Fields every inbound message builder takes. */
export type MessageBase = {
  from: string;
  wamid?: string;
  /** epoch seconds (number or string) or a Date; default now */
  timestamp?: number | string | Date;
};

/** The context of a reply to one of our messages: `from` is our display number. */
export type ReplyContext = { id: string; from: string };

export const DEFAULT_WABA_ID = '104996582288452';

function base(o: MessageBase, type: string): InboundMessage {
  return { from: o.from, id: o.wamid ?? newWamid(o.from), timestamp: toTimestamp(o.timestamp), type };
}

function toTimestamp(t: MessageBase['timestamp']): string {
  if (t === undefined) return epochSeconds();
  if (t instanceof Date) return epochSeconds(t.getTime());
  return String(t);
}

function replyContext(c: ReplyContext): MessageContext {
  return { from: c.from, id: c.id };
}

export function textMessage(
  o: MessageBase & { body: string; forwarded?: boolean; frequentlyForwarded?: boolean; replyTo?: ReplyContext }
): InboundMessage {
  const m = base(o, 'text');
  // Meta sets one flag or the other: forwarded ≤ 5 times, frequently_forwarded beyond.
  if (o.frequentlyForwarded) m.context = { frequently_forwarded: true };
  else if (o.forwarded) m.context = { forwarded: true };
  else if (o.replyTo) m.context = replyContext(o.replyTo);
  m.text = { body: o.body };
  return m;
}

export function buttonReplyMessage(o: MessageBase & { replyId: string; title: string; context: ReplyContext }): InboundMessage {
  const m = base(o, 'interactive');
  m.context = replyContext(o.context);
  m.interactive = { type: 'button_reply', button_reply: { id: o.replyId, title: o.title } };
  return m;
}

export function listReplyMessage(
  o: MessageBase & { replyId: string; title: string; description?: string; context: ReplyContext }
): InboundMessage {
  const m = base(o, 'interactive');
  m.context = replyContext(o.context);
  const reply: { id: string; title: string; description?: string } = { id: o.replyId, title: o.title };
  if (o.description !== undefined) reply.description = o.description;
  m.interactive = { type: 'list_reply', list_reply: reply };
  return m;
}

/** A tap on a template's quick-reply button (type `button`, not `interactive`). */
export function templateButtonMessage(o: MessageBase & { payload: string; text: string; context: ReplyContext }): InboundMessage {
  const m = base(o, 'button');
  m.context = replyContext(o.context);
  m.button = { payload: o.payload, text: o.text };
  return m;
}

export function locationMessage(
  o: MessageBase & { latitude: number; longitude: number; name?: string; address?: string; url?: string }
): InboundMessage {
  const m = base(o, 'location');
  const loc: NonNullable<InboundMessage['location']> = { latitude: o.latitude, longitude: o.longitude };
  if (o.name !== undefined) loc.name = o.name;
  if (o.address !== undefined) loc.address = o.address;
  if (o.url !== undefined) loc.url = o.url;
  m.location = loc;
  return m;
}

export type MediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

export const DEFAULT_MEDIA_MIME: Record<MediaKind, string> = {
  image: 'image/jpeg',
  video: 'video/mp4',
  audio: 'audio/ogg; codecs=opus',
  document: 'application/pdf',
  sticker: 'image/webp',
};

export type MediaInput = MessageBase & {
  kind: MediaKind;
  mediaId?: string;
  mimeType?: string;
  /** base64 SHA-256 of the file; default: of random bytes */
  sha256?: string;
  url?: string;
  caption?: string;
  filename?: string;
  voice?: boolean;
  animated?: boolean;
  forwarded?: boolean;
  frequentlyForwarded?: boolean;
};

/** image / video / audio / document / sticker with id, mime_type, sha256 (base64) and the kind's extras. */
export function mediaMessage(o: MediaInput): InboundMessage {
  const m = base(o, o.kind);
  if (o.frequentlyForwarded) m.context = { frequently_forwarded: true };
  else if (o.forwarded) m.context = { forwarded: true };
  const media: MediaObject = {
    mime_type: o.mimeType ?? DEFAULT_MEDIA_MIME[o.kind],
    sha256: o.sha256 ?? createHash('sha256').update(randomBytes(32)).digest('base64'),
    id: o.mediaId ?? newMediaId(),
  };
  if (o.url !== undefined) media.url = o.url;
  if ((o.kind === 'image' || o.kind === 'video' || o.kind === 'document') && o.caption !== undefined) media.caption = o.caption;
  if (o.kind === 'document') media.filename = o.filename ?? 'dokumen.pdf';
  if (o.kind === 'audio') media.voice = o.voice ?? true;
  if (o.kind === 'sticker') media.animated = o.animated ?? false;
  m[o.kind] = media;
  return m;
}

export function contactsMessage(o: MessageBase & { contacts: ContactCard[] }): InboundMessage {
  const m = base(o, 'contacts');
  m.contacts = o.contacts;
  return m;
}

/** A reaction; leave `emoji` out for the removal webhook. */
export function reactionMessage(o: MessageBase & { messageId: string; emoji?: string }): InboundMessage {
  const m = base(o, 'reaction');
  m.reaction = o.emoji === undefined ? { message_id: o.messageId } : { message_id: o.messageId, emoji: o.emoji };
  return m;
}

export function orderMessage(o: MessageBase & { catalogId: string; text?: string; items: OrderItem[] }): InboundMessage {
  const m = base(o, 'order');
  m.order = o.text === undefined
    ? { catalog_id: o.catalogId, product_items: o.items }
    : { catalog_id: o.catalogId, text: o.text, product_items: o.items };
  return m;
}

/** `user_changed_number`: `from` is the old number, `system.wa_id` the new one. */
export function systemMessage(o: MessageBase & { newWaId: string; body?: string; systemType?: string }): InboundMessage {
  const m = base(o, 'system');
  m.system = {
    body: o.body ?? `User ${o.from} changed from ${o.from} to ${o.newWaId}`,
    wa_id: o.newWaId,
    type: o.systemType ?? 'user_changed_number',
  };
  return m;
}

/** A message type the Cloud API cannot pass on (poll, edit, live location…), with error 131051. */
export function unsupportedMessage(o: MessageBase & { unsupportedType?: string }): InboundMessage {
  const m = base(o, 'unsupported');
  if (o.unsupportedType !== undefined) m.unsupported = { type: o.unsupportedType };
  m.errors = [
    {
      code: 131051,
      title: 'Message type unknown',
      message: 'Message type unknown',
      error_data: { details: 'Message type is currently not supported.' },
    },
  ];
  return m;
}

/** The first open of a chat with the business; carries no content object. */
export function requestWelcomeMessage(o: MessageBase): InboundMessage {
  return base(o, 'request_welcome');
}

export function contactOf(sender: Sender): WebhookContact {
  return { profile: { name: sender.name ?? '' }, wa_id: sender.waId };
}

function metadata(business: BusinessInfo): WebhookValue['metadata'] {
  return { display_phone_number: business.displayPhoneNumber, phone_number_id: business.phoneNumberId };
}

/** One `changes[].value`; empty arrays are left out. */
export function changeValue(
  business: BusinessInfo,
  parts: { contacts?: WebhookContact[]; messages?: InboundMessage[]; statuses?: WebhookStatus[]; errors?: WebhookErrorObject[] }
): WebhookValue {
  const value: WebhookValue = { messaging_product: 'whatsapp', metadata: metadata(business) };
  if (parts.contacts?.length) value.contacts = parts.contacts;
  if (parts.messages?.length) value.messages = parts.messages;
  if (parts.statuses?.length) value.statuses = parts.statuses;
  if (parts.errors?.length) value.errors = parts.errors;
  return value;
}

/** The envelope around one or more `value`s (one change each) for one WABA. */
export function envelope(business: BusinessInfo, values: WebhookValue[], field = 'messages'): WebhookBody {
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: business.wabaId ?? DEFAULT_WABA_ID, changes: values.map(value => ({ value, field })) }],
  };
}

/**
 * Inbound messages in one body. Contacts are the senders of the messages,
 * except that `system` messages come with none (Meta leaves them out).
 */
export function messagesWebhook(business: BusinessInfo, senders: Sender[], messages: InboundMessage[]): WebhookBody {
  const senderIds = new Set(messages.filter(m => m.type !== 'system').map(m => m.from));
  const contacts = senders.filter(s => senderIds.has(s.waId)).map(contactOf);
  return envelope(business, [changeValue(business, { contacts, messages })]);
}

export function statusesWebhook(business: BusinessInfo, statuses: WebhookStatus[], contacts?: WebhookContact[]): WebhookBody {
  const failed = statuses.every(s => s.status === 'failed');
  return envelope(business, [changeValue(business, { statuses, contacts: failed ? [] : contacts ?? [] })]);
}

/** Several bodies as one POST: their entries concatenated (same WABA entries kept apart, as Meta may). */
export function combineWebhooks(...bodies: WebhookBody[]): WebhookBody {
  return { object: 'whatsapp_business_account', entry: bodies.flatMap(b => b.entry) };
}

/** Free service-window pricing, as on `sent` (and one of delivered/read) since per-message pricing. */
export function servicePricing(): StatusPricing {
  return { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' };
}

export function templatePricing(category = 'utility'): StatusPricing {
  return { billable: true, pricing_model: 'PMP', type: 'regular', category };
}

export type StatusInput = {
  wamid: string;
  status: StatusValue;
  recipientId: string;
  timestamp?: number | string | Date;
  /** default: service pricing on `sent` and `delivered`, none otherwise; false for none */
  pricing?: StatusPricing | false;
  errors?: WebhookErrorObject[];
  bizOpaqueCallbackData?: string;
};

export function statusObject(o: StatusInput): WebhookStatus {
  const s: WebhookStatus = {
    id: o.wamid,
    status: o.status,
    timestamp: toTimestamp(o.timestamp),
    recipient_id: o.recipientId,
  };
  if (o.bizOpaqueCallbackData !== undefined) s.biz_opaque_callback_data = o.bizOpaqueCallbackData;
  const withPricing = o.status === 'sent' || o.status === 'delivered';
  if (o.pricing) s.pricing = o.pricing;
  else if (o.pricing === undefined && withPricing) s.pricing = servicePricing();
  if (o.status === 'failed') s.errors = o.errors ?? [];
  else if (o.errors) s.errors = o.errors;
  return s;
}
