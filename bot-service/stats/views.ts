import type { FeatureCounts, SelfcheckCounts } from '../contract/reports.ts';
import type { OverviewResponse, RegionStatsResponse, RegionValue, SeriesPoint, SeriesResponse, StatsMetric } from '../contract/stats.ts';
import type { Db } from '../db/open.ts';
import {
  contactsByDay,
  distinctContactsByRegion,
  distinctContactsProvince,
  metricsByHour,
  metricsByRegion,
  statsCheckpoint,
} from '../db/queries/stats.ts';
import { buildDailyReport, per100k } from '../reports/daily.ts';
import { emptyMetrics, FEATURES, type MetricRow, UNKNOWN_REGION } from './metrics.ts';
import { listRegions } from './regions.ts';
import { dayStartMs, daysBetween, wibDay } from './time.ts';

/** The statistics API's answers, from the counters only. Inputs are already validated. */

const metricOf: Record<Exclude<StatsMetric, 'contacts'>, (m: MetricRow) => number> = {
  conversations: m => m.conversations,
  selfcheck_high: m => m.selfcheck_tinggi,
  hoax_claims: m => m.hoax_claims,
  handoffs: m => m.handoffs,
  messages: m => m.messages_in,
};

/** Every region's value of one metric over a range of days, absolute and per 100,000 people. */
export function regionStats(db: Db, q: { from: string; to: string; metric: StatsMetric; per100k: boolean }): RegionStatsResponse {
  const counts = new Map<string, number>();
  let total = 0;
  if (q.metric === 'contacts') {
    for (const r of distinctContactsByRegion(db, q.from, q.to)) {
      counts.set(r.region_code, r.contacts);
    }
    total = distinctContactsProvince(db, q.from, q.to);
  } else {
    const get = metricOf[q.metric];
    for (const r of metricsByRegion(db, q.from, q.to)) {
      const n = get(r);
      counts.set(r.region_code, n);
      total += n;
    }
  }
  const value = (code: string, name: string, population: number | null): RegionValue => {
    const absolute = counts.get(code) ?? 0;
    const rate = per100k(absolute, population);
    return { code, name, population, value: q.per100k ? rate : absolute, absolute, per100k: rate };
  };
  const regions = listRegions(db).map(r => value(r.code, r.name, r.population));
  const top = [...regions]
    .filter(r => (r.value ?? 0) > 0)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || a.code.localeCompare(b.code))
    .slice(0, 5);
  return {
    from: q.from,
    to: q.to,
    metric: q.metric,
    per100k: q.per100k,
    regions,
    unknown: value(UNKNOWN_REGION, 'Tidak diketahui', null),
    top,
    total,
  };
}

const features = (m: MetricRow): FeatureCounts => Object.fromEntries(FEATURES.map(f => [f, m[`feature_${f}`]])) as FeatureCounts;
const selfcheck = (m: MetricRow): SelfcheckCounts => ({ rendah: m.selfcheck_rendah, sedang: m.selfcheck_sedang, tinggi: m.selfcheck_tinggi });

function point(key: string, at: number, m: MetricRow, contacts: number | null): SeriesPoint {
  return {
    key,
    at,
    conversations: m.conversations,
    contacts,
    messagesIn: m.messages_in,
    messagesOut: m.messages_out,
    handoffs: m.handoffs,
    hoaxClaims: m.hoax_claims,
    selfcheckHigh: m.selfcheck_tinggi,
  };
}

/** One region's time series by day or hour (zeros included), with its feature mix and self-check levels. */
export function regionSeries(db: Db, code: string, q: { from: string; to: string; granularity: 'day' | 'hour' }): SeriesResponse | null {
  const info = code === UNKNOWN_REGION ? { name: 'Tidak diketahui', population: null } : listRegions(db).find(r => r.code === code);
  if (info === undefined) {
    return null;
  }
  const rows = metricsByHour(db, q.from, q.to, code);
  const byHour = new Map(rows.map(r => [`${r.day}T${String(r.hour).padStart(2, '0')}`, r as MetricRow]));
  const contacts = new Map(contactsByDay(db, q.from, q.to, code).map(r => [r.day, r.contacts]));
  const total = emptyMetrics();
  for (const r of rows) {
    for (const k of Object.keys(total) as Array<keyof MetricRow>) {
      total[k] += r[k];
    }
  }
  const points: SeriesPoint[] = [];
  for (const day of daysBetween(q.from, q.to)) {
    const start = dayStartMs(day);
    if (q.granularity === 'hour') {
      for (let h = 0; h < 24; h++) {
        const key = `${day}T${String(h).padStart(2, '0')}`;
        points.push(point(key, start + h * 3_600_000, byHour.get(key) ?? emptyMetrics(), null));
      }
    } else {
      const dayTotal = emptyMetrics();
      for (let h = 0; h < 24; h++) {
        const m = byHour.get(`${day}T${String(h).padStart(2, '0')}`);
        if (m !== undefined) {
          for (const k of Object.keys(dayTotal) as Array<keyof MetricRow>) {
            dayTotal[k] += m[k];
          }
        }
      }
      points.push(point(day, start, dayTotal, contacts.get(day) ?? 0));
    }
  }
  return {
    code,
    name: info.name,
    population: info.population,
    from: q.from,
    to: q.to,
    granularity: q.granularity,
    points,
    features: features(total),
    selfcheck: selfcheck(total),
  };
}

/** Province totals of one day (today: so far). */
export function overview(db: Db, date: string, now: number = Date.now()): OverviewResponse {
  const report = buildDailyReport(db, date, { now });
  return {
    date,
    partial: date >= wibDay(now),
    asOf: statsCheckpoint(db).updatedAt,
    totals: report.totals,
    features: report.features,
    selfcheck: report.selfcheck,
  };
}
