import { withFullSync, type Db, type Statement } from '../db/open.ts';
import type { EventLog } from '../events/event-log.ts';
import type { StatusApplier } from '../outbox/statuses.ts';
import type { ParsedWebhook } from '../whatsapp/webhook-parse.ts';

export type IngestResult = {
  stored: number;
  duplicates: number;
  statuses: number;
  unknownStatusIds: string[];
  /** Contacts with new messages waiting for the flow engine. */
  contactIds: number[];
};

type Pending = {
  raw: string;
  phoneNumberId: string;
  parsed: ParsedWebhook;
  resolve: (r: IngestResult) => void;
  reject: (e: unknown) => void;
};

/**
 * The webhook journal: stores the raw event and each message, deduplicated on the wamid.
 *
 * Group commit: requests that arrive in the same turn of the event loop are written in one
 * transaction (one fsync with synchronous=FULL), and each request's promise resolves only after
 * that commit. The webhook answers 200 only then, so an acknowledged message is on disk.
 */
export class Journal {
  private readonly db: Db;
  private readonly events: EventLog;
  private readonly statuses: StatusApplier;
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly insertEvent: Statement;
  private readonly upsertContact: Statement;
  private readonly insertMessage: Statement;

  constructor(db: Db, events: EventLog, statuses: StatusApplier, options: { maxBatch?: number } = {}) {
    this.db = db;
    this.events = events;
    this.statuses = statuses;
    this.maxBatch = options.maxBatch ?? 256;
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

  /** Resolves after the batch holding this webhook has committed; rejects if it could not be stored. */
  submit(raw: string, phoneNumberId: string, parsed: ParsedWebhook): Promise<IngestResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ raw, phoneNumberId, parsed, resolve, reject });
      if (this.queue.length >= this.maxBatch) {
        this.flush();
      } else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) {
      return;
    }
    let results: IngestResult[];
    try {
      results = withFullSync(this.db, () => this.db.transaction(() => batch.map(p => this.store(p)))());
    } catch (batchError) {
      // One request should not sink the others: retry each alone, so only a real storage
      // failure (disk full, I/O error) is reported, and only for what was not stored.
      for (const p of batch) {
        try {
          p.resolve(withFullSync(this.db, () => this.db.transaction(() => this.store(p))()));
        } catch (error) {
          p.reject(error ?? batchError);
        }
      }
      this.events.announce();
      return;
    }
    batch.forEach((p, i) => p.resolve(results[i]!));
    this.events.announce();
  }

  private store(p: Pending): IngestResult {
    const now = Date.now();
    const eventId = Number(this.insertEvent.run(now, p.phoneNumberId, p.raw).lastInsertRowid);
    const result: IngestResult = { stored: 0, duplicates: 0, statuses: 0, unknownStatusIds: [], contactIds: [] };
    const contacts = new Set<number>();
    for (const m of p.parsed.messages) {
      const contact = this.upsertContact.get({
        waKey: m.waKey,
        waId: m.waId,
        userId: m.userId,
        name: m.profileName,
        ts: m.timestamp,
        now,
      }) as { id: number };
      const info = this.insertMessage.run(
        m.wamid,
        contact.id,
        eventId,
        m.type,
        m.text,
        m.payloadJson,
        m.forwarded,
        m.timestamp,
        now
      );
      if (info.changes === 0) {
        result.duplicates++;
        continue;
      }
      result.stored++;
      contacts.add(contact.id);
      this.events.append({
        type: 'message.received',
        contactId: contact.id,
        at: now,
        data: { inboundId: Number(info.lastInsertRowid), type: m.type, forwarded: m.forwarded, waTimestamp: m.timestamp },
      });
    }
    for (const s of p.parsed.statuses) {
      result.statuses++;
      if (this.statuses.apply(s) === 'unknown-id') {
        result.unknownStatusIds.push(s.wamid);
      }
    }
    result.contactIds = [...contacts];
    return result;
  }
}
