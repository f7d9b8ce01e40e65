import { z } from 'zod';
import type { RouteDescription } from './auth.ts';

/**
 * Conversations for the console (issue 4): the filtered list (live monitor) and one
 * conversation's details with its full transcript.
 *
 * Route descriptions: `request` is the query string for GET and the JSON body otherwise.
 * Officials get none of these (they see aggregates only); volunteers see the details of a
 * conversation only while it waits in the inbox or is assigned to them.
 */

/** Epoch ms. */
const EpochMs = z.number().int();

export const ConversationState = z.enum(['bot', 'waiting', 'assigned', 'closed']);
export type ConversationState = z.infer<typeof ConversationState>;

/** Why a conversation is flagged: a forwarded hoax claim, or a high-risk (tinggi) self check-up. */
export const ConversationFlag = z.enum(['hoax', 'high-risk']);
export type ConversationFlag = z.infer<typeof ConversationFlag>;

/** A console user as other users see them. */
export const StaffRef = z.object({ id: z.number().int(), name: z.string() });
export type StaffRef = z.infer<typeof StaffRef>;

/** A region code (35.01 ... 35.79) or 'unknown' for conversations with no region yet. */
export const RegionFilter = z.string().regex(/^(35\.\d{2}|unknown)$/, 'a region code like 35.78, or unknown');

/** Query of `GET /api/conversations`. `from`/`to` select conversations active in [from, to). */
export const ConversationListQuery = z.strictObject({
  region: RegionFilter.optional(),
  feature: z.string().regex(/^[a-z][a-z-]{0,31}$/, 'a feature name like faq or selfcheck').optional(),
  state: ConversationState.optional(),
  /** true: any flag; false: none; or one flag. */
  flagged: z.enum(['true', 'false', 'hoax', 'high-risk']).optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().positive().optional(),
  /** `nextCursor` of the previous page. */
  cursor: z.string().regex(/^\d{1,15}\.\d{1,15}$/, 'a nextCursor from a previous page').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ConversationListQuery = z.infer<typeof ConversationListQuery>;

export const ConversationContact = z.object({
  id: z.number().int(),
  /** Masked, e.g. 62812•••••001. */
  phone: z.string(),
  profileName: z.string().nullable(),
  language: z.string(),
});
export type ConversationContact = z.infer<typeof ConversationContact>;

export const ConversationSummary = z.object({
  id: z.number().int(),
  contact: ConversationContact,
  state: ConversationState,
  priority: z.number().int(),
  feature: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  startedAt: EpochMs,
  lastMessageAt: EpochMs,
  endedAt: EpochMs.nullable(),
  messageCount: z.number().int(),
  flags: z.array(ConversationFlag),
  assignedTo: StaffRef.nullable(),
  assignedAt: EpochMs.nullable(),
  waitingSince: EpochMs.nullable(),
  firstReplyAt: EpochMs.nullable(),
  resolvedAt: EpochMs.nullable(),
  resolvedBy: StaffRef.nullable(),
  /** When the 24-hour customer service window closes (null: the citizen never wrote). */
  windowClosesAt: EpochMs.nullable(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const ConversationListResponse = z.object({
  items: z.array(ConversationSummary),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ConversationListResponse = z.infer<typeof ConversationListResponse>;

export const DeliveryStatus = z.enum(['queued', 'sending', 'accepted', 'sent', 'delivered', 'read', 'failed']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const TranscriptInbound = z.object({
  direction: z.literal('in'),
  id: z.number().int(),
  /** When the citizen sent it (WhatsApp's timestamp: whole seconds). */
  at: EpochMs,
  /** When it reached us; the transcript is in this order (a retried message can arrive late). */
  receivedAt: EpochMs,
  type: z.string(),
  /** Null once erased or past retention. */
  text: z.string().nullable(),
  forwarded: z.number().int(),
  /** 'late' when it arrived after the 24-hour window had closed. */
  state: z.string(),
});

export const TranscriptOutbound = z.object({
  direction: z.literal('out'),
  id: z.number().int(),
  /** When it was queued. */
  at: EpochMs,
  type: z.string(),
  text: z.string().nullable(),
  /** 'bot', 'system' or 'user'. */
  author: z.enum(['bot', 'system', 'user']),
  user: StaffRef.nullable(),
  status: DeliveryStatus,
  sentAt: EpochMs.nullable(),
  deliveredAt: EpochMs.nullable(),
  readAt: EpochMs.nullable(),
  failedAt: EpochMs.nullable(),
  error: z.object({ code: z.number().int().nullable(), reason: z.string().nullable() }).nullable(),
});

export const TranscriptEntry = z.discriminatedUnion('direction', [TranscriptInbound, TranscriptOutbound]);
export type TranscriptEntry = z.infer<typeof TranscriptEntry>;

export const ConversationNote = z.object({ id: z.number().int(), author: StaffRef, text: z.string(), at: EpochMs });
export type ConversationNote = z.infer<typeof ConversationNote>;

/** Someone with the conversation open in a console right now. */
export const Viewer = z.object({ user: StaffRef, since: EpochMs, lastSeen: EpochMs });
export type Viewer = z.infer<typeof Viewer>;

export const ConversationDetail = z.object({
  conversation: ConversationSummary,
  transcript: z.array(TranscriptEntry),
  notes: z.array(ConversationNote),
  viewers: z.array(Viewer),
});
export type ConversationDetail = z.infer<typeof ConversationDetail>;

/** Path parameter `:id`. */
export const ConversationIdParams = z.strictObject({ id: z.coerce.number().int().positive() });

/** Body of `POST /api/conversations/:id/viewing`: send every ~15 s while open; `active: false` on close. */
export const ViewingRequest = z.strictObject({ active: z.boolean().default(true) });
export type ViewingRequest = z.infer<typeof ViewingRequest>;

export const ViewingResponse = z.object({ viewers: z.array(Viewer) });
export type ViewingResponse = z.infer<typeof ViewingResponse>;

const readers = ['volunteer', 'supervisor', 'admin'] as const;

export const routes = [
  {
    method: 'GET',
    url: '/api/conversations',
    roles: ['supervisor', 'admin'],
    request: ConversationListQuery,
    response: ConversationListResponse,
  },
  { method: 'GET', url: '/api/conversations/:id', roles: [...readers], response: ConversationDetail },
  { method: 'POST', url: '/api/conversations/:id/viewing', roles: [...readers], request: ViewingRequest, response: ViewingResponse },
] as const satisfies readonly RouteDescription[];
