import { z } from 'zod';
import type { RouteDescription } from './auth.ts';
import { ConversationNote, ConversationSummary, StaffRef, Viewer } from './conversations.ts';

/**
 * The volunteer inbox (issue 4): the queue, claim/release/transfer, replies, notes, resolve and
 * presence. Every route takes the conversation id as `:id` and answers
 * 404 (no such conversation), 403 (a volunteer acting on a conversation not assigned to them),
 * 409 (the state changed: already claimed, capacity full, window closed) or
 * 422 (the reply cannot be made: unapproved template, missing canned variables, unknown item).
 *
 * Route descriptions: `request` is the JSON body (GET has none here).
 */

const EpochMs = z.number().int();

export const PresenceStatus = z.enum(['online', 'away', 'offline']);
export type PresenceStatus = z.infer<typeof PresenceStatus>;

export const VolunteerPresence = z.object({
  user: StaffRef,
  /** 'offline' when no heartbeat came for a while. */
  status: PresenceStatus,
  capacity: z.number().int(),
  /** Conversations assigned to them now. */
  open: z.number().int(),
  lastSeen: EpochMs.nullable(),
});
export type VolunteerPresence = z.infer<typeof VolunteerPresence>;

export const InboxItem = ConversationSummary.extend({
  /** 1-based place in the waiting queue (null unless waiting). */
  queuePosition: z.number().int().nullable(),
  /** The citizen's latest message, cut to 160 characters (null if none or erased). */
  preview: z.string().nullable(),
  viewers: z.array(Viewer),
});
export type InboxItem = z.infer<typeof InboxItem>;

export const InboxResponse = z.object({
  /** Waiting conversations: higher priority first, then the longest wait. */
  waiting: z.array(InboxItem),
  /** Conversations assigned to the caller. */
  mine: z.array(InboxItem),
  /** Supervisors and admins: every assigned conversation; volunteers: empty. */
  assigned: z.array(InboxItem),
  me: VolunteerPresence,
  /** Everyone who sent a heartbeat recently, online first. */
  volunteers: z.array(VolunteerPresence),
  /** Free places of the online volunteers (capacity minus open conversations). */
  freeCapacity: z.number().int(),
});
export type InboxResponse = z.infer<typeof InboxResponse>;

export const PresenceRequest = z.strictObject({
  status: z.enum(['online', 'away']),
  capacity: z.number().int().min(0).max(50).optional(),
});
export type PresenceRequest = z.infer<typeof PresenceRequest>;

export const ConversationResponse = z.object({ conversation: ConversationSummary });
export type ConversationResponse = z.infer<typeof ConversationResponse>;

/** Body of claim and release: nothing (an empty object is accepted). */
export const EmptyRequest = z.strictObject({});

export const TransferRequest = z.strictObject({ toUserId: z.number().int().positive() });
export type TransferRequest = z.infer<typeof TransferRequest>;

/** Free-text, parameter or variable values: what WhatsApp accepts in a template parameter. */
const TemplateParam = z
  .string()
  .min(1)
  .max(1024)
  .refine(v => !/[\n\t]|\s{5,}/.test(v), 'no new lines, tabs or more than four spaces in a row');

export const ReplyRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), text: z.string().trim().min(1).max(4096) }),
  z.strictObject({
    kind: z.literal('canned'),
    cannedId: z.number().int().positive(),
    /** Override or add values for {name} placeholders; {nama}, {wilayah} and {relawan} are filled in otherwise. */
    variables: z.record(z.string().regex(/^[a-z_]{1,32}$/), z.string().max(200)).optional(),
  }),
  z.strictObject({ kind: z.literal('faq'), faqId: z.string().min(1).max(100) }),
  z.strictObject({ kind: z.literal('hospital'), hospitalId: z.number().int().positive() }),
  z.strictObject({ kind: z.literal('template'), templateId: z.number().int().positive(), params: z.array(TemplateParam).max(20).default([]) }),
]);
export type ReplyRequest = z.infer<typeof ReplyRequest>;

export const ReplyResponse = z.object({
  /** Outbox rows (a long text goes as several messages). */
  outboundIds: z.array(z.number().int()),
  /** What the citizen will read. */
  text: z.string(),
  conversation: ConversationSummary,
});
export type ReplyResponse = z.infer<typeof ReplyResponse>;

export const NoteRequest = z.strictObject({ text: z.string().trim().min(1).max(2000) });
export type NoteRequest = z.infer<typeof NoteRequest>;

export const NoteResponse = z.object({ note: ConversationNote });
export type NoteResponse = z.infer<typeof NoteResponse>;

export const ResolveRequest = z.strictObject({
  /** Tell the citizen the bot answers again (only inside the 24-hour window). */
  notifyCitizen: z.boolean().default(true),
});
export type ResolveRequest = z.infer<typeof ResolveRequest>;

export const ResolveResponse = ConversationResponse.extend({
  /** Whether the citizen was told (false outside the window or when not asked). */
  notified: z.boolean(),
});
export type ResolveResponse = z.infer<typeof ResolveResponse>;

const staff = ['volunteer', 'supervisor', 'admin'] as const;

export const routes = [
  { method: 'GET', url: '/api/inbox', roles: [...staff], response: InboxResponse },
  { method: 'POST', url: '/api/inbox/presence', roles: [...staff], request: PresenceRequest, response: VolunteerPresence },
  { method: 'POST', url: '/api/inbox/:id/claim', roles: [...staff], request: EmptyRequest, response: ConversationResponse },
  { method: 'POST', url: '/api/inbox/:id/release', roles: [...staff], request: EmptyRequest, response: ConversationResponse },
  { method: 'POST', url: '/api/inbox/:id/transfer', roles: [...staff], request: TransferRequest, response: ConversationResponse },
  { method: 'POST', url: '/api/inbox/:id/reply', roles: [...staff], request: ReplyRequest, response: ReplyResponse },
  { method: 'POST', url: '/api/inbox/:id/notes', roles: [...staff], request: NoteRequest, response: NoteResponse },
  { method: 'POST', url: '/api/inbox/:id/resolve', roles: [...staff], request: ResolveRequest, response: ResolveResponse },
] as const satisfies readonly RouteDescription[];
