/**
 * `npm run eval`: scores matching, regions and the self check-up on eval/data, tune and holdout
 * separately, times them, and exits non-zero when a holdout floor is missed.
 *
 * Options: `--split=tune` (what tuning looks at; holdout stays unseen), `--failures` (list
 * what went wrong in the evaluated splits).
 */
import { performance } from 'node:perf_hooks';
import { createMatcher } from '../bot-service/flows/understanding/matcher.ts';
import { loadReferenceData } from '../bot-service/flows/understanding/reference-data.ts';
import { createRegionIndex } from '../bot-service/flows/understanding/region-resolver.ts';
import { createSelfCheck } from '../bot-service/flows/understanding/self-check.ts';
import { printHoaxClusterEval } from './hoax-clusters.ts';
import { scoreSplit } from './score.ts';
import type { Modules, SplitScore } from './score.ts';
import { loadEvalSets, loadSeedContent, SPLITS } from './sets.ts';
import type { Split } from './sets.ts';

/** Floors on the holdout split (issue 3). */
export const FLOORS = { faqTop1: 0.9, oosRejected: 0.85, hoaxPrecision: 0.97, hoaxRecall: 0.9, selfCheck: 1 } as const;

const args = process.argv.slice(2);
const splitArg = args.find(a => a.startsWith('--split='))?.slice('--split='.length);
const splits: Split[] = splitArg === 'tune' || splitArg === 'holdout' ? [splitArg] : [...SPLITS];
const listFailures = args.includes('--failures');

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

function timeEach(inputs: readonly string[], fn: (s: string) => unknown, passes: number): { mean: number; p99: number; max: number } {
  const times: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    for (const input of inputs) {
      const t0 = performance.now();
      fn(input);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((s, t) => s + t, 0) / Math.max(1, times.length);
  return { mean, p99: percentile(times, 0.99), max: times[times.length - 1] ?? 0 };
}

const started = performance.now();
const sets = loadEvalSets();
const seed = loadSeedContent();
const reference = loadReferenceData();

const buildTimes: number[] = [];
let matcher = createMatcher({ faq: seed.faq, hoaxes: seed.hoaxes });
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  matcher = createMatcher({ faq: seed.faq, hoaxes: seed.hoaxes });
  buildTimes.push(performance.now() - t0);
}
const modules: Modules = {
  matcher,
  regions: createRegionIndex(reference.regions, reference.geojson),
  selfCheck: createSelfCheck(seed.selfCheck),
};

const scores = new Map<Split, SplitScore>(splits.map(s => [s, scoreSplit(sets, s, modules)]));

const rows: Array<[string, (s: SplitScore) => string, number | null]> = [
  ['FAQ top-1 accuracy (answered right)', s => `${pct(s.faqTop1)} of ${s.faqCount}`, FLOORS.faqTop1],
  ['FAQ ranked first (any confidence)', s => pct(s.faqRankedFirst), null],
  ['out-of-scope rejected', s => `${pct(s.oosRejected)} of ${s.oosCount}`, FLOORS.oosRejected],
  ['hoax precision', s => s.hoaxPrecision.toFixed(3), FLOORS.hoaxPrecision],
  ['hoax recall', s => `${s.hoaxRecall.toFixed(3)} of ${s.hoaxCount}`, FLOORS.hoaxRecall],
  ['near-miss hoax false alarms', s => `${s.nearMissFalseAlarms} of ${s.nearMissCount}`, null],
  ['region accuracy (texts + pins)', s => `${pct(s.region)} of ${s.regionCount}`, null],
  ['self check-up levels right', s => `${pct(s.selfCheckLevels)} of ${s.selfCheckCount}`, FLOORS.selfCheck],
  ['self check-up completed, no re-ask', s => pct(s.selfCheckCompleted), null],
  ['typed answers understood', s => `${s.answersUnderstood} of ${s.answersTyped}`, null],
];

const col = (s: string, n: number): string => s.padEnd(n);
console.log(`\n${col('metric', 38)}${splits.map(s => col(s, 18)).join('')}holdout floor`);
console.log('-'.repeat(38 + 18 * splits.length + 13));
for (const [name, fmt, floor] of rows) {
  const cells = splits.map(s => col(fmt(scores.get(s) as SplitScore), 18)).join('');
  console.log(`${col(name, 38)}${cells}${floor === null ? '' : floor}`);
}

const allTexts = [
  ...SPLITS.flatMap(s => sets.faq[s].map(i => i.text)),
  ...SPLITS.flatMap(s => sets.outOfScope[s].map(i => i.text)),
  ...SPLITS.flatMap(s => sets.hoax[s].map(i => i.text)),
  ...SPLITS.flatMap(s => sets.nearMiss[s].map(i => i.text)),
];
const fresh = createMatcher({ faq: seed.faq, hoaxes: seed.hoaxes });
const cold = timeEach(allTexts, t => fresh.match(t), 1);
const warm = timeEach(allTexts, t => matcher.match(t), 5);
const regionTexts = SPLITS.flatMap(s => sets.regions[s].texts.map(i => i.text));
const regionTime = timeEach(regionTexts, t => modules.regions.resolveText(t), 5);
const pins = SPLITS.flatMap(s => sets.regions[s].pins);
const pinTime = timeEach(pins.map((_, i) => String(i)), i => {
  const p = pins[Number(i)];
  return p && modules.regions.atPoint(p.lat, p.lon);
}, 5);
buildTimes.sort((a, b) => a - b);
const ms = (x: number): string => `${x.toFixed(3)} ms`;
console.log('\ntimings (this machine)');
console.log(`  matcher build from seeded content: median ${ms(buildTimes[2] ?? 0)}`);
console.log(`  match(), first sight of each text: mean ${ms(cold.mean)}, p99 ${ms(cold.p99)}, max ${ms(cold.max)} (${allTexts.length} texts)`);
console.log(`  match(), steady state:              mean ${ms(warm.mean)}, p99 ${ms(warm.p99)}, max ${ms(warm.max)}`);
console.log(`  region text: mean ${ms(regionTime.mean)}, p99 ${ms(regionTime.p99)}; pin: mean ${ms(pinTime.mean)}, p99 ${ms(pinTime.p99)}`);

if (listFailures) {
  for (const s of splits) {
    const failures = (scores.get(s) as SplitScore).failures;
    console.log(`\nfailures (${s}): ${failures.length}`);
    for (const f of failures) console.log(`  [${f.set}] ${JSON.stringify(f.text)}\n      expected ${f.expected}; got ${f.got}`);
  }
}

const holdout = scores.get('holdout');
const missed: string[] = [];
if (holdout) {
  if (holdout.faqTop1 < FLOORS.faqTop1) missed.push(`FAQ top-1 ${pct(holdout.faqTop1)} < ${pct(FLOORS.faqTop1)}`);
  if (holdout.oosRejected < FLOORS.oosRejected) missed.push(`out-of-scope ${pct(holdout.oosRejected)} < ${pct(FLOORS.oosRejected)}`);
  if (holdout.hoaxPrecision < FLOORS.hoaxPrecision) missed.push(`hoax precision ${holdout.hoaxPrecision.toFixed(3)} < ${FLOORS.hoaxPrecision}`);
  if (holdout.hoaxRecall < FLOORS.hoaxRecall) missed.push(`hoax recall ${holdout.hoaxRecall.toFixed(3)} < ${FLOORS.hoaxRecall}`);
  if (holdout.selfCheckLevels < FLOORS.selfCheck) missed.push(`self check-up levels ${pct(holdout.selfCheckLevels)} < ${pct(FLOORS.selfCheck)}`);
}
// The hoax desk's clustering and known-hoax matching (issue 6).
missed.push(...printHoaxClusterEval(splits, { failures: listFailures }));
console.log(`\nran in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (missed.length > 0) {
  console.log(`HOLDOUT FLOORS MISSED: ${missed.join('; ')}`);
  process.exitCode = 1;
} else if (holdout) {
  console.log('holdout floors met');
}
