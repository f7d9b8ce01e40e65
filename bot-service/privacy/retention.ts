import type { Db } from '../db/open.ts';
import { coreTables, tableExists } from './erase.ts';
import { tablesReferringToContacts } from './other-tables.ts';
import { eventDataWithoutPersonalKeys } from './personal-keys.ts';

/** Days message texts are kept (setting BOT_RETENTION_DAYS). */
export const defaultRetentionDays = 90;

export type RetentionOptions = {
  days: number;
  now?: number;
  /** Rows per transaction; the event loop gets a turn between batches so the service keeps answering. */
  batchSize?: number;
};

export type RetentionCounts = {
  inboundMessages: number;
  outboundMessages: number;
  webhookEvents: number;
  pendingStatuses: number;
  events: number;
  notes: number;
  otherRows: number;
  contactNames: number;
};

const yieldToEventLoop = (): Promise<void> => new Promise(resolve => setImmediate(resolve));

/**
 * Deletes what citizens wrote once it is older than `days`: message texts and payloads, outbound
 * texts and bodies (not those still to be sent), raw webhook bodies, unmatched statuses, texts
 * in event data, internal notes, personal columns of other tables (by their `created_at`/`at`),
 * and the profile names of citizens silent that long. Rows, counters and statistics stay.
 * Idempotent; the lead schedules it daily.
 */
export async function applyRetention(db: Db, options: RetentionOptions): Promise<RetentionCounts> {
  if (!Number.isInteger(options.days) || options.days < 1) {
    throw new Error(`retention days must be a whole number of at least 1, got ${options.days}`);
  }
  const now = options.now ?? Date.now();
  const cutoff = now - options.days * 24 * 60 * 60 * 1000;
  const batch = options.batchSize ?? 2000;
  const counts: RetentionCounts = { inboundMessages: 0, outboundMessages: 0, webhookEvents: 0, pendingStatuses: 0, events: 0, notes: 0, otherRows: 0, contactNames: 0 };

  // Each step walks the table by primary key in batches; `pick` selects the ids to change.
  const inBatches = async (pick: string, change: string, key: string, params: Record<string, number>): Promise<number> => {
    const select = db.prepare(`${pick} AND ${key} > $after ORDER BY ${key} LIMIT $limit`);
    const update = db.prepare(change);
    let after = -1;
    let total = 0;
    for (;;) {
      const ids = (select.all({ ...params, after, limit: batch }) as Array<{ k: number }>).map(r => r.k);
      if (ids.length === 0) return total;
      total += db.transaction(() => ids.reduce((n, id) => n + update.run({ id }).changes, 0))();
      after = ids[ids.length - 1]!;
      await yieldToEventLoop();
    }
  };

  counts.inboundMessages = await inBatches(
    "SELECT id AS k FROM inbound_messages WHERE received_at < $cutoff AND (text IS NOT NULL OR payload != '{}')",
    "UPDATE inbound_messages SET text = NULL, payload = '{}' WHERE id = $id",
    'id',
    { cutoff }
  );
  counts.outboundMessages = await inBatches(
    "SELECT id AS k FROM outbound_messages WHERE created_at < $cutoff AND status NOT IN ('queued', 'sending') AND (text IS NOT NULL OR body != '{}')",
    "UPDATE outbound_messages SET text = NULL, body = '{}' WHERE id = $id",
    'id',
    { cutoff }
  );
  counts.webhookEvents = await inBatches(
    "SELECT id AS k FROM webhook_events WHERE received_at < $cutoff AND body != '{}'",
    "UPDATE webhook_events SET body = '{}' WHERE id = $id",
    'id',
    { cutoff }
  );
  counts.pendingStatuses = db.prepare('DELETE FROM pending_statuses WHERE received_at < ?').run(cutoff).changes;
  counts.events = await inBatches(
    `SELECT seq AS k FROM events WHERE at < $cutoff AND ${eventDataWithoutPersonalKeys} != data`,
    `UPDATE events SET data = ${eventDataWithoutPersonalKeys} WHERE seq = $id`,
    'seq',
    { cutoff }
  );
  if (tableExists(db, 'conversation_notes')) {
    counts.notes = db.prepare('DELETE FROM conversation_notes WHERE created_at < ?').run(cutoff).changes;
  }
  counts.otherRows = scrubOldRowsOfOtherTables(db, cutoff);
  counts.contactNames = db
    .prepare('UPDATE contacts SET profile_name = NULL WHERE profile_name IS NOT NULL AND COALESCE(last_inbound_ts, 0) * 1000 < ?')
    .run(cutoff).changes;
  return counts;
}

/** Personal columns of other tables about citizens, for rows with a `created_at` or `at` before the cutoff. */
function scrubOldRowsOfOtherTables(db: Db, cutoff: number): number {
  let changed = 0;
  for (const { table, columns } of tablesReferringToContacts(db, coreTables)) {
    const timeColumn = (db.prepare('SELECT name FROM pragma_table_info(?) WHERE name IN (\'created_at\', \'at\')').get(table) as { name: string } | undefined)?.name;
    if (timeColumn === undefined) continue;
    const q = (n: string): string => `"${n.replace(/"/g, '""')}"`;
    const sets = columns.map(c => `${q(c.name)} = ${c.notnull ? "''" : 'NULL'}`).join(', ');
    const notBlank = columns.map(c => `(${q(c.name)} IS NOT NULL AND ${q(c.name)} != '')`).join(' OR ');
    try {
      changed += db.transaction(() => db.prepare(`UPDATE ${q(table)} SET ${sets} WHERE ${q(timeColumn)} < ? AND (${notBlank})`).run(cutoff).changes)();
    } catch {
      changed += db.prepare(`DELETE FROM ${q(table)} WHERE ${q(timeColumn)} < ?`).run(cutoff).changes;
    }
  }
  return changed;
}
