/**
 * What a simulated citizen can send through `POST /sim/api/citizens/:waId/send`,
 * and how it becomes a Meta message object.
 */
import { z } from 'zod';
import { newWamid } from './ids.ts';
import type { MediaStore } from './media-store.ts';
import { sampleJpeg } from './media-store.ts';
import {
  buttonReplyMessage,
  contactsMessage,
  listReplyMessage,
  locationMessage,
  DEFAULT_MEDIA_MIME,
  mediaMessage,
  orderMessage,
  reactionMessage,
  requestWelcomeMessage,
  systemMessage,
  templateButtonMessage,
  textMessage,
  unsupportedMessage,
  type MessageBase,
} from './webhook-payloads.ts';
import type { InboundMessage } from './webhook-types.ts';

const common = {
  /** the citizen's profile name (for `location`, `name` is the place's name) */
  profileName: z.string().max(100).optional(),
  /** epoch seconds; an old one simulates a late redelivery */
  timestamp: z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).optional(),
  /** reuse a wamid to simulate Meta's duplicate delivery */
  wamid: z.string().startsWith('wamid.').optional(),
  /** redeliver like Meta when the bot does not answer 200 (default true) */
  retry: z.boolean().optional(),
};

/** `name` is the profile name on every type but `location` */
const withName = { ...common, name: z.string().max(100).optional() };

const contextId = z.string().min(1).optional();
const mediaTypes = ['image', 'video', 'audio', 'document', 'sticker'] as const;

export const citizenSendSchema = z.discriminatedUnion('type', [
  z.object({
    ...withName,
    type: z.literal('text'),
    text: z.string().min(1),
    forwarded: z.boolean().optional(),
    frequentlyForwarded: z.boolean().optional(),
    replyTo: contextId,
  }),
  z.object({
    ...common,
    type: z.literal('location'),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: z.string().optional(),
    address: z.string().optional(),
    url: z.string().optional(),
  }),
  z.object({ ...withName, type: z.literal('list_reply'), id: z.string().min(1), title: z.string(), description: z.string().optional(), contextId }),
  z.object({ ...withName, type: z.literal('button_reply'), id: z.string().min(1), title: z.string(), contextId }),
  z.object({ ...withName, type: z.literal('button'), payload: z.string(), text: z.string(), contextId }),
  z.object({
    ...withName,
    type: z.enum(mediaTypes),
    caption: z.string().optional(),
    sha256: z.string().optional(),
    mimeType: z.string().optional(),
    filename: z.string().optional(),
    voice: z.boolean().optional(),
    animated: z.boolean().optional(),
    /** the file itself; default a small JPEG */
    dataBase64: z.string().optional(),
    forwarded: z.boolean().optional(),
    frequentlyForwarded: z.boolean().optional(),
  }),
  z.object({ ...withName, type: z.literal('reaction'), messageId: z.string().min(1), emoji: z.string().optional() }),
  z.object({
    ...withName,
    type: z.literal('contacts'),
    contacts: z.array(z.object({ name: z.object({ formatted_name: z.string() }).loose() }).loose()).min(1),
  }),
  z.object({
    ...withName,
    type: z.literal('order'),
    catalogId: z.string(),
    text: z.string().optional(),
    items: z.array(
      z.object({ product_retailer_id: z.string(), quantity: z.number(), item_price: z.number(), currency: z.string() })
    ),
  }),
  z.object({ ...withName, type: z.literal('system'), newWaId: z.string().regex(/^\d{6,15}$/), body: z.string().optional() }),
  z.object({ ...withName, type: z.literal('unsupported'), unsupportedType: z.string().optional() }),
  z.object({ ...withName, type: z.literal('request_welcome') }),
]);

export type CitizenSend = z.infer<typeof citizenSendSchema>;

/** The profile name a send carries: `profileName`, or `name` except on a location. */
export function profileNameOf(input: CitizenSend): string | undefined {
  if (input.profileName !== undefined) return input.profileName;
  if (input.type === 'location') return undefined;
  return 'name' in input && typeof input.name === 'string' ? input.name : undefined;
}

/** Which of our earlier messages a reply points at. */
export type ContextLookup = (kind: 'button_reply' | 'list_reply' | 'button', replyId: string) => string | undefined;

export type BuildContext = {
  waId: string;
  /** our display number: `context.from` of replies */
  businessNumber: string;
  findContext: ContextLookup;
  media: MediaStore;
};

function mediaFields(input: Extract<CitizenSend, { type: (typeof mediaTypes)[number] }>, media: MediaStore) {
  // The file behind the media id is downloadable from the fake Graph, so its sha256 is the real one.
  const bytes =
    input.dataBase64 !== undefined
      ? Buffer.from(input.dataBase64, 'base64')
      : input.type === 'image'
        ? sampleJpeg()
        : Buffer.from(`simulated ${input.type}`);
  const mimeType = input.mimeType ?? DEFAULT_MEDIA_MIME[input.type];
  const stored = media.add(bytes, mimeType);
  return { mediaId: stored.id, sha256: input.sha256 ?? stored.sha256, mimeType };
}

/** Build the Meta message object for a citizen's send. */
export function buildCitizenMessage(input: CitizenSend, ctx: BuildContext): InboundMessage {
  const b: MessageBase = { from: ctx.waId };
  if (input.wamid !== undefined) b.wamid = input.wamid;
  if (input.timestamp !== undefined) b.timestamp = input.timestamp;
  const reply = (kind: 'button_reply' | 'list_reply' | 'button', id: string, given?: string) => ({
    from: ctx.businessNumber,
    id: given ?? ctx.findContext(kind, id) ?? newWamid(ctx.businessNumber),
  });

  switch (input.type) {
    case 'text': {
      const o: Parameters<typeof textMessage>[0] = { ...b, body: input.text };
      if (input.forwarded) o.forwarded = true;
      if (input.frequentlyForwarded) o.frequentlyForwarded = true;
      if (input.replyTo) o.replyTo = { from: ctx.businessNumber, id: input.replyTo };
      return textMessage(o);
    }
    case 'location': {
      const o: Parameters<typeof locationMessage>[0] = { ...b, latitude: input.latitude, longitude: input.longitude };
      if (input.name !== undefined) o.name = input.name;
      if (input.address !== undefined) o.address = input.address;
      if (input.url !== undefined) o.url = input.url;
      return locationMessage(o);
    }
    case 'list_reply': {
      const o: Parameters<typeof listReplyMessage>[0] = {
        ...b,
        replyId: input.id,
        title: input.title,
        context: reply('list_reply', input.id, input.contextId),
      };
      if (input.description !== undefined) o.description = input.description;
      return listReplyMessage(o);
    }
    case 'button_reply':
      return buttonReplyMessage({ ...b, replyId: input.id, title: input.title, context: reply('button_reply', input.id, input.contextId) });
    case 'button':
      return templateButtonMessage({ ...b, payload: input.payload, text: input.text, context: reply('button', input.payload, input.contextId) });
    case 'reaction':
      return reactionMessage(input.emoji === undefined ? { ...b, messageId: input.messageId } : { ...b, messageId: input.messageId, emoji: input.emoji });
    case 'contacts':
      return contactsMessage({ ...b, contacts: input.contacts });
    case 'order':
      return orderMessage(input.text === undefined ? { ...b, catalogId: input.catalogId, items: input.items } : { ...b, catalogId: input.catalogId, items: input.items, text: input.text });
    case 'system':
      return systemMessage(input.body === undefined ? { ...b, newWaId: input.newWaId } : { ...b, newWaId: input.newWaId, body: input.body });
    case 'unsupported':
      return unsupportedMessage(input.unsupportedType === undefined ? b : { ...b, unsupportedType: input.unsupportedType });
    case 'request_welcome':
      return requestWelcomeMessage(b);
    default: {
      const m = mediaFields(input, ctx.media);
      const o: Parameters<typeof mediaMessage>[0] = { ...b, kind: input.type, mediaId: m.mediaId, sha256: m.sha256, mimeType: m.mimeType };
      if (input.caption !== undefined) o.caption = input.caption;
      if (input.filename !== undefined) o.filename = input.filename;
      if (input.voice !== undefined) o.voice = input.voice;
      if (input.animated !== undefined) o.animated = input.animated;
      if (input.forwarded) o.forwarded = true;
      if (input.frequentlyForwarded) o.frequentlyForwarded = true;
      return mediaMessage(o);
    }
  }
}

type BotBody = {
  type?: string;
  interactive?: {
    type?: string;
    action?: { buttons?: Array<{ reply?: { id?: string } }>; sections?: Array<{ rows?: Array<{ id?: string }> }> };
  };
  template?: { components?: Array<{ type?: string; parameters?: Array<{ payload?: string }> }> };
};

/** Does this bot message offer the reply `replyId` of this kind? */
export function offersReply(body: Record<string, unknown>, kind: 'button_reply' | 'list_reply' | 'button', replyId: string): boolean {
  const b = body as BotBody;
  if (kind === 'button_reply') return b.interactive?.action?.buttons?.some(x => x.reply?.id === replyId) ?? false;
  if (kind === 'list_reply') return b.interactive?.action?.sections?.some(s => s.rows?.some(r => r.id === replyId)) ?? false;
  return b.template?.components?.some(c => c.type === 'button' && c.parameters?.some(p => p.payload === replyId)) ?? false;
}
