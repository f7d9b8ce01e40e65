import { audit } from '../api/audit.ts';
import type { SessionUser } from '../contract/auth.ts';
import type { ConversationNote, ConversationSummary } from '../contract/conversations.ts';
import type { ReplyRequest, VolunteerPresence } from '../contract/inbox.ts';
import type { Db } from '../db/open.ts';
import { getConversationSummary, insertNote } from '../db/queries/conversations.ts';
import {
  capacityOf,
  claimWaiting,
  getConversationState,
  getPresence,
  getStaffUser,
  markFirstReply,
  openCount,
  reassign,
  releaseAssigned,
  resolveConversation,
  upsertPresence,
  type InboxConversation,
} from '../db/queries/inbox.ts';
import type { EventLog } from '../events/event-log.ts';
import type { Outbox } from '../outbox/outbox.ts';
import { inboxCatalogue } from './catalogue.ts';
import { composeReply } from './compose.ts';

/**
 * What volunteers and supervisors do in the inbox. Each action is one IMMEDIATE transaction:
 * check, change, event, audit line, all or nothing. The caller announces the events (and wakes
 * the sender after a reply) once it returns.
 *
 * Volunteers act only on conversations assigned to them; supervisors and admins on any.
 */

export type InboxDeps = { db: Db; events: EventLog; outbox: Outbox };

export type ActionResult<T> = { ok: true; value: T } | { ok: false; status: 403 | 404 | 409 | 422; error: string };

class Refusal extends Error {
  readonly status: 403 | 404 | 409 | 422;
  constructor(status: 403 | 404 | 409 | 422, message: string) {
    super(message);
    this.status = status;
  }
}

function run<T>(db: Db, fn: () => T): ActionResult<T> {
  try {
    return { ok: true, value: db.transaction(fn).immediate() };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, status: error.status, error: error.message };
    throw error;
  }
}

const isVolunteer = (actor: SessionUser): boolean => actor.role === 'volunteer';
const target = (id: number): string => `conversation:${id}`;
export const staffName = (u: { displayName: string | null; username: string }): string => u.displayName ?? u.username;

function load(db: Db, id: number): InboxConversation {
  const conv = getConversationState(db, id);
  if (conv === null) throw new Refusal(404, 'no such conversation');
  return conv;
}

/** A volunteer may act only on a conversation assigned to them. */
function requireHolder(actor: SessionUser, conv: InboxConversation): void {
  if (!isVolunteer(actor)) return;
  if (conv.state === 'waiting') throw new Refusal(409, 'the conversation is waiting: claim it first');
  if (conv.state !== 'assigned') throw new Refusal(409, 'the conversation is not with a volunteer');
  if (conv.assigned_to !== actor.id) throw new Refusal(403, 'the conversation is assigned to someone else');
}

function summary(db: Db, id: number): ConversationSummary {
  return getConversationSummary(db, id)!;
}

function updated(deps: InboxDeps, conv: InboxConversation, now: number, data: Record<string, unknown>): void {
  deps.events.append({ type: 'conversation.updated', contactId: conv.contact_id, conversationId: conv.id, at: now, data });
}

function checkCapacity(db: Db, userId: number, who: string): void {
  const open = openCount(db, userId);
  const capacity = capacityOf(db, userId);
  if (open >= capacity) throw new Refusal(409, `${who} at capacity: ${open} of ${capacity} open conversations`);
}

/** Takes a waiting conversation: exactly one of any number of simultaneous claimers wins. */
export function claim(deps: InboxDeps, actor: SessionUser, id: number, now: number = Date.now()): ActionResult<ConversationSummary> {
  const { db } = deps;
  return run(db, () => {
    const conv = load(db, id);
    if (conv.state === 'assigned') throw new Refusal(409, 'already claimed by someone else');
    if (conv.state !== 'waiting') throw new Refusal(409, 'the conversation is not waiting for a volunteer');
    checkCapacity(db, actor.id, 'you are');
    if (!claimWaiting(db, id, actor.id, now)) throw new Refusal(409, 'already claimed by someone else');
    updated(deps, conv, now, {
      action: 'claimed',
      state: 'assigned',
      assignedTo: actor.id,
      waitedMs: conv.waiting_since === null ? null : now - conv.waiting_since,
    });
    audit(db, { actorId: actor.id, action: 'inbox.claim', target: target(id) });
    return summary(db, id);
  });
}

/** Puts an assigned conversation back in the queue, at its original place. */
export function release(deps: InboxDeps, actor: SessionUser, id: number, now: number = Date.now()): ActionResult<ConversationSummary> {
  const { db } = deps;
  return run(db, () => {
    const conv = load(db, id);
    if (conv.state !== 'assigned') throw new Refusal(409, 'the conversation is not assigned');
    requireHolder(actor, conv);
    if (!releaseAssigned(db, id, conv.assigned_to!)) throw new Refusal(409, 'the conversation changed meanwhile');
    updated(deps, conv, now, { action: 'released', state: 'waiting', assignedTo: null, from: conv.assigned_to });
    audit(db, { actorId: actor.id, action: 'inbox.release', target: target(id), details: { from: conv.assigned_to } });
    return summary(db, id);
  });
}

/** Hands a conversation to another volunteer (supervisors may also assign a waiting one). */
export function transfer(
  deps: InboxDeps,
  actor: SessionUser,
  id: number,
  toUserId: number,
  now: number = Date.now()
): ActionResult<ConversationSummary> {
  const { db } = deps;
  return run(db, () => {
    const conv = load(db, id);
    if (conv.state !== 'assigned' && conv.state !== 'waiting') throw new Refusal(409, 'the conversation is not with a volunteer');
    requireHolder(actor, conv);
    const to = getStaffUser(db, toUserId);
    if (to === null || !to.active) throw new Refusal(422, `toUserId: no active user ${toUserId}`);
    if (!['volunteer', 'supervisor', 'admin'].includes(to.role)) throw new Refusal(422, `toUserId: a ${to.role} cannot take conversations`);
    if (conv.assigned_to === to.id) throw new Refusal(409, `already assigned to ${to.name}`);
    checkCapacity(db, to.id, `${to.name} is`);
    if (!reassign(db, id, { state: conv.state, assignedTo: conv.assigned_to }, to.id, now)) {
      throw new Refusal(409, 'the conversation changed meanwhile');
    }
    updated(deps, conv, now, { action: 'transferred', state: 'assigned', assignedTo: to.id, from: conv.assigned_to });
    audit(db, { actorId: actor.id, action: 'inbox.transfer', target: target(id), details: { from: conv.assigned_to, to: to.id } });
    return summary(db, id);
  });
}

export type ReplyResult = { outboundIds: number[]; text: string; conversation: ConversationSummary };

/**
 * Queues a reply in the outbox. Free-form replies need the 24-hour window (409 with the
 * outbox's reason otherwise); an approved template passes outside it.
 */
export function reply(deps: InboxDeps, actor: SessionUser, id: number, request: ReplyRequest, now: number = Date.now()): ActionResult<ReplyResult> {
  const { db, outbox } = deps;
  return run(db, () => {
    const conv = load(db, id);
    if (conv.state !== 'assigned') {
      throw new Refusal(409, conv.state === 'waiting' ? 'the conversation is waiting: claim it first' : 'the conversation is not with a volunteer');
    }
    requireHolder(actor, conv);
    const contact = db.prepare('SELECT language, profile_name, region_code FROM contacts WHERE id = ?').get(conv.contact_id) as {
      language: string;
      profile_name: string | null;
      region_code: string | null;
    };
    const composed = composeReply(
      db,
      request,
      { language: contact.language, profileName: contact.profile_name, regionCode: conv.region_code ?? contact.region_code },
      staffName(actor)
    );
    if (!composed.ok) throw new Refusal(422, composed.error);
    const outboundIds: number[] = [];
    for (const part of composed.parts) {
      const queued = outbox.enqueue(
        { contactId: conv.contact_id, conversationId: id, kind: composed.kind, body: part.body, summary: part.summary, author: `user:${actor.id}` },
        now
      );
      if (!queued.ok) throw new Refusal(409, queued.reason);
      outboundIds.push(queued.id);
    }
    if (markFirstReply(db, id, now)) {
      updated(deps, conv, now, {
        action: 'first-reply',
        state: 'assigned',
        assignedTo: conv.assigned_to,
        firstReplyMs: conv.waiting_since === null ? null : now - conv.waiting_since,
      });
    }
    audit(db, { actorId: actor.id, action: 'inbox.reply', target: target(id), details: { kind: request.kind, outboundIds, ...composed.refs } });
    return { outboundIds, text: composed.text, conversation: summary(db, id) };
  });
}

/** An internal note (never sent to the citizen). */
export function addNote(deps: InboxDeps, actor: SessionUser, id: number, text: string, now: number = Date.now()): ActionResult<ConversationNote> {
  const { db } = deps;
  return run(db, () => {
    const conv = load(db, id);
    requireHolder(actor, conv);
    const note = insertNote(db, id, actor.id, text, now);
    updated(deps, conv, now, { action: 'note', state: conv.state, assignedTo: conv.assigned_to, noteId: note.id });
    audit(db, { actorId: actor.id, action: 'inbox.note', target: target(id), details: { noteId: note.id } });
    return note;
  });
}

/** Done: the bot answers the citizen again. Optionally tells them so (inside the window only). */
export function resolve(
  deps: InboxDeps,
  actor: SessionUser,
  id: number,
  notifyCitizen: boolean,
  now: number = Date.now()
): ActionResult<ConversationSummary & { notified: boolean }> {
  const { db, outbox } = deps;
  return run(db, () => {
    const conv = load(db, id);
    if (conv.state !== 'assigned' && conv.state !== 'waiting') throw new Refusal(409, 'the conversation is not with a volunteer');
    requireHolder(actor, conv);
    if (!resolveConversation(db, id, actor.id, now)) throw new Refusal(409, 'the conversation changed meanwhile');
    updated(deps, conv, now, { action: 'resolved', state: 'bot', assignedTo: null, from: conv.assigned_to, resolvedBy: actor.id });
    let notified = false;
    if (notifyCitizen) {
      const language = db.prepare('SELECT language FROM contacts WHERE id = ?').pluck().get(conv.contact_id) as string;
      const text = inboxCatalogue(language).resolved;
      const queued = outbox.enqueue(
        { contactId: conv.contact_id, conversationId: id, kind: 'message', body: { type: 'text', text: { body: text, preview_url: false } }, summary: text, author: 'system' },
        now
      );
      // Outside the window there is nothing to say: the next message reaches the bot anyway.
      notified = queued.ok;
    }
    audit(db, { actorId: actor.id, action: 'inbox.resolve', target: target(id), details: { from: conv.assigned_to, notified } });
    return { ...summary(db, id), notified };
  });
}

/** A presence heartbeat; status or capacity changes are audited, plain heartbeats are not. */
export function heartbeat(
  deps: InboxDeps,
  actor: SessionUser,
  status: 'online' | 'away',
  capacity: number | undefined,
  now: number = Date.now()
): VolunteerPresence {
  const { db } = deps;
  return db.transaction(() => {
    if (upsertPresence(db, actor.id, status, capacity, now)) {
      audit(db, { actorId: actor.id, action: 'inbox.presence', target: `user:${actor.id}`, details: { status, capacity: capacityOf(db, actor.id) } });
    }
    return getPresence(db, actor.id, now);
  }).immediate();
}
