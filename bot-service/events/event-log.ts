import { EventEmitter } from 'node:events';
import { preparePerLimit, type Db, type Statement } from '../db/open.ts';

/** The kinds of change the console's live stream carries. */
export type EventType =
  | 'message.received'
  | 'message.late'
  | 'message.queued'
  | 'message.status'
  | 'conversation.started'
  | 'conversation.updated'
  | 'contact.updated'
  | 'flow.signal'
  | 'hoax.updated';

export type AppendEvent = {
  type: EventType;
  contactId?: number | null;
  conversationId?: number | null;
  data: Record<string, unknown>;
  at?: number;
};

export type StoredEvent = {
  seq: number;
  at: number;
  type: EventType;
  contactId: number | null;
  conversationId: number | null;
  data: Record<string, unknown>;
};

/**
 * The event log: every change is appended with a monotonic sequence number inside the
 * transaction that made it, so a reader that resumes from a sequence number misses nothing.
 */
export class EventLog {
  readonly db: Db;
  /** Emits 'appended' (no payload) after a commit that added events; readers then query from their seq. */
  readonly notifier = new EventEmitter();
  private readonly insert: Statement;
  private readonly selectAfter: (limit: number) => Statement;
  private toOtherThread: (() => void) | null = null;

  constructor(db: Db) {
    this.db = db;
    this.notifier.setMaxListeners(0);
    this.insert = db.prepare(
      'INSERT INTO events (at, type, contact_id, conversation_id, data) VALUES (?, ?, ?, ?, ?)'
    );
    this.selectAfter = preparePerLimit(db, limit => `SELECT seq, at, type, contact_id, conversation_id, data FROM events WHERE seq > ? ORDER BY seq LIMIT ${limit}`);
  }

  /** Appends within the caller's transaction; call `announce()` after the commit. */
  append(event: AppendEvent): number {
    const info = this.insert.run(
      event.at ?? Date.now(),
      event.type,
      event.contactId ?? null,
      event.conversationId ?? null,
      JSON.stringify(event.data)
    );
    return Number(info.lastInsertRowid);
  }

  announce(): void {
    this.notifier.emit('appended');
    this.toOtherThread?.();
  }

  /**
   * With processing in its own thread, both threads append: `send` tells the other thread's
   * event log (whose `announcedElsewhere()` then wakes its readers: the stream, the projector).
   */
  linkThread(send: () => void): void {
    this.toOtherThread = send;
  }

  /** The other thread appended and committed events. */
  announcedElsewhere(): void {
    this.notifier.emit('appended');
  }

  readAfter(seq: number, limit = 500): StoredEvent[] {
    const rows = this.selectAfter(limit).all(seq) as Array<{
      seq: number;
      at: number;
      type: EventType;
      contact_id: number | null;
      conversation_id: number | null;
      data: string;
    }>;
    return rows.map(r => ({
      seq: r.seq,
      at: r.at,
      type: r.type,
      contactId: r.contact_id,
      conversationId: r.conversation_id,
      data: JSON.parse(r.data) as Record<string, unknown>,
    }));
  }

  lastSeq(): number {
    const row = this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM events').get() as { seq: number };
    return row.seq;
  }
}
