/** Server state of the heatmap: values per region, and one region's series and feature mix. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RegionStatsResponse, SeriesResponse, StatsMetric } from '../../../../bot-service/contract/stats.ts';
import { apiFetch } from '../../api/client.ts';
import { queryKeys } from '../../api/query-keys.ts';

export type Period = { from: string; to: string };
export type RegionStatsParams = Period & { metric: StatsMetric; per100k: boolean };

/**
 * Every region's value for a metric and period. Kept under the `stats` family, which the live
 * stream refreshes as conversations arrive; the previous answer stays shown while the next loads.
 */
export function useRegionStats(params: RegionStatsParams) {
  const search = new URLSearchParams({ from: params.from, to: params.to, metric: params.metric, per100k: String(params.per100k) });
  return useQuery({
    queryKey: [...queryKeys.stats(), 'regions', params] as const,
    queryFn: ({ signal }) => apiFetch<RegionStatsResponse>(`/api/stats/regions?${search}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** A region's series by hour (one day) or by day (a range), with its feature mix. */
export function useRegionSeries(code: string | null, period: Period) {
  const granularity = period.from === period.to ? 'hour' : 'day';
  const search = new URLSearchParams({ from: period.from, to: period.to, granularity });
  return useQuery({
    queryKey: [...queryKeys.stats(), 'series', code, period.from, period.to, granularity] as const,
    queryFn: ({ signal }) => apiFetch<SeriesResponse>(`/api/stats/regions/${encodeURIComponent(code!)}/series?${search}`, { signal }),
    enabled: code !== null,
    // Keep the last answer only while the same region loads another period, never for another region.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === code ? previous : undefined),
  });
}
