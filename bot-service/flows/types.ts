import type { Db } from '../db/open.ts';

/**
 * The boundary between the message pipeline and the conversation engine.
 *
 * The pipeline calls the engine once per inbound message, in timestamp order per citizen, inside
 * the transaction that marks the message handled; whatever the engine returns is applied in that
 * same transaction, so a crash never leaves a message half answered.
 */

export type Language = 'id' | 'en';

export type InboundForFlow = {
  inboundId: number;
  wamid: string;
  /** The WhatsApp message type: text, interactive, button, location, image, audio, ... */
  type: string;
  /** Typed text, caption or a tapped row/button title. */
  text: string | null;
  /** The id we gave a tapped list row or reply button, or a template button's payload. */
  replyId: string | null;
  location: { latitude: number; longitude: number; name: string | null; address: string | null } | null;
  /** Media files are identified by their sha256 (as Meta sends it, base64). */
  media: { kind: string; sha256: string | null; mimeType: string | null } | null;
  /** 0 no, 1 forwarded, 2 frequently forwarded. */
  forwarded: 0 | 1 | 2;
  /** Epoch seconds, when the citizen sent it. */
  timestamp: number;
};

export type ContactForFlow = {
  id: number;
  profileName: string | null;
  language: Language;
  regionCode: string | null;
  /** What the engine stored last time for this citizen (null for a new citizen). */
  flowState: unknown;
};

export type ConversationState = 'bot' | 'waiting' | 'assigned' | 'closed';

export type ConversationForFlow = {
  id: number;
  state: ConversationState;
  /** True when this message opened the conversation (first message after a quiet period). */
  isNew: boolean;
  regionCode: string | null;
  feature: string | null;
};

/**
 * An outbound message: the Graph API body without messaging_product and recipient, e.g.
 * `{ type: 'text', text: { body } }` or `{ type: 'interactive', interactive: {...} }`.
 */
export type OutboundBody = { type: string } & Record<string, unknown>;

export type FlowReply = {
  body: OutboundBody;
  /** Plain text shown in the console's transcript. */
  summary: string;
};

export type FlowResult = {
  replies: FlowReply[];
  /** Stored on the contact and handed back with the next message. */
  flowState: unknown;
  contact?: { language?: Language; regionCode?: string | null };
  conversation?: {
    /** The feature the citizen is using, for the statistics (radar, faq, selfcheck, tips, hoax, hospital, hotline, info, menu). */
    feature?: string;
    regionCode?: string | null;
    /** Ask for a volunteer: the conversation waits in the inbox at this priority (higher first). */
    handoff?: { priority: number; reason: string };
    /** The citizen left the queue ("batal"): the bot takes the conversation back. */
    release?: { reason: string };
  };
  /** "hapus data saya": erase this citizen's data once the confirmation has been sent. */
  eraseRequested?: boolean;
  /** Facts for the statistics and the hoax desk, recorded by the pipeline. */
  signals?: Array<
    | { kind: 'selfcheck'; level: 'rendah' | 'sedang' | 'tinggi' }
    | { kind: 'hoax-claim'; text: string | null; mediaSha256: string | null; matchedHoaxId: string | null }
    | { kind: 'faq'; faqId: string; confident: boolean }
  >;
};

export type FlowContext = {
  /** Read-only use: content and reference data. Writes happen through the result. */
  db: Db;
  contact: ContactForFlow;
  conversation: ConversationForFlow;
  message: InboundForFlow;
  /** Epoch ms. */
  now: number;
};

export type FlowEngine = { handle(ctx: FlowContext): FlowResult };
