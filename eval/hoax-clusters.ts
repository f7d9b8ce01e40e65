/**
 * The hoax desk's clustering and matching, scored on eval/data/hoax-clusters.json (issue 6).
 *
 * Each split's claims arrive one by one, families interleaved with the near-miss negatives, and
 * are placed by the service's own clusterer on an in-memory database; known-hoax matches come
 * from the bot's matcher built from the seeded content, as in the pipeline. Scores:
 * - clustering, over pairs of claims: precision (pairs put together that belong together) and
 *   recall (pairs that belong together and were put together);
 * - matching: a claim is matched to the known hoax of the cluster it ends in; precision and
 *   recall against the family's hoax (negatives and new rumours have none). "matcher alone"
 *   is the bot's matcher on each text by itself, for comparison.
 *
 * `node eval/hoax-clusters.ts [--split=tune] [--failures] [--set name=value ...]` runs it alone;
 * `eval/run.ts` calls `printHoaxClusterEval`. Tune on the tune split only.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../bot-service/db/open.ts';
import { createMatcher } from '../bot-service/flows/understanding/matcher.ts';
import { Clusterer } from '../bot-service/hoax/clusterer.ts';
import type { ClusterParameters } from '../bot-service/hoax/params.ts';
import { loadSeedContent, SPLITS, type Split } from './sets.ts';

export type Family = { id: string; hoax: string | null; claims: string[] };
export type ClusterSet = { families: Family[]; negatives: string[] };
export type ClusterSets = Record<Split, ClusterSet>;

export type ClusterScore = {
  claims: number;
  families: number;
  negatives: number;
  pairPrecision: number;
  pairRecall: number;
  /** Families kept in one cluster (all their claims together). */
  familiesWhole: number;
  /** Negatives that joined another text's cluster. */
  negativesJoined: number;
  matchPrecision: number;
  matchRecall: number;
  matcherAloneRecall: number;
  matcherAlonePrecision: number;
  meanPlaceMs: number;
  failures: string[];
};

const DATA = fileURLToPath(new URL('./data/hoax-clusters.json', import.meta.url));

export function loadClusterSets(file: string = DATA): ClusterSets {
  return JSON.parse(readFileSync(file, 'utf8')) as ClusterSets;
}

type Item = { text: string; label: string; hoax: string | null };

/** Families round-robin, a negative after each round's family, so rumours arrive mixed. */
function arrivalOrder(set: ClusterSet): Item[] {
  const out: Item[] = [];
  const longest = Math.max(0, ...set.families.map(f => f.claims.length));
  let n = 0;
  for (let i = 0; i < longest; i++) {
    for (const f of set.families) {
      const text = f.claims[i];
      if (text !== undefined) out.push({ text, label: f.id, hoax: f.hoax });
      const negative = set.negatives[n];
      if (negative !== undefined && (out.length % 3 === 0)) {
        out.push({ text: negative, label: `negative:${n}`, hoax: null });
        n++;
      }
    }
  }
  for (; n < set.negatives.length; n++) out.push({ text: set.negatives[n]!, label: `negative:${n}`, hoax: null });
  return out;
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** Places one split's claims and scores them. */
export function scoreClusterSplit(set: ClusterSet, params: Partial<ClusterParameters> = {}): ClusterScore {
  const seed = loadSeedContent();
  const matcher = createMatcher({ faq: seed.faq, hoaxes: seed.hoaxes });
  const db = openDatabase(':memory:');
  // Claims here have no messages or contacts behind them.
  db.pragma('foreign_keys = OFF');
  const clusterer = new Clusterer(db, params);
  const items = arrivalOrder(set);
  const placed: Array<{ item: Item; claimId: number; own: string | null }> = [];
  let elapsed = 0;
  const at = Date.UTC(2020, 3, 1);
  items.forEach((item, i) => {
    const m = matcher.matchHoax(item.text);
    const own = m !== null && m.confident ? m.id : null;
    const t0 = performance.now();
    const p = clusterer.place({
      inboundId: null,
      contactId: i + 1,
      conversationId: null,
      regionCode: null,
      via: 'forwarded',
      forwarded: 1,
      text: item.text,
      media: null,
      matchedHoaxId: own,
      at: at + i * 1000,
    });
    elapsed += performance.now() - t0;
    placed.push({ item, claimId: p.claimId, own });
  });
  const clusterOf = new Map<number, { cluster: number; hoax: string | null }>();
  for (const r of db
    .prepare('SELECT c.id AS claim, c.cluster_id AS cluster, k.matched_hoax_id AS hoax FROM hoax_claims c JOIN hoax_clusters k ON k.id = c.cluster_id')
    .all() as Array<{ claim: number; cluster: number; hoax: string | null }>) {
    clusterOf.set(r.claim, { cluster: r.cluster, hoax: r.hoax });
  }
  db.close();

  let together = 0;
  let togetherRight = 0;
  let belong = 0;
  const failures: string[] = [];
  for (let a = 0; a < placed.length; a++) {
    for (let b = a + 1; b < placed.length; b++) {
      const x = placed[a]!;
      const y = placed[b]!;
      const same = clusterOf.get(x.claimId)!.cluster === clusterOf.get(y.claimId)!.cluster;
      const truth = x.item.label === y.item.label;
      if (same) together++;
      if (truth) belong++;
      if (same && truth) togetherRight++;
      if (same && !truth) failures.push(`joined wrongly: [${x.item.label}] ${JSON.stringify(x.item.text.slice(0, 90))} + [${y.item.label}] ${JSON.stringify(y.item.text.slice(0, 90))}`);
    }
  }
  let familiesWhole = 0;
  for (const f of set.families) {
    const clusters = new Map<number, string[]>();
    for (const p of placed.filter(p => p.item.label === f.id)) {
      const c = clusterOf.get(p.claimId)!.cluster;
      clusters.set(c, [...(clusters.get(c) ?? []), p.item.text]);
    }
    if (clusters.size === 1) familiesWhole++;
    else {
      const parts = [...clusters.values()].sort((a, b) => b.length - a.length);
      for (const part of parts.slice(1)) for (const text of part) failures.push(`split from [${f.id}]: ${JSON.stringify(text.slice(0, 120))}`);
    }
  }
  const sizes = new Map<number, number>();
  for (const c of clusterOf.values()) sizes.set(c.cluster, (sizes.get(c.cluster) ?? 0) + 1);
  const negativesJoined = placed.filter(p => p.item.label.startsWith('negative:') && sizes.get(clusterOf.get(p.claimId)!.cluster)! > 1).length;

  let predicted = 0;
  let right = 0;
  let aloneRight = 0;
  let alonePredicted = 0;
  const labelled = placed.filter(p => p.item.hoax !== null).length;
  for (const p of placed) {
    const hoax = clusterOf.get(p.claimId)!.hoax;
    if (hoax !== null) {
      predicted++;
      if (hoax === p.item.hoax) right++;
      else failures.push(`matched ${hoax} but is ${p.item.hoax ?? 'none'}: ${JSON.stringify(p.item.text.slice(0, 100))}`);
    } else if (p.item.hoax !== null) {
      failures.push(`not matched to ${p.item.hoax}: ${JSON.stringify(p.item.text.slice(0, 100))}`);
    }
    if (p.own !== null) {
      alonePredicted++;
      if (p.own === p.item.hoax) aloneRight++;
    }
  }
  return {
    claims: placed.length,
    families: set.families.length,
    negatives: set.negatives.length,
    pairPrecision: ratio(togetherRight, together),
    pairRecall: ratio(togetherRight, belong),
    familiesWhole,
    negativesJoined,
    matchPrecision: ratio(right, predicted),
    matchRecall: ratio(right, labelled),
    matcherAlonePrecision: ratio(aloneRight, alonePredicted),
    matcherAloneRecall: ratio(aloneRight, labelled),
    meanPlaceMs: elapsed / Math.max(1, placed.length),
    failures,
  };
}

/** Floors on the holdout split. */
export const CLUSTER_FLOORS = { pairPrecision: 0.95, pairRecall: 0.8, matchPrecision: 0.97, matchRecall: 0.85 } as const;

/** Prints the clustering table for the splits; returns the holdout floors missed. */
export function printHoaxClusterEval(
  splits: readonly Split[],
  options: { failures?: boolean; params?: Partial<ClusterParameters>; log?: (line: string) => void } = {}
): string[] {
  const log = options.log ?? ((line: string) => console.log(line));
  const sets = loadClusterSets();
  const scores = new Map(splits.map(s => [s, scoreClusterSplit(sets[s], options.params)]));
  const f3 = (x: number): string => x.toFixed(3);
  const rows: Array<[string, (s: ClusterScore) => string, number | null]> = [
    ['hoax desk: claims (families, negatives)', s => `${s.claims} (${s.families}, ${s.negatives})`, null],
    ['clustering pair precision', s => f3(s.pairPrecision), CLUSTER_FLOORS.pairPrecision],
    ['clustering pair recall', s => f3(s.pairRecall), CLUSTER_FLOORS.pairRecall],
    ['families kept whole', s => `${s.familiesWhole} of ${s.families}`, null],
    ['near-miss negatives joined', s => `${s.negativesJoined} of ${s.negatives}`, null],
    ['known-hoax matching precision', s => f3(s.matchPrecision), CLUSTER_FLOORS.matchPrecision],
    ['known-hoax matching recall', s => f3(s.matchRecall), CLUSTER_FLOORS.matchRecall],
    ['  (matcher alone: precision, recall)', s => `${f3(s.matcherAlonePrecision)}, ${f3(s.matcherAloneRecall)}`, null],
    ['place one claim (mean)', s => `${s.meanPlaceMs.toFixed(3)} ms`, null],
  ];
  const col = (s: string, n: number): string => s.padEnd(n);
  log(`\n${col('hoax desk clustering', 40)}${splits.map(s => col(s, 18)).join('')}holdout floor`);
  log('-'.repeat(40 + 18 * splits.length + 13));
  for (const [name, fmt, floor] of rows) {
    log(`${col(name, 40)}${splits.map(s => col(fmt(scores.get(s)!), 18)).join('')}${floor === null ? '' : floor}`);
  }
  if (options.failures) {
    for (const s of splits) {
      const failures = scores.get(s)!.failures;
      log(`\nhoax desk failures (${s}): ${failures.length}`);
      for (const f of failures) log(`  ${f}`);
    }
  }
  const holdout = scores.get('holdout');
  const missed: string[] = [];
  if (holdout) {
    for (const key of Object.keys(CLUSTER_FLOORS) as Array<keyof typeof CLUSTER_FLOORS>) {
      if (holdout[key] < CLUSTER_FLOORS[key]) missed.push(`hoax desk ${key} ${f3(holdout[key])} < ${CLUSTER_FLOORS[key]}`);
    }
  }
  return missed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const splitArg = args.find(a => a.startsWith('--split='))?.slice('--split='.length);
  const splits: Split[] = splitArg === 'tune' || splitArg === 'holdout' ? [splitArg] : [...SPLITS];
  const params: Record<string, number> = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--set') {
      const [k, v] = (args[++i] ?? '').split('=');
      if (k && v) params[k] = Number(v);
    }
  }
  const missed = printHoaxClusterEval(splits, { failures: args.includes('--failures'), params: params as Partial<ClusterParameters> });
  if (missed.length > 0) {
    console.log(`HOLDOUT FLOORS MISSED: ${missed.join('; ')}`);
    process.exitCode = 1;
  }
}
