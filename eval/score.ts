/**
 * Scoring one split of the evaluation sets against the understanding modules.
 *
 * Definitions (what the citizen would get):
 * - FAQ top-1: `match()` answers with the right FAQ and is confident (a hoax answer or
 *   "offer a volunteer" counts as wrong). "ranked first" ignores confidence.
 * - out-of-scope rejected: `match()` is null or not confident.
 * - hoax precision/recall: a confident hoax answer is a prediction; it is right only on a
 *   hoax variant with the right id. Predictions are counted over every set of the split.
 * - region: typed texts and pins give the expected code / pair / none (and inside flag).
 * - self check-up levels right: no sequence ends with a wrong level, emergency flag, rule (when
 *   given) or advisories (when given), or ends early or late. A typed answer the bot does not
 *   understand makes it ask again ("bila ragu, tanyakan ulang"): that is reported separately as
 *   typed answers understood and sequences completed, not as a wrong level.
 */
import type { Matcher } from '../bot-service/flows/understanding/matcher.ts';
import type { RegionIndex } from '../bot-service/flows/understanding/region-resolver.ts';
import type { SelfCheck, SelfCheckAnswers } from '../bot-service/flows/understanding/self-check.ts';
import type { EvalSets, SelfCheckItem, Split } from './sets.ts';

export type Failure = { set: string; text: string; expected: string; got: string };

export type SplitScore = {
  faqTop1: number;
  faqRankedFirst: number;
  faqCount: number;
  oosRejected: number;
  oosCount: number;
  hoaxPrecision: number;
  hoaxRecall: number;
  hoaxCount: number;
  nearMissFalseAlarms: number;
  nearMissCount: number;
  region: number;
  regionCount: number;
  /** Share of sequences that did not end with a wrong result (floor: 100%). */
  selfCheckLevels: number;
  /** Share of sequences completed right without asking again. */
  selfCheckCompleted: number;
  selfCheckCount: number;
  /** Typed answers understood / typed answers. */
  answersUnderstood: number;
  answersTyped: number;
  failures: Failure[];
};

export type Modules = { matcher: Matcher; regions: RegionIndex; selfCheck: SelfCheck };

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

function show(r: { kind: string; id: string; score: number; confident: boolean } | null): string {
  return r === null ? 'null' : `${r.kind}:${r.id} ${r.score}${r.confident ? '' : ' (not confident)'}`;
}

export type SelfCheckRun = {
  /** The sequence ended, after its last input, with the expected level, emergency, rule, advisories. */
  ok: boolean;
  /** It ended with a result that is wrong (or ended too early or too late): never acceptable. */
  wrong: boolean;
  /** Typed inputs read / typed inputs tried (an input not understood means the bot asks again). */
  understood: number;
  typed: number;
  problem: string | null;
};

/**
 * Runs one self check-up sequence. When an input is not understood the bot would ask again;
 * the run stops there (neither right nor wrong: "asked again").
 */
export function runSelfCheck(selfCheck: SelfCheck, item: SelfCheckItem): SelfCheckRun {
  const answers: Record<string, string> = {};
  let questionId: string = selfCheck.firstQuestion();
  let understood = 0;
  let typed = 0;
  const done = (ok: boolean, wrong: boolean, problem: string | null): SelfCheckRun => ({ ok, wrong, understood, typed, problem });
  for (const [i, input] of item.inputs.entries()) {
    const parsed = selfCheck.parseAnswer(questionId, typeof input === 'string' ? { text: input } : input, item.lang ?? 'id');
    if (typeof input === 'string') typed++;
    if (parsed === null) return done(false, false, `asked again: input ${i + 1} ${JSON.stringify(input)} not understood for ${questionId}`);
    if (typeof input === 'string') understood++;
    answers[questionId] = parsed;
    const step = selfCheck.next(answers as SelfCheckAnswers);
    const last = i === item.inputs.length - 1;
    if (step.kind === 'question') {
      if (last) return done(false, true, `still asking ${step.questionId} after the last input`);
      questionId = step.questionId;
      continue;
    }
    if (!last) return done(false, true, `result after input ${i + 1}, ${item.inputs.length - i - 1} inputs left`);
    const problems: string[] = [];
    if (step.level !== item.level) problems.push(`level ${step.level}`);
    if (step.emergency !== item.emergency) problems.push(`emergency ${step.emergency}`);
    if (item.rule !== undefined && step.ruleId !== item.rule) problems.push(`rule ${step.ruleId}`);
    if (item.advisory !== undefined && step.advisories.join(',') !== item.advisory.join(',')) {
      problems.push(`advisories ${step.advisories.join(',') || 'none'}`);
    }
    const ok = problems.length === 0;
    return done(ok, !ok, ok ? null : `${problems.join(', ')} (answers ${JSON.stringify(answers)})`);
  }
  return done(false, true, 'no inputs');
}

/** Scores one split. */
export function scoreSplit(sets: EvalSets, split: Split, m: Modules): SplitScore {
  const failures: Failure[] = [];
  let hoaxPredicted = 0;
  let hoaxRight = 0;
  const hoaxPrediction = (set: string, text: string, want: string | null, r: ReturnType<Matcher['match']>): void => {
    if (r?.kind !== 'hoax' || !r.confident) return;
    hoaxPredicted++;
    if (want !== null && r.id === want) hoaxRight++;
    else if (want === null) failures.push({ set: `${set} (hoax false alarm)`, text, expected: 'no hoax', got: show(r) });
  };

  let faqTop1 = 0;
  let faqFirst = 0;
  for (const item of sets.faq[split]) {
    const r = m.matcher.match(item.text);
    hoaxPrediction('faq', item.text, null, r);
    if (r?.kind === 'faq' && r.id === item.faq && r.confident) faqTop1++;
    else failures.push({ set: 'faq', text: item.text, expected: item.faq, got: show(r) });
    if (m.matcher.matchFaq(item.text)?.id === item.faq) faqFirst++;
  }

  let oosRejected = 0;
  for (const item of sets.outOfScope[split]) {
    const r = m.matcher.match(item.text);
    hoaxPrediction('out-of-scope', item.text, null, r);
    if (r === null || !r.confident) oosRejected++;
    else failures.push({ set: 'out-of-scope', text: item.text, expected: 'not confident', got: show(r) });
  }

  for (const item of sets.hoax[split]) {
    const r = m.matcher.match(item.text);
    hoaxPrediction('hoax', item.text, item.hoax, r);
    if (!(r?.kind === 'hoax' && r.confident && r.id === item.hoax)) {
      failures.push({ set: 'hoax', text: item.text, expected: item.hoax, got: show(r) });
    }
  }

  let nearMissAlarms = 0;
  for (const item of sets.nearMiss[split]) {
    const before = hoaxPredicted;
    hoaxPrediction('near-miss', item.text, null, m.matcher.match(item.text));
    if (hoaxPredicted > before) nearMissAlarms++;
  }

  let regionRight = 0;
  const { texts, pins } = sets.regions[split];
  for (const item of texts) {
    const r = m.regions.resolveText(item.text);
    const got = r.kind === 'match' ? r.code : r.kind === 'ambiguous' ? `ambiguous:${r.codes.join('/')}` : null;
    const want = item.expect === 'ambiguous' ? `ambiguous:${(item.codes ?? []).join('/')}` : item.expect;
    if (got === want) regionRight++;
    else failures.push({ set: 'region text', text: item.text, expected: String(want), got: String(got) });
  }
  for (const item of pins) {
    const r = m.regions.atPoint(item.lat, item.lon);
    const ok = r === null ? item.expect === null : r.code === item.expect && (item.inside === undefined || r.inside === item.inside);
    if (ok) regionRight++;
    else {
      const got = r === null ? 'null' : `${r.code} inside=${r.inside} ${r.distanceKm} km`;
      failures.push({ set: 'region pin', text: item.name, expected: `${item.expect} inside=${item.inside}`, got });
    }
  }

  let selfCheckWrong = 0;
  let selfCheckDone = 0;
  let understood = 0;
  let typed = 0;
  for (const item of sets.selfCheck[split]) {
    const run = runSelfCheck(m.selfCheck, item);
    if (run.wrong) selfCheckWrong++;
    if (run.ok) selfCheckDone++;
    understood += run.understood;
    typed += run.typed;
    if (run.problem !== null) {
      failures.push({ set: 'self-check', text: item.name, expected: `${item.level} ${item.rule ?? ''}`, got: run.problem });
    }
  }

  const faqCount = sets.faq[split].length;
  const oosCount = sets.outOfScope[split].length;
  const hoaxCount = sets.hoax[split].length;
  const regionCount = texts.length + pins.length;
  const selfCheckCount = sets.selfCheck[split].length;
  return {
    faqTop1: ratio(faqTop1, faqCount),
    faqRankedFirst: ratio(faqFirst, faqCount),
    faqCount,
    oosRejected: ratio(oosRejected, oosCount),
    oosCount,
    hoaxPrecision: ratio(hoaxRight, hoaxPredicted),
    hoaxRecall: ratio(hoaxRight, hoaxCount),
    hoaxCount,
    nearMissFalseAlarms: nearMissAlarms,
    nearMissCount: sets.nearMiss[split].length,
    region: ratio(regionRight, regionCount),
    regionCount,
    selfCheckLevels: ratio(selfCheckCount - selfCheckWrong, selfCheckCount),
    selfCheckCompleted: ratio(selfCheckDone, selfCheckCount),
    selfCheckCount,
    answersUnderstood: understood,
    answersTyped: typed,
    failures,
  };
}
