import { z } from 'zod';
import type { RouteDescription } from './auth.ts';
import { Day, FeatureCounts, ReportTotals, SelfcheckCounts } from './reports.ts';

/**
 * Statistics for the heatmap (issue 4 item 7): counters per region and WIB day/hour, kept as
 * events happen. Aggregates only: no phone number, no message text.
 *
 * Route descriptions: `request` is the query string for GET and the JSON body otherwise.
 */

export const StatsMetric = z.enum(['conversations', 'contacts', 'selfcheck_high', 'hoax_claims', 'handoffs', 'messages']);
export type StatsMetric = z.infer<typeof StatsMetric>;

const Bool = z.enum(['true', 'false']).transform(v => v === 'true');

/** `from`/`to` default to today (WIB); both included; at most 366 days. */
export const RegionStatsQuery = z.strictObject({
  from: Day.optional(),
  to: Day.optional(),
  metric: StatsMetric.default('conversations'),
  /** true: `value` is per 100,000 people. */
  per100k: Bool.default(false),
});
export type RegionStatsQuery = z.input<typeof RegionStatsQuery>;

export const RegionValue = z.object({
  /** `35.01` ... `35.79`, or `unknown`. */
  code: z.string(),
  name: z.string(),
  /** null for unknown. */
  population: z.number().int().nullable(),
  /** What the map colours: `per100k` when asked for, else `absolute`. */
  value: z.number().nullable(),
  absolute: z.number().int(),
  per100k: z.number().nullable(),
});
export type RegionValue = z.infer<typeof RegionValue>;

export const RegionStatsResponse = z.object({
  from: Day,
  to: Day,
  metric: StatsMetric,
  per100k: z.boolean(),
  /** The 38 regions in code order. */
  regions: z.array(RegionValue),
  unknown: RegionValue,
  /** The five regions with the highest value (ties by code); unknown is never among them. */
  top: z.array(RegionValue),
  /** Province total (contacts: each citizen once). */
  total: z.number().int(),
});
export type RegionStatsResponse = z.infer<typeof RegionStatsResponse>;

export const SeriesParams = z.strictObject({
  code: z.string().regex(/^(35\.\d{2}|unknown)$/, 'expected a region code like 35.78, or unknown'),
});

/** `from`/`to` default to today; at most 366 days by day, 31 by hour. */
export const SeriesQuery = z.strictObject({
  from: Day.optional(),
  to: Day.optional(),
  granularity: z.enum(['day', 'hour']).default('day'),
});
export type SeriesQuery = z.input<typeof SeriesQuery>;

export const SeriesPoint = z.object({
  /** `YYYY-MM-DD`, or `YYYY-MM-DDTHH` by hour (WIB). */
  key: z.string(),
  /** Epoch ms of the start of the day or hour. */
  at: z.number().int(),
  conversations: z.number().int(),
  /** Unique contacts of the day; null by hour (uniques are kept per day). */
  contacts: z.number().int().nullable(),
  messagesIn: z.number().int(),
  messagesOut: z.number().int(),
  handoffs: z.number().int(),
  hoaxClaims: z.number().int(),
  selfcheckHigh: z.number().int(),
});
export type SeriesPoint = z.infer<typeof SeriesPoint>;

export const SeriesResponse = z.object({
  code: z.string(),
  name: z.string(),
  population: z.number().int().nullable(),
  from: Day,
  to: Day,
  granularity: z.enum(['day', 'hour']),
  /** Every day or hour of the range, zeros included. */
  points: z.array(SeriesPoint),
  /** Feature use over the whole range. */
  features: FeatureCounts,
  selfcheck: SelfcheckCounts,
});
export type SeriesResponse = z.infer<typeof SeriesResponse>;

export const OverviewQuery = z.strictObject({ date: Day.optional() });

export const OverviewResponse = z.object({
  date: Day,
  /** True for today: the figures so far. */
  partial: z.boolean(),
  /** When the counters last took in events (epoch ms; 0 = never). */
  asOf: z.number().int(),
  totals: ReportTotals,
  features: FeatureCounts,
  selfcheck: SelfcheckCounts,
});
export type OverviewResponse = z.infer<typeof OverviewResponse>;

/** Who sees the statistics: everyone with a console account (aggregates only). */
export const statsReaders = ['admin', 'supervisor', 'official', 'volunteer'] as const;

export const routes = [
  { method: 'GET', url: '/api/stats/regions', roles: statsReaders, request: RegionStatsQuery, response: RegionStatsResponse },
  { method: 'GET', url: '/api/stats/regions/:code/series', roles: statsReaders, request: SeriesQuery, response: SeriesResponse },
  { method: 'GET', url: '/api/stats/overview', roles: statsReaders, request: OverviewQuery, response: OverviewResponse },
] as const satisfies readonly RouteDescription[];
