import { METRIC_COLUMNS, type MetricRow } from '../../stats/metrics.ts';
import type { Db } from '../open.ts';

/** Read side of the statistics counters and the stored reports (written by stats/ and reports/). */

export type RegionMetricRow = MetricRow & { region_code: string };
export type HourMetricRow = MetricRow & { day: string; hour: number };
export type ContactCounts = { contacts: number; new_contacts: number; returning_contacts: number };

const sums = METRIC_COLUMNS.map(c => `SUM(${c}) AS ${c}`).join(', ');

/** Every counter per region, summed over the days from..to (inclusive). */
export function metricsByRegion(db: Db, from: string, to: string): RegionMetricRow[] {
  return db
    .prepare(`SELECT region_code, ${sums} FROM stats_hourly WHERE day BETWEEN ? AND ? GROUP BY region_code`)
    .all(from, to) as RegionMetricRow[];
}

/** Every counter per hour for one region (or all regions when region is null). */
export function metricsByHour(db: Db, from: string, to: string, region: string | null): HourMetricRow[] {
  const where = region === null ? '' : 'AND region_code = ?';
  const params = region === null ? [from, to] : [from, to, region];
  return db
    .prepare(`SELECT day, hour, ${sums} FROM stats_hourly WHERE day BETWEEN ? AND ? ${where} GROUP BY day, hour ORDER BY day, hour`)
    .all(...params) as HourMetricRow[];
}

/** Unique contacts of one day per region (from the maintained daily counters). */
export function contactsByRegionOnDay(db: Db, day: string): Array<ContactCounts & { region_code: string }> {
  return db
    .prepare('SELECT region_code, contacts, new_contacts, returning_contacts FROM stats_daily WHERE day = ?')
    .all(day) as Array<ContactCounts & { region_code: string }>;
}

/** Unique contacts per day for one region (or the province when region is null). */
export function contactsByDay(db: Db, from: string, to: string, region: string | null): Array<ContactCounts & { day: string }> {
  return (
    region === null
      ? db
          .prepare('SELECT day, contacts, new_contacts, returning_contacts FROM stats_daily_province WHERE day BETWEEN ? AND ?')
          .all(from, to)
      : db
          .prepare('SELECT day, contacts, new_contacts, returning_contacts FROM stats_daily WHERE day BETWEEN ? AND ? AND region_code = ?')
          .all(from, to, region)
  ) as Array<ContactCounts & { day: string }>;
}

/**
 * Distinct contacts per region over several days (a citizen writing on three days counts once).
 * Reads the per-day contact sets: cheap for one day, proportional to contacts for a range.
 */
export function distinctContactsByRegion(db: Db, from: string, to: string): Array<{ region_code: string; contacts: number }> {
  if (from === to) {
    return contactsByRegionOnDay(db, from).map(r => ({ region_code: r.region_code, contacts: r.contacts }));
  }
  return db
    .prepare(
      'SELECT region_code, COUNT(DISTINCT contact_id) AS contacts FROM stats_day_contacts WHERE day BETWEEN ? AND ? GROUP BY region_code'
    )
    .all(from, to) as Array<{ region_code: string; contacts: number }>;
}

/** Distinct contacts in the province over several days. */
export function distinctContactsProvince(db: Db, from: string, to: string): number {
  if (from === to) {
    return provinceContacts(db, from).contacts;
  }
  return Number(db.prepare('SELECT COUNT(DISTINCT contact_id) FROM stats_day_contacts WHERE day BETWEEN ? AND ?').pluck().get(from, to));
}

export function provinceContacts(db: Db, day: string): ContactCounts {
  const row = db.prepare('SELECT contacts, new_contacts, returning_contacts FROM stats_daily_province WHERE day = ?').get(day) as
    | ContactCounts
    | undefined;
  return row ?? { contacts: 0, new_contacts: 0, returning_contacts: 0 };
}

export type HandoffTimes = { requested_at: number; claimed_at: number | null; first_reply_at: number | null; resolved_at: number | null };

/**
 * The handoffs requested on a WIB day with their claim, first reply and resolve times, as the
 * projector recorded them from the inbox's events (read from a covering index: no table look-up).
 */
export function handoffsOnDay(db: Db, day: string): HandoffTimes[] {
  return db
    .prepare('SELECT requested_at, claimed_at, first_reply_at, resolved_at FROM stats_handoffs WHERE day = ?')
    .all(day) as HandoffTimes[];
}

export type HoaxCluster = { hoax_id: string; claims: number; claim: string | null; verdict: string | null };

/** The hoaxes claimed most on a day ('' = claims not matched to a known hoax). */
export function topHoaxClaims(db: Db, day: string, limit: number): HoaxCluster[] {
  return db
    .prepare(
      `SELECT d.hoax_id, d.claims, h.claim, h.verdict FROM stats_hoax_daily d LEFT JOIN hoaxes h ON h.id = d.hoax_id
       WHERE d.day = ? ORDER BY d.claims DESC, d.hoax_id LIMIT ?`
    )
    .all(day, limit) as HoaxCluster[];
}

/** The first day with any counter, or null. */
export function firstCountedDay(db: Db): string | null {
  return (db.prepare('SELECT MIN(day) FROM stats_hourly').pluck().get() as string | null) ?? null;
}

export function statsCheckpoint(db: Db): { seq: number; updatedAt: number } {
  const row = db.prepare('SELECT seq, updated_at FROM stats_checkpoint WHERE id = 1').get() as { seq: number; updated_at: number };
  return { seq: row.seq, updatedAt: row.updated_at };
}

// Stored daily reports

export type StoredReportMeta = { date: string; generatedAt: number; generatedBy: string; version: number; csvBytes: number; pdfBytes: number };
export type StoredReport = StoredReportMeta & { json: string; csv: string; pdf: Buffer };

const metaColumns = `date, generated_at AS generatedAt, generated_by AS generatedBy, version,
  length(CAST(csv AS BLOB)) AS csvBytes, length(pdf) AS pdfBytes`;

export function getStoredReport(db: Db, date: string): StoredReport | undefined {
  return db.prepare(`SELECT ${metaColumns}, json, csv, pdf FROM daily_reports WHERE date = ?`).get(date) as StoredReport | undefined;
}

export function getStoredReportMeta(db: Db, date: string): StoredReportMeta | undefined {
  return db.prepare(`SELECT ${metaColumns} FROM daily_reports WHERE date = ?`).get(date) as StoredReportMeta | undefined;
}

/** Newest first. */
export function listStoredReports(db: Db, limit = 366): StoredReportMeta[] {
  return db.prepare(`SELECT ${metaColumns} FROM daily_reports ORDER BY date DESC LIMIT ?`).all(limit) as StoredReportMeta[];
}

/** Stores (or replaces, bumping the version) a day's report. */
export function saveStoredReport(
  db: Db,
  r: { date: string; json: string; csv: string; pdf: Buffer; generatedAt: number; generatedBy: string }
): StoredReportMeta {
  db.prepare(
    `INSERT INTO daily_reports (date, json, csv, pdf, generated_at, generated_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (date) DO UPDATE SET json = excluded.json, csv = excluded.csv, pdf = excluded.pdf,
       generated_at = excluded.generated_at, generated_by = excluded.generated_by, version = version + 1`
  ).run(r.date, r.json, r.csv, r.pdf, r.generatedAt, r.generatedBy);
  return getStoredReportMeta(db, r.date)!;
}
