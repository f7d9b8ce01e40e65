import { preparePerLimit, withFullSync, type Db, type Statement } from '../db/open.ts';
import type { EventLog } from '../events/event-log.ts';
import type { Logger } from '../logger.ts';
import type { StatusApplier } from '../outbox/statuses.ts';
import { parseWebhook, type ParsedWebhook } from '../whatsapp/webhook-parse.ts';
import { WalSync } from './wal-sync.ts';
import { openJournalFile } from './webhook-journal.ts';

export type MoveResult = {
  /** Journal entries moved into the main database by this call. */
  entries: number;
  /** The last entry now in the main database. */
  movedUpTo: number;
  /** The last entry on disk in the main database (entries up to it may be pruned from the journal). */
  durableUpTo: number;
  /** Contacts with new messages waiting for the flow engine. */
  contactIds: number[];
};

type Entry = { seq: number; received_at: number; phone_number_id: string; body: string };

/**
 * Follows the webhook journal (journal/webhook-journal.ts) into the main database: stores each
 * acknowledged webhook body, each message (deduplicated on its wamid, since Meta redelivers) and
 * each status, in journal order.
 *
 * A batch of entries and the position reached commit together: after a crash the next call
 * starts right after the last entry stored, so every acknowledged webhook is stored exactly once.
 * Those commits are synchronous=NORMAL (they survive a crash of the process; the journal already
 * has the entries on disk). Only entries on disk are reported durable, so a power cut never loses
 * an entry the journal has pruned: once a second, the processing cycle has the main database's
 * WAL flushed in libuv's thread pool (`flushIfDue`), and the tools' `moveBatch` commits FULL.
 */
export class JournalFollower {
  private readonly db: Db;
  private readonly journal: Db;
  private readonly events: EventLog;
  private readonly statuses: StatusApplier;
  private readonly log: Logger;
  /** Entries moved per batch at most. */
  readonly batchSize: number;
  private readonly fullSyncEveryMs: number;
  private lastFullSync = 0;
  private durableUpTo = 0;
  /** The last entry committed (NORMAL) by the processing cycle, not yet known to be on disk. */
  private committedUpTo = 0;
  private readonly walSync: WalSync;
  private flushFailed = false;
  private readonly readEntries: Statement;
  private readonly readPosition: Statement;
  private readonly savePosition: Statement;
  private readonly insertEvent: Statement;
  private readonly upsertContact: Statement;
  private readonly insertMessage: Statement;

  constructor(
    db: Db,
    journalFile: string,
    events: EventLog,
    statuses: StatusApplier,
    log: Logger,
    options: { batchSize?: number; fullSyncEveryMs?: number } = {}
  ) {
    this.db = db;
    this.journal = openJournalFile(journalFile);
    this.walSync = new WalSync(db.name);
    this.events = events;
    this.statuses = statuses;
    this.log = log;
    this.batchSize = options.batchSize ?? 256;
    this.fullSyncEveryMs = options.fullSyncEveryMs ?? 1000;
    this.readEntries = preparePerLimit(this.journal, limit => `SELECT seq, received_at, phone_number_id, body FROM webhook_journal WHERE seq > ? ORDER BY seq LIMIT ${limit}`)(
      this.batchSize
    );
    this.readPosition = db.prepare('SELECT seq FROM webhook_journal_position WHERE id = 1').pluck();
    this.savePosition = db.prepare('UPDATE webhook_journal_position SET seq = ? WHERE id = 1');
    this.insertEvent = db.prepare('INSERT INTO webhook_events (received_at, phone_number_id, body) VALUES (?, ?, ?)');
    this.upsertContact = db.prepare(
      `INSERT INTO contacts (wa_key, wa_id, user_id, profile_name, last_inbound_ts, created_at)
       VALUES ($waKey, $waId, $userId, $name, $ts, $now)
       ON CONFLICT (wa_key) DO UPDATE SET
         wa_id = COALESCE(excluded.wa_id, wa_id),
         user_id = COALESCE(excluded.user_id, user_id),
         profile_name = COALESCE(excluded.profile_name, profile_name),
         last_inbound_ts = MAX(COALESCE(last_inbound_ts, 0), excluded.last_inbound_ts)
       RETURNING id`
    );
    this.insertMessage = db.prepare(
      `INSERT INTO inbound_messages (wamid, contact_id, event_id, type, text, payload, forwarded, wa_timestamp, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (wamid) DO NOTHING`
    );
  }

  /** The last journal entry stored in the main database. */
  position(): number {
    return this.readPosition.get() as number;
  }

  /** Whether the next move should be made durable (once every `fullSyncEveryMs`). */
  private fullSyncDue(now: number): boolean {
    return now - this.lastFullSync >= this.fullSyncEveryMs;
  }

  /**
   * Moves the next batch of entries (up to `batchSize`) inside the caller's transaction; throws if
   * the main database cannot take them. Call `committedNormally` once that transaction has committed.
   */
  moveInto(): Omit<MoveResult, 'durableUpTo'> {
    const contacts = new Set<number>();
    const from = this.position();
    const entries = this.readEntries.all(from) as Entry[];
    for (const entry of entries) {
      for (const id of this.store(entry)) {
        contacts.add(id);
      }
    }
    const last = entries.length > 0 ? entries[entries.length - 1]!.seq : from;
    if (last !== from) {
      this.savePosition.run(last);
    }
    return { entries: entries.length, movedUpTo: last, contactIds: [...contacts] };
  }

  /** The processing cycle's transaction holding `moved` committed (NORMAL); see `flushIfDue`. */
  committedNormally(moved: Omit<MoveResult, 'durableUpTo'>): void {
    this.committedUpTo = Math.max(this.committedUpTo, moved.movedUpTo);
  }

  /**
   * Once every `fullSyncEveryMs`, flushes the main database's WAL in libuv's thread pool
   * (journal/wal-sync.ts) and, once that is done, reports the entries committed before it as on
   * disk. The thread goes on meanwhile: a FULL commit here made it wait about 30 ms a second
   * for the disk at 1,000 messages a second. (A checkpoint that copied those frames first synced
   * them, and the WAL starts over only after such a checkpoint, so a flushed file holds them or
   * the database file does.) If a flush fails, nothing more is reported durable in this process:
   * the journal keeps what follows, and the next start makes it durable before pruning.
   */
  flushIfDue(onDurable: (seq: number) => void, now: number = Date.now()): void {
    if (this.committedUpTo <= this.durableUpTo || !this.fullSyncDue(now) || this.flushFailed) {
      return;
    }
    this.lastFullSync = now;
    const upTo = this.committedUpTo;
    this.walSync.durable().then(
      () => {
        if (upTo > this.durableUpTo) {
          this.durableUpTo = upTo;
          onDurable(upTo);
        }
      },
      (error: unknown) => {
        this.flushFailed = true;
        this.log.error({ err: error }, 'flushing the main database failed; the webhook journal keeps everything from here until a restart');
      }
    );
  }

  /** Moves the next batch in a transaction of its own (tools, the inline service). */
  moveBatch(): MoveResult {
    const now = Date.now();
    const full = this.fullSyncDue(now);
    const move = () => this.db.transaction(() => this.moveInto())();
    const moved = full ? withFullSync(this.db, move) : move();
    if (moved.entries > 0) {
      this.events.announce();
    }
    // A transaction that wrote nothing syncs nothing: only a FULL commit of moved entries puts
    // them (and every NORMAL commit before) on disk.
    if (full && moved.entries > 0) {
      this.lastFullSync = now;
      this.durableUpTo = Math.max(this.durableUpTo, moved.movedUpTo);
    }
    return { ...moved, durableUpTo: this.durableUpTo };
  }

  close(): void {
    this.walSync.close();
    this.journal.close();
  }

  private store(entry: Entry): number[] {
    const eventId = Number(this.insertEvent.run(entry.received_at, entry.phone_number_id, entry.body).lastInsertRowid);
    let parsed: ParsedWebhook;
    try {
      // The webhook route parsed it before acknowledging it, so this only fails after a change in
      // the parser: the body is kept above, for whoever looks into it.
      parsed = parseWebhook(JSON.parse(entry.body), entry.phone_number_id);
    } catch (error) {
      this.log.error({ err: error, webhookEventId: eventId }, 'a journaled webhook no longer parses; kept as received');
      return [];
    }
    const now = Date.now();
    const contacts = new Set<number>();
    const unknownStatusIds: string[] = [];
    for (const m of parsed.messages) {
      const contact = this.upsertContact.get({ waKey: m.waKey, waId: m.waId, userId: m.userId, name: m.profileName, ts: m.timestamp, now }) as { id: number };
      const info = this.insertMessage.run(m.wamid, contact.id, eventId, m.type, m.text, m.payloadJson, m.forwarded, m.timestamp, entry.received_at);
      if (info.changes === 0) {
        continue; // Meta delivered it again
      }
      contacts.add(contact.id);
      this.events.append({
        type: 'message.received',
        contactId: contact.id,
        at: now,
        data: { inboundId: Number(info.lastInsertRowid), type: m.type, forwarded: m.forwarded, waTimestamp: m.timestamp },
      });
    }
    for (const s of parsed.statuses) {
      if (this.statuses.apply(s) === 'unknown-id') {
        unknownStatusIds.push(s.wamid);
      }
    }
    if (unknownStatusIds.length > 0) {
      this.log.info({ wamids: unknownStatusIds }, 'status for an id we have not recorded (kept until it is)');
    }
    return [...contacts];
  }
}
