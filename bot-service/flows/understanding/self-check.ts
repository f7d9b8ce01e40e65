/**
 * The self check-up questionnaire, exactly as `content-seed.json` -> `self_check` documents it.
 *
 * Flags and rules are read from the content (`derived_flags`, `rules`, `evaluation.order`,
 * `advisories[].when`), not written in code, so staff can change them. Partial answers are
 * evaluated with three-valued logic: an emergency rule (T1) that is already true ends the
 * questionnaire early; otherwise every question must be answered before there is a level.
 */
import { createAnswerReader, parseNumericRule } from './self-check-answers.ts';
import type { AnswerInput, AnswerReader, NumericRule, QuestionContent } from './self-check-answers.ts';

export type { AnswerInput, QuestionContent } from './self-check-answers.ts';

export type SelfCheckLevel = 'rendah' | 'sedang' | 'tinggi';
export type Lang = 'id' | 'en';

export type FlagTerm = string | FlagDefinition;
export type FlagDefinition =
  | { question: string; in: readonly string[] }
  | { any: readonly FlagTerm[] }
  | { all: readonly FlagTerm[] };

export type SelfCheckContent = {
  questions: readonly QuestionContent[];
  answer_normalization?: Readonly<Record<string, string>>;
  derived_flags: ReadonlyArray<{ id: string; definition: FlagDefinition }>;
  rules: ReadonlyArray<{ id: string; level: string; emergency?: boolean; condition: FlagDefinition }>;
  evaluation: { order: readonly string[] };
  advisories?: Readonly<Record<string, { when: string }>>;
};

/** Answers so far: question id -> answer id. */
export type SelfCheckAnswers = Readonly<Record<string, string | undefined>>;

export type SelfCheckStep =
  | { kind: 'question'; questionId: string }
  | {
      kind: 'result';
      level: SelfCheckLevel;
      emergency: boolean;
      /** The deciding rule (first true rule of the level), null for the default level. */
      ruleId: string | null;
      /** Every true rule, for logs. */
      matchedRules: string[];
      /** Keys of `advisories` whose `when` holds, e.g. ["unknown_exposure"]. */
      advisories: string[];
      /** True when all questions were answered (false after an emergency early exit). */
      complete: boolean;
    };

export type SelfCheck = {
  questionIds: readonly string[];
  firstQuestion(): string;
  question(questionId: string): QuestionContent | undefined;
  /** The answer id for a tap (`id`) or typed text, or null when unclear (ask again). */
  parseAnswer(questionId: string, input: AnswerInput, lang?: Lang): string | null;
  next(answers: SelfCheckAnswers): SelfCheckStep;
};

type Tri = boolean | null;
type Condition = { op: 'or' | 'and'; terms: Array<{ question: string; answer: string }> };

const LEVELS: ReadonlySet<string> = new Set(['rendah', 'sedang', 'tinggi']);

/** Parses "q_a == 'x' OR q_b == 'y'" (or the same with AND; one operator per clause). */
function parseWhen(when: string, key: string): Condition {
  const op = /\s+AND\s+/i.test(when) ? 'and' : 'or';
  const terms = when.split(/\s+(?:OR|AND)\s+/i).map(part => {
    const m = /^\s*(\w+)\s*==\s*'([^']*)'\s*$/.exec(part);
    if (!m) throw new Error(`self_check.advisories.${key}.when: cannot read "${part}"`);
    return { question: m[1] as string, answer: m[2] as string };
  });
  return { op, terms };
}

/** Builds the questionnaire engine from `content-seed.json` -> `self_check`; throws on bad content. */
export function createSelfCheck(content: SelfCheckContent): SelfCheck {
  const questions = [...content.questions].sort((a, b) => a.order - b.order);
  if (questions.length === 0) throw new Error('self_check: no questions');
  const byId = new Map(questions.map(q => [q.id, q]));
  const flags = new Map(content.derived_flags.map(f => [f.id, f.definition]));

  const check = (term: FlagTerm, where: string, depth = 0): void => {
    if (depth > 20) throw new Error(`self_check: ${where}: flags refer to each other in a loop`);
    if (typeof term === 'string') {
      const def = flags.get(term);
      if (!def) throw new Error(`self_check: ${where}: unknown flag ${term}`);
      check(def, `${where} -> ${term}`, depth + 1);
    } else if ('question' in term) {
      const q = byId.get(term.question);
      if (!q) throw new Error(`self_check: ${where}: unknown question ${term.question}`);
      for (const a of term.in) {
        if (!q.answers.some(x => x.id === a)) throw new Error(`self_check: ${where}: ${term.question} has no answer ${a}`);
      }
    } else {
      const list = 'any' in term ? term.any : term.all;
      list.forEach(t => check(t, where, depth + 1));
    }
  };
  content.derived_flags.forEach(f => check(f.definition, `flag ${f.id}`));
  content.rules.forEach(r => check(r.condition, `rule ${r.id}`));
  for (const level of content.evaluation.order) {
    if (!LEVELS.has(level)) throw new Error(`self_check: unknown level ${level}`);
  }
  for (const r of content.rules) {
    if (!content.evaluation.order.includes(r.level)) throw new Error(`self_check: rule ${r.id} has unknown level ${r.level}`);
  }
  const defaultLevel = content.evaluation.order[content.evaluation.order.length - 1] as SelfCheckLevel;
  const advisories = Object.entries(content.advisories ?? {}).map(([key, a]) => ({ key, when: parseWhen(a.when, key) }));

  const numeric: NumericRule[] = [];
  for (const [key, sentence] of Object.entries(content.answer_normalization ?? {})) {
    const rule = parseNumericRule(key, sentence);
    if (rule) numeric.push(rule);
  }
  const readers = new Map<string, AnswerReader>(questions.map(q => [q.id, createAnswerReader(q, numeric)]));

  const validAnswer = (answers: SelfCheckAnswers, qid: string): string | null => {
    const a = answers[qid];
    return a !== undefined && byId.get(qid)?.answers.some(x => x.id === a) ? a : null;
  };

  const evaluate = (term: FlagTerm, answers: SelfCheckAnswers): Tri => {
    if (typeof term === 'string') return evaluate(flags.get(term) as FlagDefinition, answers);
    if ('question' in term) {
      const a = validAnswer(answers, term.question);
      return a === null ? null : term.in.includes(a);
    }
    if ('any' in term) {
      let unknown = false;
      for (const t of term.any) {
        const v = evaluate(t, answers);
        if (v === true) return true;
        if (v === null) unknown = true;
      }
      return unknown ? null : false;
    }
    let unknown = false;
    for (const t of term.all) {
      const v = evaluate(t, answers);
      if (v === false) return false;
      if (v === null) unknown = true;
    }
    return unknown ? null : true;
  };

  const result = (answers: SelfCheckAnswers, complete: boolean): SelfCheckStep & { kind: 'result' } => {
    const trueRules = content.rules.filter(r => evaluate(r.condition, answers) === true);
    let level = defaultLevel;
    let ruleId: string | null = null;
    for (const l of content.evaluation.order) {
      const rule = trueRules.find(r => r.level === l);
      if (rule) {
        level = l as SelfCheckLevel;
        ruleId = rule.id;
        break;
      }
    }
    const shown = advisories
      .filter(({ when }) => {
        const hits = when.terms.map(t => validAnswer(answers, t.question) === t.answer);
        return when.op === 'and' ? hits.every(Boolean) : hits.some(Boolean);
      })
      .map(a => a.key);
    return {
      kind: 'result',
      level,
      emergency: trueRules.some(r => r.emergency === true),
      ruleId,
      matchedRules: trueRules.map(r => r.id),
      advisories: shown,
      complete,
    };
  };

  return {
    questionIds: questions.map(q => q.id),
    firstQuestion: () => (questions[0] as QuestionContent).id,
    question: id => byId.get(id),
    parseAnswer: (questionId, input) => readers.get(questionId)?.(input) ?? null,
    next: answers => {
      // Emergency rules end the questionnaire as soon as they are certainly true.
      for (const r of content.rules) {
        if (r.emergency === true && evaluate(r.condition, answers) === true) {
          const missing = questions.some(q => validAnswer(answers, q.id) === null);
          return result(answers, !missing);
        }
      }
      const open = questions.find(q => validAnswer(answers, q.id) === null);
      if (open) return { kind: 'question', questionId: open.id };
      return result(answers, true);
    },
  };
}
