import type { Db, Statement } from '../db/open.ts';
import type { EventLog } from '../events/event-log.ts';
import type { FlowEngine, FlowResult, InboundForFlow, Language } from '../flows/types.ts';
import { recordHoaxIntake } from '../hoax/intake.ts';
import type { Logger } from '../logger.ts';
import { serviceWindowMs, type Outbox } from '../outbox/outbox.ts';
import { requestErasure } from '../privacy/erasure-requests.ts';
import { Conversations } from './conversations.ts';

type InboundRow = {
  id: number;
  wamid: string;
  contact_id: number;
  type: string;
  text: string | null;
  payload: string;
  forwarded: 0 | 1 | 2;
  wa_timestamp: number;
};

type ContactRow = {
  id: number;
  profile_name: string | null;
  language: string;
  region_code: string | null;
  flow_state: string | null;
  created_at: number;
};

/** Turns a stored message into what the flow engine reads. */
export function toFlowMessage(row: InboundRow): InboundForFlow {
  const payload = JSON.parse(row.payload) as Record<string, any>;
  const part = (payload[row.type] ?? {}) as Record<string, any>;
  const reply = part.button_reply ?? part.list_reply;
  const replyId = typeof reply?.id === 'string' ? reply.id : row.type === 'button' && typeof part.payload === 'string' ? part.payload : null;
  const isMedia = ['image', 'video', 'audio', 'document', 'sticker'].includes(row.type);
  const lat = Number(part.latitude);
  const lon = Number(part.longitude);
  return {
    inboundId: row.id,
    wamid: row.wamid,
    type: row.type,
    text: row.text,
    replyId,
    location:
      row.type === 'location' && Number.isFinite(lat) && Number.isFinite(lon)
        ? { latitude: lat, longitude: lon, name: part.name ?? null, address: part.address ?? null }
        : null,
    media: isMedia ? { kind: row.type, sha256: part.sha256 ?? null, mimeType: part.mime_type ?? null } : null,
    forwarded: row.forwarded,
    timestamp: row.wa_timestamp,
  };
}

/**
 * Handles one citizen's stored messages in timestamp order, each in its own transaction: the
 * conversation, the flow's decision, the replies in the outbox and the message marked handled
 * commit together, so a crash leaves either nothing done or all of it.
 */
export class InboundProcessor {
  private readonly db: Db;
  private readonly events: EventLog;
  private readonly outbox: Outbox;
  private readonly engine: FlowEngine;
  private readonly log: Logger;
  private readonly markRead: (contactId: number, wamid: string) => void;
  private readonly conversations: Conversations;
  private readonly nextPending: Statement;
  private readonly contactById: Statement;
  private readonly markHandled: Statement;
  private readonly saveContact: Statement;
  private readonly updateConversation: Statement;
  private readonly pendingContacts: Statement;

  constructor(
    db: Db,
    events: EventLog,
    outbox: Outbox,
    engine: FlowEngine,
    log: Logger,
    quietMs: number,
    markRead: (contactId: number, wamid: string) => void
  ) {
    this.db = db;
    this.markRead = markRead;
    this.events = events;
    this.outbox = outbox;
    this.engine = engine;
    this.log = log;
    this.conversations = new Conversations(db, quietMs);
    this.nextPending = db.prepare(
      // "= +?": planned once, not on every run (db/open.ts).
      `SELECT id, wamid, contact_id, type, text, payload, forwarded, wa_timestamp FROM inbound_messages
       WHERE contact_id = +? AND state = 'pending' ORDER BY wa_timestamp, wamid LIMIT 1`
    );
    this.contactById = db.prepare('SELECT id, profile_name, language, region_code, flow_state, created_at FROM contacts WHERE id = ?');
    this.markHandled = db.prepare('UPDATE inbound_messages SET state = ?, conversation_id = ?, handled_at = ? WHERE id = ?');
    this.saveContact = db.prepare('UPDATE contacts SET flow_state = ?, language = ?, region_code = ? WHERE id = ?');
    this.updateConversation = db.prepare(
      `UPDATE conversations SET feature = COALESCE(?, feature), region_code = ?, state = ?, priority = MAX(priority, ?) WHERE id = ?`
    );
    this.pendingContacts = db.prepare("SELECT DISTINCT contact_id FROM inbound_messages WHERE state = 'pending'");
  }

  /** Contacts with messages not yet handled (after a restart). */
  contactsWithPending(): number[] {
    return (this.pendingContacts.all() as Array<{ contact_id: number }>).map(r => r.contact_id);
  }

  /** Handles every pending message of this contact; returns how many. */
  processContact(contactId: number): number {
    let handled = 0;
    for (;;) {
      const done = this.db.transaction(() => {
        const row = this.nextPending.get(contactId) as InboundRow | undefined;
        if (row === undefined) {
          return false;
        }
        this.handle(row);
        return true;
      })();
      if (!done) {
        return handled;
      }
      handled++;
    }
  }

  private handle(row: InboundRow): void {
    const now = Date.now();
    const contact = this.contactById.get(row.contact_id) as ContactRow;
    const messageAt = row.wa_timestamp * 1000;
    const { row: conversation, isNew } = this.conversations.forMessage(contact.id, Math.min(messageAt, now), contact.region_code);
    if (isNew) {
      this.events.append({ type: 'conversation.started', contactId: contact.id, conversationId: conversation.id, at: now, data: { regionCode: conversation.region_code } });
    }
    // Marking read is not a message to the citizen: it needs no window and is never refused.
    this.markRead(contact.id, row.wamid);

    // A message delivered long after it was written (Meta retries for 7 days) is kept and
    // counted, but the bot does not start a flow once the 24-hour window has closed.
    if (now - messageAt >= serviceWindowMs) {
      this.markHandled.run('late', conversation.id, now, row.id);
      this.events.append({ type: 'message.late', contactId: contact.id, conversationId: conversation.id, at: now, data: { inboundId: row.id, waTimestamp: row.wa_timestamp } });
      return;
    }
    if (row.type === 'reaction' || row.type === 'system') {
      this.markHandled.run('handled', conversation.id, now, row.id);
      return;
    }
    let result: FlowResult;
    try {
      result = this.engine.handle({
        db: this.db,
        now,
        message: toFlowMessage(row),
        contact: {
          id: contact.id,
          profileName: contact.profile_name,
          language: (contact.language === 'en' ? 'en' : 'id') as Language,
          regionCode: contact.region_code,
          flowState: contact.flow_state === null ? null : JSON.parse(contact.flow_state),
        },
        conversation: { id: conversation.id, state: conversation.state, isNew, regionCode: conversation.region_code, feature: conversation.feature },
      });
    } catch (error) {
      // A bug in one flow must not stop the line: the message stays stored and visible.
      this.log.error({ err: error, inboundId: row.id }, 'flow engine failed on a message');
      this.markHandled.run('handled', conversation.id, now, row.id);
      return;
    }
    this.apply(row, contact, conversation.id, conversation.state, conversation.region_code, result, now);
  }

  private apply(
    row: InboundRow,
    contact: ContactRow,
    conversationId: number,
    state: string,
    conversationRegion: string | null,
    result: FlowResult,
    now: number
  ): void {
    const language = result.contact?.language ?? contact.language;
    const regionCode = result.contact?.regionCode !== undefined ? result.contact.regionCode : contact.region_code;
    this.saveContact.run(result.flowState === undefined ? null : JSON.stringify(result.flowState), language, regionCode, contact.id);
    if (regionCode !== contact.region_code || language !== contact.language) {
      this.events.append({ type: 'contact.updated', contactId: contact.id, at: now, data: { regionCode, language } });
    }
    const c = result.conversation ?? {};
    // A conversation counts for the region known at its end.
    const convRegion = c.regionCode !== undefined ? c.regionCode : (regionCode ?? conversationRegion);
    const nextState =
      c.handoff && state === 'bot' ? 'waiting' : c.release && (state === 'waiting' || state === 'assigned') ? 'bot' : state;
    this.updateConversation.run(c.feature ?? null, convRegion, nextState, c.handoff?.priority ?? 0, conversationId);
    if (c.feature !== undefined || c.handoff !== undefined || c.release !== undefined || convRegion !== conversationRegion || nextState !== state) {
      this.events.append({
        type: 'conversation.updated',
        contactId: contact.id,
        conversationId,
        at: now,
        data: { feature: c.feature ?? null, regionCode: convRegion, state: nextState, handoff: c.handoff ?? null, release: c.release ?? null },
      });
    }
    for (const signal of result.signals ?? []) {
      // Events never carry what a citizen wrote: the claim's text stays with the message.
      const { text: _text, ...facts } = signal as typeof signal & { text?: unknown };
      this.events.append({ type: 'flow.signal', contactId: contact.id, conversationId, at: now, data: { ...facts, inboundId: row.id } });
    }
    for (const reply of result.replies) {
      const queued = this.outbox.enqueue(
        { contactId: contact.id, conversationId, inReplyTo: row.id, kind: 'message', body: reply.body, summary: reply.summary, author: 'bot' },
        now
      );
      if (!queued.ok) {
        this.log.warn({ inboundId: row.id, reason: queued.reason }, 'bot reply not queued');
      }
    }
    // Hoax desk: a forwarded message or a hoax claim becomes a claim (after the bot's replies, so a
    // clarification already decided for its cluster follows them).
    recordHoaxIntake({ db: this.db, events: this.events, outbox: this.outbox, log: this.log }, { row, contactId: contact.id, conversationId, regionCode: regionCode ?? convRegion, signals: result.signals, now });
    if (result.eraseRequested) {
      // Erased once the confirmation has gone out (privacy/erasure-requests.ts).
      requestErasure(this.db, contact.id, { via: 'citizen', reason: 'hapus data saya', now });
    }
    this.markHandled.run('handled', conversationId, now, row.id);
  }
}
