import type { FastifyInstance } from 'fastify';
import { OverviewQuery, RegionStatsQuery, SeriesParams, SeriesQuery, statsReaders } from '../../contract/stats.ts';
import { addDays, wibDay } from '../../stats/time.ts';
import { overview, regionSeries, regionStats } from '../../stats/views.ts';
import { requireRole } from '../auth/guard.ts';
import { parseInput } from '../auth/validate.ts';
import type { ApiDeps } from '../deps.ts';
import { reportRoutes } from '../reports/routes.ts';

/** A from..to range of WIB days (default today), checked; otherwise the reason for a 400. */
export function dayRange(q: { from?: string; to?: string }, maxDays: number, now = Date.now()): { from: string; to: string } | string {
  const today = wibDay(now);
  const from = q.from ?? q.to ?? today;
  const to = q.to ?? (q.from !== undefined && q.from > today ? q.from : today);
  if (to < from) {
    return 'to: must not be before from';
  }
  if (addDays(from, maxDays - 1) < to) {
    return `to: at most ${maxDays} days from from`;
  }
  return { from, to };
}

/**
 * Statistics for the heatmap (issue 4 item 7) and the daily reports (issue 7). Everything here
 * is read from the counters: aggregates only, so officials may see all of it.
 */
export async function statsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const { db } = deps;
  const readers = requireRole(...statsReaders);

  app.get('/stats/regions', { preHandler: readers }, async (request, reply) => {
    const query = parseInput(RegionStatsQuery, request.query, 'query');
    if (!query.ok) return reply.code(400).send({ error: query.error });
    const range = dayRange(query.value, 366);
    if (typeof range === 'string') return reply.code(400).send({ error: range });
    return regionStats(db, { ...range, metric: query.value.metric, per100k: query.value.per100k });
  });

  app.get('/stats/regions/:code/series', { preHandler: readers }, async (request, reply) => {
    const params = parseInput(SeriesParams, request.params, 'params');
    if (!params.ok) return reply.code(400).send({ error: params.error });
    const query = parseInput(SeriesQuery, request.query, 'query');
    if (!query.ok) return reply.code(400).send({ error: query.error });
    const range = dayRange(query.value, query.value.granularity === 'hour' ? 31 : 366);
    if (typeof range === 'string') return reply.code(400).send({ error: range });
    const series = regionSeries(db, params.value.code, { ...range, granularity: query.value.granularity });
    if (series === null) return reply.code(404).send({ error: 'no such region' });
    return series;
  });

  app.get('/stats/overview', { preHandler: readers }, async (request, reply) => {
    const query = parseInput(OverviewQuery, request.query, 'query');
    if (!query.ok) return reply.code(400).send({ error: query.error });
    return overview(db, query.value.date ?? wibDay(Date.now()));
  });

  await reportRoutes(app, deps);
}
