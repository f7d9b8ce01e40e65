import type { Db } from '../db/open.ts';
import { METRIC_COLUMNS, UNKNOWN_REGION, type MetricColumn } from '../stats/metrics.ts';
import { DAY_MS, wibDay, wibHour, WIB_OFFSET_MS } from '../stats/time.ts';
import { BulkInsert, sqlText } from './bulk.ts';
import type { DemoConversation } from './model.ts';

const HOUR_MS = 3_600_000;
const column = new Map<MetricColumn, number>(METRIC_COLUMNS.map((c, i) => [c, i]));

/** When a message from the citizen counts: Meta's whole-second timestamp (never after receipt). */
export const countedAt = (sentAt: number): number => Math.floor(sentAt / 1000) * 1000;

const days = new Map<number, string>();

/** The WIB day of an instant, remembered per day (asked for hundreds of thousands of times). */
export function dayOf(ms: number): string {
  const index = Math.floor((ms + WIB_OFFSET_MS) / DAY_MS);
  let day = days.get(index);
  if (day === undefined) {
    day = wibDay(ms);
    days.set(index, day);
  }
  return day;
}

/**
 * The statistics counters of the demo history, counted in memory with the projector's rules
 * (stats/projector.ts) and written in one go: the same rows the projector would have written had
 * these conversations come through the pipeline, without a million events to replay.
 */
export class DemoTally {
  private readonly hourly = new Map<number, Int32Array>();
  /** `day|contact` -> conversations of the contact with a message on that day (their region is fixed). */
  private readonly dayContacts = new Map<string, number>();
  private readonly hoaxDaily = new Map<string, number>();
  private readonly codes: readonly string[];

  constructor(codes: readonly string[]) {
    this.codes = codes;
  }

  private regionCode(region: number): string {
    return this.codes[region] ?? UNKNOWN_REGION;
  }

  private add(at: number, region: number, metric: MetricColumn): void {
    // One number per (WIB hour, region): 38 regions and unknown fit below 64.
    const key = Math.floor((at + WIB_OFFSET_MS) / HOUR_MS) * 64 + region;
    let row = this.hourly.get(key);
    if (row === undefined) {
      row = new Int32Array(METRIC_COLUMNS.length);
      this.hourly.set(key, row);
    }
    row[column.get(metric)!]! += 1;
  }

  count(c: DemoConversation): void {
    this.add(c.start, c.region, 'conversations');
    for (const at of c.inbound) {
      this.add(countedAt(at), c.region, 'messages_in');
    }
    for (const o of c.outbound) {
      this.add(o.at, c.region, 'messages_out');
      if (o.failedAt !== null) this.add(o.failedAt, c.region, 'delivery_failures');
    }
    for (const f of c.features) this.add(f.at, c.region, `feature_${f.feature}`);
    if (c.selfcheck !== null) this.add(c.selfcheck.at, c.region, `selfcheck_${c.selfcheck.level}`);
    if (c.hoax !== null) {
      this.add(c.hoax.at, c.region, 'hoax_claims');
      const key = `${dayOf(c.hoax.at)}|${c.hoax.hoaxId}`;
      this.hoaxDaily.set(key, (this.hoaxDaily.get(key) ?? 0) + 1);
    }
    if (c.handoff !== null) {
      this.add(c.handoff.requested, c.region, 'handoffs');
      this.add(c.start, c.region, 'conversations_handed_off');
    }
    // Each day the conversation has a message from the citizen on puts them in the day's set.
    let lastDay = '';
    for (const at of c.inbound) {
      const day = dayOf(countedAt(at));
      if (day !== lastDay) {
        const key = `${day}|${c.contactId}`;
        this.dayContacts.set(key, (this.dayContacts.get(key) ?? 0) + 1);
        lastDay = day;
      }
    }
  }

  /**
   * Writes every counter, inside the caller's transaction, adding to what is there.
   * `contactRegion` and `contactFirstDay` are keyed by contact id.
   */
  write(db: Db, conversations: readonly DemoConversation[], contactRegion: (id: number) => number, contactFirstDay: (id: number) => string): void {
    const cols = METRIC_COLUMNS.join(', ');
    const hourly = db.prepare(
      `INSERT INTO stats_hourly (day, hour, region_code, ${cols}) VALUES (?, ?, ?, ${METRIC_COLUMNS.map(() => '?').join(', ')})
       ON CONFLICT (day, hour, region_code) DO UPDATE SET ${METRIC_COLUMNS.map(c => `${c} = ${c} + excluded.${c}`).join(', ')}`
    );
    for (const [key, row] of this.hourly) {
      const at = Math.floor(key / 64) * HOUR_MS - WIB_OFFSET_MS;
      hourly.run(wibDay(at), wibHour(at), this.regionCode(key % 64), ...row);
    }

    const dayContact = new BulkInsert(db, 'stats_day_contacts', ['day', 'contact_id', 'region_code', 'refs', 'is_new']);
    const perRegion = new Map<string, [number, number]>();
    const perDay = new Map<string, [number, number]>();
    const bump = (map: Map<string, [number, number]>, key: string, isNew: boolean) => {
      const v = map.get(key) ?? [0, 0];
      v[isNew ? 0 : 1] += 1;
      map.set(key, v);
    };
    for (const [key, refs] of this.dayContacts) {
      const [day, id] = key.split('|') as [string, string];
      const contact = Number(id);
      const region = this.regionCode(contactRegion(contact));
      const isNew = contactFirstDay(contact) === day;
      dayContact.add(day, contact, region, refs, isNew ? 1 : 0);
      bump(perRegion, `${day}|${region}`, isNew);
      bump(perDay, day, isNew); // a demo citizen stays in one region, so each counts once here
    }
    dayContact.flush();
    const daily = db.prepare(
      `INSERT INTO stats_daily (day, region_code, contacts, new_contacts, returning_contacts) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (day, region_code) DO UPDATE SET contacts = contacts + excluded.contacts,
         new_contacts = new_contacts + excluded.new_contacts, returning_contacts = returning_contacts + excluded.returning_contacts`
    );
    for (const [key, [n, r]] of perRegion) {
      const [day, region] = key.split('|') as [string, string];
      daily.run(day, region, n + r, n, r);
    }
    const province = db.prepare(
      `INSERT INTO stats_daily_province (day, contacts, new_contacts, returning_contacts) VALUES (?, ?, ?, ?)
       ON CONFLICT (day) DO UPDATE SET contacts = contacts + excluded.contacts,
         new_contacts = new_contacts + excluded.new_contacts, returning_contacts = returning_contacts + excluded.returning_contacts`
    );
    for (const [day, [n, r]] of perDay) {
      province.run(day, n + r, n, r);
    }

    const hoax = db.prepare(
      `INSERT INTO stats_hoax_daily (day, hoax_id, claims) VALUES (?, ?, ?)
       ON CONFLICT (day, hoax_id) DO UPDATE SET claims = claims + excluded.claims`
    );
    for (const [key, n] of this.hoaxDaily) {
      const [day, id] = key.split('|') as [string, string];
      hoax.run(day, id, n);
    }

    // What the projector keeps per conversation, so a later event about one is applied right.
    const tracked = new BulkInsert(db, 'stats_conversations', ['conversation_id', 'contact_id', 'region_code', 'feature', 'handed_off', 'started_at'], {
      state: sqlText('closed'),
    });
    const handoff = db.prepare(
      `INSERT INTO stats_handoffs (conversation_id, day, requested_at, priority, claimed_at, first_reply_at, resolved_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`
    );
    for (const c of conversations) {
      const feature = c.features.length > 0 ? c.features[c.features.length - 1]!.feature : null;
      tracked.add(c.id, c.contactId, this.regionCode(c.region), feature, c.handoff === null ? 0 : 1, c.start);
      const h = c.handoff;
      if (h !== null) {
        handoff.run(c.id, dayOf(h.requested), h.requested, h.priority, h.claimed, h.firstReply, h.resolved);
      }
    }
    tracked.flush();
  }
}
