/**
 * Traffic for the heatmap and reports specs: citizens who name their kabupaten/kota, the
 * statistics counters brought up to date, and regions no earlier test has touched (the specs
 * of one Playwright worker share one bot-service).
 */
import { createStatsProjector } from '../../bot-service/stats/projector.ts';
import type { Stack } from './harness.ts';
import { newCitizen } from './harness.ts';

export type RegionCount = { code: string; name: string; absolute: number };

/** Regions whose names are not shared by a kabupaten and a kota (Malang, Kediri, … are). */
const unambiguous = ['35.15', '35.25', '35.09', '35.10', '35.24', '35.23', '35.22', '35.01', '35.02', '35.03', '35.04', '35.21', '35.20', '35.17', '35.18', '35.08', '35.11', '35.12'];

/** A citizen opens a conversation and names their kabupaten/kota. */
export async function citizenFrom(stack: Stack, regionName: string): Promise<void> {
  const waId = newCitizen();
  await stack.citizenSays(waId, 'halo');
  await stack.waitForPhone(waId, /Layanan COVID-19/);
  await stack.citizenSays(waId, regionName);
  await stack.waitForPhone(waId, regionName);
}

/**
 * Brings the statistics counters up to date now. The service's projector follows the event log
 * on its own; catching up here (safe alongside it: the checkpoint is read inside each batch's
 * transaction) keeps a test from waiting on its batching.
 */
export async function countNow(stack: Stack): Promise<void> {
  await stack.service.whenIdle();
  createStatsProjector({ db: stack.service.db, events: stack.service.events, log: stack.service.log }).catchUp();
}

/** Today's conversations per region, from the statistics API, counters up to date. */
export async function conversationsByRegion(stack: Stack): Promise<Map<string, RegionCount>> {
  await countNow(stack);
  const token = await stack.tokenFor(stack.users.official);
  const response = await fetch(`${stack.botUrl}/api/stats/regions?metric=conversations`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`stats API: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { regions: RegionCount[] };
  return new Map(body.regions.map(r => [r.code, r]));
}

/** `count` regions with no conversation yet today, in a fixed order. */
export async function quietRegions(stack: Stack, count: number): Promise<RegionCount[]> {
  const regions = await conversationsByRegion(stack);
  const quiet = unambiguous.map(code => regions.get(code)).filter((r): r is RegionCount => r !== undefined && r.absolute === 0);
  if (quiet.length < count) throw new Error('not enough regions without conversations left for this test');
  return quiet.slice(0, count);
}
