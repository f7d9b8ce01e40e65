import type { RegionInfo } from '../stats/regions.ts';
import { apportion, type Random } from './random.ts';

/**
 * How the demo history is shaped: how many conversations each WIB day and each region get, and
 * the hour-of-day curve. Modelled on the first days of the real service (ARCHITECTURE.md): about
 * 110,000 conversations in three days, most from Surabaya, Sidoarjo, Malang, Lamongan and Gresik.
 */

/**
 * The five regions the governor named, in his order. "Malang" is Kabupaten Malang (35.07): the
 * report names regions by their official names, and the kabupaten is the larger of the two.
 */
export const TOP_FIVE = ['35.78', '35.15', '35.07', '35.24', '35.25'] as const;

// Each of the five gets this multiple of the busiest other region, so they lead in this order
// every day, with room for the day-to-day wobble below.
const TOP_FIVE_MULTIPLE = [2.8, 2.0, 1.65, 1.4, 1.2] as const;
const WOBBLE_TOP = 0.03;
const WOBBLE_OTHER = 0.06;

/** Cities reach WhatsApp more than rural kabupaten do. */
const KOTA_FACTOR = 1.8;

/** The share of conversations whose citizen never names a region. */
export const UNKNOWN_SHARE = 0.04;

/** Each day busier than the one before, as word of the service spread. */
const DAILY_GROWTH = 1.12;

/** WIB hour-of-day traffic: quiet at night, busy mornings and evenings. */
export const HOUR_WEIGHTS = [2, 1, 1, 1, 2, 4, 7, 10, 12, 12, 11, 10, 9, 9, 9, 9, 9, 9, 10, 12, 12, 10, 7, 4] as const;

/** Conversation weights of the 38 regions (code order as given), the five boosted. */
export function regionWeights(regions: readonly RegionInfo[]): number[] {
  const base = regions.map(r => r.population * (r.type === 'kota' ? KOTA_FACTOR : 1));
  const top = new Set<string>(TOP_FIVE);
  const busiestOther = Math.max(...base.filter((_, i) => !top.has(regions[i]!.code)));
  return regions.map((r, i) => {
    const rank = TOP_FIVE.indexOf(r.code as (typeof TOP_FIVE)[number]);
    return rank >= 0 ? busiestOther * TOP_FIVE_MULTIPLE[rank]! : base[i]!;
  });
}

/** Conversations per day, growing day by day, adding up to `total`. */
export function conversationsPerDay(total: number, days: number): number[] {
  return apportion(total, Array.from({ length: days }, (_, d) => DAILY_GROWTH ** d));
}

/**
 * One day's conversations per region: index i is regions[i], the last index is the unknown
 * region. Every region gets at least one.
 */
export function conversationsPerRegion(dayTotal: number, weights: readonly number[], codes: readonly string[], rnd: Random): number[] {
  const top = new Set<string>(TOP_FIVE);
  const wobbled = weights.map((w, i) => {
    const spread = top.has(codes[i]!) ? WOBBLE_TOP : WOBBLE_OTHER;
    return w * (1 - spread + 2 * spread * rnd());
  });
  const known = wobbled.reduce((a, b) => a + b, 0);
  const parts = apportion(dayTotal, [...wobbled, (known * UNKNOWN_SHARE) / (1 - UNKNOWN_SHARE)]);
  // A tiny total must still put every region on the map: take from the largest.
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === 0) {
      const largest = parts.indexOf(Math.max(...parts));
      if (parts[largest]! > 1) {
        parts[largest]! -= 1;
        parts[i] = 1;
      }
    }
  }
  return parts;
}
