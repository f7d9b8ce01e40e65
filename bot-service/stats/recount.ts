import type { Db } from '../db/open.ts';
import { DAY_MS, dayStartMs, WIB_OFFSET_MS } from './time.ts';

/** The counters that stored conversations and messages determine on their own. */
export const RECOUNT_COLUMNS = ['conversations', 'messages_in', 'messages_out', 'delivery_failures'] as const;
export type RecountColumn = (typeof RECOUNT_COLUMNS)[number];

export type HourlyCounts = { hour: number; region_code: string } & Record<RecountColumn, number>;
export type DailyContacts = { region_code: string; contacts: number; new_contacts: number; returning_contacts: number };

export type DayCounts = {
  day: string;
  /** Non-zero rows only, ordered by hour then region. */
  hourly: HourlyCounts[];
  /** Non-zero rows only, ordered by region. */
  contacts: DailyContacts[];
  province: Omit<DailyContacts, 'region_code'>;
};

// The same region rule as the projector: a Jawa Timur code, else unknown.
const region = (col: string) => `CASE WHEN ${col} GLOB '35.[0-9][0-9]' THEN ${col} ELSE 'unknown' END`;
const hourOf = (col: string) => `((${col} + ${WIB_OFFSET_MS}) / 3600000) % 24`;

/**
 * Recounts one WIB day from the stored conversations and messages, with the counters' own
 * definitions (see reports/definitions.ts). Only for verification and repair: it scans the
 * message tables, which the live counters never do.
 *
 * Feature uses, self-check levels, hoax claims and handoffs are facts of the event log, not of
 * stored rows, so they are not recounted here.
 */
export function recountFromMessages(db: Db, day: string): DayCounts {
  const from = dayStartMs(day);
  const to = from + DAY_MS;
  const hourly = new Map<string, HourlyCounts>();
  const add = (rows: Array<{ hour: number; region_code: string; n: number }>, column: RecountColumn) => {
    for (const r of rows) {
      const key = `${r.hour}|${r.region_code}`;
      let row = hourly.get(key);
      if (row === undefined) {
        row = { hour: r.hour, region_code: r.region_code, conversations: 0, messages_in: 0, messages_out: 0, delivery_failures: 0 };
        hourly.set(key, row);
      }
      row[column] += r.n;
    }
  };
  type Grouped = Array<{ hour: number; region_code: string; n: number }>;

  add(
    db
      .prepare(
        `SELECT ${hourOf('started_at')} AS hour, ${region('region_code')} AS region_code, COUNT(*) AS n
         FROM conversations WHERE started_at >= ? AND started_at < ? GROUP BY 1, 2`
      )
      .all(from, to) as Grouped,
    'conversations'
  );

  // A message counts when the citizen sent it, never later than we received it, and for the
  // region of its conversation as the conversation ends up.
  db.exec('DROP TABLE IF EXISTS temp.recount_inbound');
  db.prepare(
    `CREATE TEMP TABLE recount_inbound AS
     SELECT m.contact_id, ${hourOf('t')} AS hour, ${region('c.region_code')} AS region_code
     FROM (SELECT contact_id, conversation_id, MIN(wa_timestamp * 1000, received_at) AS t FROM inbound_messages
           WHERE conversation_id IS NOT NULL) AS m
     JOIN conversations c ON c.id = m.conversation_id
     WHERE m.t >= ? AND m.t < ?`
  ).run(from, to);
  add(db.prepare('SELECT hour, region_code, COUNT(*) AS n FROM temp.recount_inbound GROUP BY 1, 2').all() as Grouped, 'messages_in');

  add(
    db
      .prepare(
        `SELECT ${hourOf('o.created_at')} AS hour, ${region('c.region_code')} AS region_code, COUNT(*) AS n
         FROM outbound_messages o LEFT JOIN conversations c ON c.id = o.conversation_id
         WHERE o.kind != 'read' AND o.created_at >= ? AND o.created_at < ? GROUP BY 1, 2`
      )
      .all(from, to) as Grouped,
    'messages_out'
  );
  add(
    db
      .prepare(
        `SELECT ${hourOf('o.failed_at')} AS hour, ${region('c.region_code')} AS region_code, COUNT(*) AS n
         FROM outbound_messages o LEFT JOIN conversations c ON c.id = o.conversation_id
         WHERE o.kind != 'read' AND o.status = 'failed' AND o.failed_at >= ? AND o.failed_at < ? GROUP BY 1, 2`
      )
      .all(from, to) as Grouped,
    'delivery_failures'
  );

  // New: the day of the contact's first stored message is this day.
  const contactRows = db
    .prepare(
      `WITH day_contacts AS (SELECT DISTINCT contact_id, region_code FROM temp.recount_inbound),
       firsts AS (
         SELECT f.contact_id, MIN(m.wa_timestamp * 1000, m.received_at) AS t
         FROM (SELECT contact_id, MIN(id) AS id FROM inbound_messages
               WHERE contact_id IN (SELECT contact_id FROM day_contacts) GROUP BY contact_id) AS f
         JOIN inbound_messages m ON m.id = f.id
       )
       SELECT d.contact_id, d.region_code, (f.t >= ? AND f.t < ?) AS is_new
       FROM day_contacts d JOIN firsts f ON f.contact_id = d.contact_id`
    )
    .all(from, to) as Array<{ contact_id: number; region_code: string; is_new: number }>;
  db.exec('DROP TABLE temp.recount_inbound');

  const byRegion = new Map<string, DailyContacts>();
  const province = new Map<number, number>();
  for (const r of contactRows) {
    let c = byRegion.get(r.region_code);
    if (c === undefined) {
      c = { region_code: r.region_code, contacts: 0, new_contacts: 0, returning_contacts: 0 };
      byRegion.set(r.region_code, c);
    }
    c.contacts++;
    if (r.is_new) {
      c.new_contacts++;
    } else {
      c.returning_contacts++;
    }
    province.set(r.contact_id, r.is_new);
  }
  const newOnes = [...province.values()].filter(v => v === 1).length;
  return {
    day,
    hourly: [...hourly.values()].sort((a, b) => a.hour - b.hour || a.region_code.localeCompare(b.region_code)),
    contacts: [...byRegion.values()].sort((a, b) => a.region_code.localeCompare(b.region_code)),
    province: { contacts: province.size, new_contacts: newOnes, returning_contacts: province.size - newOnes },
  };
}

/** The live counters of one day, in the recount's shape, for comparing the two. */
export function readRecountColumns(db: Db, day: string): DayCounts {
  const hourly = db
    .prepare(
      `SELECT hour, region_code, conversations, messages_in, messages_out, delivery_failures FROM stats_hourly
       WHERE day = ? AND (conversations != 0 OR messages_in != 0 OR messages_out != 0 OR delivery_failures != 0)`
    )
    .all(day) as HourlyCounts[];
  const contacts = db
    .prepare('SELECT region_code, contacts, new_contacts, returning_contacts FROM stats_daily WHERE day = ? AND contacts != 0')
    .all(day) as DailyContacts[];
  const province = db.prepare('SELECT contacts, new_contacts, returning_contacts FROM stats_daily_province WHERE day = ?').get(day) as
    | DayCounts['province']
    | undefined;
  return {
    day,
    hourly: hourly.sort((a, b) => a.hour - b.hour || a.region_code.localeCompare(b.region_code)),
    contacts: contacts.sort((a, b) => a.region_code.localeCompare(b.region_code)),
    province: province ?? { contacts: 0, new_contacts: 0, returning_contacts: 0 },
  };
}

/**
 * Overwrites one day's message-derived counters with a recount (repair, or the benchmark's
 * database). The other counters of that day, and the projector's per-contact sets, are left
 * as they are.
 */
export function writeRecount(db: Db, counts: DayCounts): void {
  db.transaction(() => {
    db.prepare(
      'UPDATE stats_hourly SET conversations = 0, messages_in = 0, messages_out = 0, delivery_failures = 0 WHERE day = ?'
    ).run(counts.day);
    const upsert = db.prepare(
      `INSERT INTO stats_hourly (day, hour, region_code, conversations, messages_in, messages_out, delivery_failures)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (day, hour, region_code) DO UPDATE SET conversations = excluded.conversations,
         messages_in = excluded.messages_in, messages_out = excluded.messages_out, delivery_failures = excluded.delivery_failures`
    );
    for (const r of counts.hourly) {
      upsert.run(counts.day, r.hour, r.region_code, r.conversations, r.messages_in, r.messages_out, r.delivery_failures);
    }
    db.prepare('DELETE FROM stats_daily WHERE day = ?').run(counts.day);
    const daily = db.prepare('INSERT INTO stats_daily (day, region_code, contacts, new_contacts, returning_contacts) VALUES (?, ?, ?, ?, ?)');
    for (const c of counts.contacts) {
      daily.run(counts.day, c.region_code, c.contacts, c.new_contacts, c.returning_contacts);
    }
    db.prepare(
      `INSERT INTO stats_daily_province (day, contacts, new_contacts, returning_contacts) VALUES (?, ?, ?, ?)
       ON CONFLICT (day) DO UPDATE SET contacts = excluded.contacts, new_contacts = excluded.new_contacts,
         returning_contacts = excluded.returning_contacts`
    ).run(counts.day, counts.province.contacts, counts.province.new_contacts, counts.province.returning_contacts);
  })();
}
