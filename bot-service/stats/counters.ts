import type { Db, Statement } from '../db/open.ts';
import { METRIC_COLUMNS, type MetricColumn } from './metrics.ts';
import { HourBuckets } from './time.ts';

/** What the projector keeps of a conversation (`stats_conversations`). */
export type TrackedConversation = {
  conversation_id: number;
  contact_id: number;
  region_code: string;
  state: string;
  feature: string | null;
  handed_off: 0 | 1;
  started_at: number;
};

const cols = METRIC_COLUMNS.join(', ');
const marks = METRIC_COLUMNS.map(() => '?').join(', ');
const addAll = METRIC_COLUMNS.map(c => `${c} = ${c} + excluded.${c}`).join(', ');

/**
 * Writes the counters, inside the caller's transaction. Every count that belongs to a
 * conversation goes to the region's hourly row and to the conversation's own tally, so
 * `moveConversation` can shift exactly what the conversation contributed.
 */
export class CounterWriter {
  private readonly buckets = new HourBuckets();
  private readonly hourly = new Map<MetricColumn, Statement>();
  private readonly tally = new Map<MetricColumn, Statement>();
  private readonly hourlyAll: Statement;
  private readonly tallyRows: Statement;
  private readonly tallyDaysWithMessages: Statement;
  private readonly tallyMessagesOnDay: Statement;
  private readonly refGet: Statement;
  private readonly refInsert: Statement;
  private readonly refSet: Statement;
  private readonly refDelete: Statement;
  private readonly refAnyOther: Statement;
  private readonly firstDay: Statement;
  private readonly dailyAdd: Statement;
  private readonly provinceAdd: Statement;
  private readonly setRegion: Statement;

  constructor(db: Db) {
    for (const c of METRIC_COLUMNS) {
      this.hourly.set(
        c,
        db.prepare(
          `INSERT INTO stats_hourly (day, hour, region_code, ${c}) VALUES (?, ?, ?, ?)
           ON CONFLICT (day, hour, region_code) DO UPDATE SET ${c} = ${c} + excluded.${c}`
        )
      );
      this.tally.set(
        c,
        db.prepare(
          `INSERT INTO stats_conversation_hourly (conversation_id, day, hour, ${c}) VALUES (?, ?, ?, ?)
           ON CONFLICT (conversation_id, day, hour) DO UPDATE SET ${c} = ${c} + excluded.${c}`
        )
      );
    }
    this.hourlyAll = db.prepare(
      `INSERT INTO stats_hourly (day, hour, region_code, ${cols}) VALUES (?, ?, ?, ${marks})
       ON CONFLICT (day, hour, region_code) DO UPDATE SET ${addAll}`
    );
    this.tallyRows = db.prepare(`SELECT day, hour, ${cols} FROM stats_conversation_hourly WHERE conversation_id = ?`);
    this.tallyDaysWithMessages = db
      .prepare('SELECT day FROM stats_conversation_hourly WHERE conversation_id = ? GROUP BY day HAVING SUM(messages_in) > 0')
      .pluck();
    this.tallyMessagesOnDay = db
      .prepare('SELECT COALESCE(SUM(messages_in), 0) FROM stats_conversation_hourly WHERE conversation_id = ? AND day = ?')
      .pluck();
    this.refGet = db.prepare('SELECT refs, is_new FROM stats_day_contacts WHERE day = ? AND contact_id = ? AND region_code = ?');
    this.refInsert = db.prepare('INSERT INTO stats_day_contacts (day, contact_id, region_code, refs, is_new) VALUES (?, ?, ?, 1, ?)');
    this.refSet = db.prepare('UPDATE stats_day_contacts SET refs = ? WHERE day = ? AND contact_id = ? AND region_code = ?');
    this.refDelete = db.prepare('DELETE FROM stats_day_contacts WHERE day = ? AND contact_id = ? AND region_code = ?');
    this.refAnyOther = db
      .prepare('SELECT EXISTS (SELECT 1 FROM stats_day_contacts WHERE day = ? AND contact_id = ? AND region_code != ?)')
      .pluck();
    this.firstDay = db.prepare('SELECT first_day FROM stats_contacts WHERE contact_id = ?').pluck();
    this.dailyAdd = db.prepare(
      `INSERT INTO stats_daily (day, region_code, contacts, new_contacts, returning_contacts) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (day, region_code) DO UPDATE SET contacts = contacts + excluded.contacts,
         new_contacts = new_contacts + excluded.new_contacts, returning_contacts = returning_contacts + excluded.returning_contacts`
    );
    this.provinceAdd = db.prepare(
      `INSERT INTO stats_daily_province (day, contacts, new_contacts, returning_contacts) VALUES (?, ?, ?, ?)
       ON CONFLICT (day) DO UPDATE SET contacts = contacts + excluded.contacts,
         new_contacts = new_contacts + excluded.new_contacts, returning_contacts = returning_contacts + excluded.returning_contacts`
    );
    this.setRegion = db.prepare('UPDATE stats_conversations SET region_code = ? WHERE conversation_id = ?');
  }

  /** Counts for a conversation at an instant, in the conversation's current region. */
  addForConversation(conv: TrackedConversation, atMs: number, column: MetricColumn, delta = 1): void {
    const { day, hour } = this.buckets.of(atMs);
    this.hourly.get(column)!.run(day, hour, conv.region_code, delta);
    this.tally.get(column)!.run(conv.conversation_id, day, hour, delta);
  }

  /** Counts that belong to no conversation (e.g. a template sent outside one). */
  addForRegion(region: string, atMs: number, column: MetricColumn, delta = 1): void {
    const { day, hour } = this.buckets.of(atMs);
    this.hourly.get(column)!.run(day, hour, region, delta);
  }

  /** A message from the citizen in this conversation: the count, and the contact for that day. */
  addInbound(conv: TrackedConversation, atMs: number): void {
    const { day } = this.buckets.of(atMs);
    const before = Number(this.tallyMessagesOnDay.get(conv.conversation_id, day));
    this.addForConversation(conv, atMs, 'messages_in');
    if (before === 0) {
      this.addContactRef(day, conv.contact_id, conv.region_code, 1);
    }
  }

  /** The conversation now belongs to another region: move everything it counted. */
  moveConversation(conv: TrackedConversation, toRegion: string): void {
    const from = conv.region_code;
    if (from === toRegion) {
      return;
    }
    const rows = this.tallyRows.all(conv.conversation_id) as Array<Record<string, number | string>>;
    for (const row of rows) {
      const values = METRIC_COLUMNS.map(c => Number(row[c]));
      this.hourlyAll.run(row.day, row.hour, from, ...values.map(v => -v));
      this.hourlyAll.run(row.day, row.hour, toRegion, ...values);
    }
    for (const day of this.tallyDaysWithMessages.all(conv.conversation_id) as string[]) {
      // Add first, then remove: the province-wide unique count never dips in between.
      this.addContactRef(day, conv.contact_id, toRegion, 1);
      this.addContactRef(day, conv.contact_id, from, -1);
    }
    this.setRegion.run(toRegion, conv.conversation_id);
    conv.region_code = toRegion;
  }

  /**
   * One more (or one fewer) of the contact's conversations puts them in this region on this day.
   * The unique-contact counters change only when the first reference appears or the last goes.
   */
  addContactRef(day: string, contactId: number, region: string, delta: 1 | -1): void {
    const row = this.refGet.get(day, contactId, region) as { refs: number; is_new: number } | undefined;
    if (delta > 0 && row !== undefined) {
      this.refSet.run(row.refs + 1, day, contactId, region);
      return;
    }
    if (delta < 0) {
      if (row === undefined) {
        return;
      }
      if (row.refs > 1) {
        this.refSet.run(row.refs - 1, day, contactId, region);
        return;
      }
    }
    const elsewhere = Number(this.refAnyOther.get(day, contactId, region)) === 1;
    let isNew: number;
    if (delta > 0) {
      isNew = this.firstDay.get(contactId) === day ? 1 : 0;
      this.refInsert.run(day, contactId, region, isNew);
    } else {
      isNew = row!.is_new;
      this.refDelete.run(day, contactId, region);
    }
    this.dailyAdd.run(day, region, delta, isNew * delta, (1 - isNew) * delta);
    if (!elsewhere) {
      this.provinceAdd.run(day, delta, isNew * delta, (1 - isNew) * delta);
    }
  }
}
