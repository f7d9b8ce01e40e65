import type { Db, Statement } from '../db/open.ts';
import type { EventLog } from '../events/event-log.ts';
import type { OutboundBody } from '../flows/types.ts';

/** 24 hours: the customer service window (spec §9.1). */
export const serviceWindowMs = 24 * 60 * 60 * 1000;

export type EnqueueInput = {
  contactId: number;
  conversationId: number | null;
  inReplyTo?: number | null;
  /** 'message' is free-form (needs the 24-hour window), 'template' passes outside it. */
  kind: 'message' | 'template';
  /** The Graph body without recipient. */
  body: OutboundBody;
  summary: string | null;
  author: string;
};

export type EnqueueResult = { ok: true; id: number } | { ok: false; reason: string };

/**
 * The outbox: every outbound message is a row before it is sent. Enqueue inside the caller's
 * transaction, then `sender.wake()` after the commit.
 */
export class Outbox {
  private readonly events: EventLog;
  private readonly windowOf: Statement;
  private readonly insert: Statement;

  constructor(db: Db, events: EventLog) {
    this.events = events;
    this.windowOf = db.prepare('SELECT last_inbound_ts FROM contacts WHERE id = ?');
    this.insert = db.prepare(
      `INSERT INTO outbound_messages (contact_id, conversation_id, in_reply_to, kind, type, body, text, author, status, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)`
    );
  }

  /** When the contact's window closes (epoch ms), or null if they never wrote. */
  windowClosesAt(contactId: number): number | null {
    const row = this.windowOf.get(contactId) as { last_inbound_ts: number | null } | undefined;
    return row?.last_inbound_ts == null ? null : row.last_inbound_ts * 1000 + serviceWindowMs;
  }

  enqueue(input: EnqueueInput, now: number = Date.now()): EnqueueResult {
    if (input.kind === 'message') {
      const closesAt = this.windowOf.get(input.contactId) === undefined ? null : this.windowClosesAt(input.contactId);
      if (closesAt === null || closesAt <= now) {
        return { ok: false, reason: 'the 24-hour customer service window is closed: only an approved template can be sent' };
      }
    }
    const type = String(input.body.type);
    if (input.kind === 'template' && type !== 'template') {
      return { ok: false, reason: 'a template send must have type "template"' };
    }
    const info = this.insert.run(
      input.contactId,
      input.conversationId,
      input.inReplyTo ?? null,
      input.kind,
      type,
      JSON.stringify(input.body),
      input.summary,
      input.author,
      now,
      now
    );
    const id = Number(info.lastInsertRowid);
    this.events.append({
      type: 'message.queued',
      contactId: input.contactId,
      conversationId: input.conversationId,
      at: now,
      data: { outboundId: id, type, author: input.author },
    });
    return { ok: true, id };
  }
}
