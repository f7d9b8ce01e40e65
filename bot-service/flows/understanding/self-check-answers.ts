/**
 * Reading one self check-up answer: a button/list-row id, the answer's number, a typed label
 * (typos forgiven), a yes/no/don't-know word in Indonesian, Javanese or English, or a number
 * that the content's `answer_normalization` turns into an answer (temperature, age).
 *
 * When in doubt the answer is null and the engine asks again, as the content asks
 * ("bila ragu, tanyakan ulang").
 */
import { distance } from 'fastest-levenshtein';
import { lookup } from './lexicon.ts';
import { isStopword, tokenize } from './normalize.ts';
import { ANSWER_PHRASES, ANSWER_SYNONYMS, NUMBER_FILLERS } from './self-check-words.ts';

export type AnswerContent = {
  id: string;
  label: string;
  description?: string;
  en?: { label?: string; description?: string };
};

export type QuestionContent = {
  id: string;
  order: number;
  text: string;
  answers: readonly AnswerContent[];
  en?: { text?: string };
};

/** A numeric rule from `answer_normalization`: value >= threshold -> atLeast, else below. */
export type NumericRule = { min: number; max: number; threshold: number; atLeast: string; below: string };

export type AnswerInput = { id?: string; text?: string };

const PHRASES = [...ANSWER_PHRASES]
  .map(([from, to]) => [from.split(' '), to.split(' ')] as const)
  .sort((a, b) => b[0].length - a[0].length);

function rewrite(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const hit = PHRASES.find(([from]) => from.every((w, j) => words[i + j] === w));
    if (hit) {
      out.push(...hit[1]);
      i += hit[0].length;
    } else {
      out.push(words[i] as string);
      i++;
    }
  }
  return out;
}

/** Tokens of an answer text with yes/no/don't-know phrases made canonical. */
export function answerTokens(text: string): string[] {
  // Twice, so that a rewritten word can complete a longer phrase ("gak bisa ngomong").
  const out = rewrite(rewrite(tokenize(text)));
  // A lone unit letter ("38 c") says nothing.
  return out.filter(w => w.length > 1 || /\d/.test(w));
}

function sameWord(typed: string, wanted: string): boolean {
  if (typed === wanted) return true;
  if (wanted.length < 4 || /\d/.test(wanted)) return false;
  return distance(typed, wanted) <= (wanted.length >= 8 ? 2 : 1);
}

/** The phrase's words appear in the typed words, in the same order (other words may sit between). */
function containsInOrder(typed: readonly string[], phrase: readonly string[]): boolean {
  let at = 0;
  for (const p of phrase) {
    while (at < typed.length && !sameWord(typed[at] as string, p)) at++;
    if (at === typed.length) return false;
    at++;
  }
  return phrase.length > 0;
}

/** Parses a numeric rule sentence like "nilai >= 38.0 -> 'ya_38'; nilai < 38.0 -> 'lt_38'". */
export function parseNumericRule(key: string, sentence: string): NumericRule | null {
  const atLeast = />=\s*(\d+(?:[.,]\d+)?)\s*->\s*'([^']+)'/.exec(sentence);
  const below = /(?:^|[^>])<\s*(\d+(?:[.,]\d+)?)\s*->\s*'([^']+)'/.exec(sentence);
  if (!atLeast || !below) return null;
  const threshold = Number((atLeast[1] ?? '').replace(',', '.'));
  // Plausible ranges keep "2" (a list row) from being read as an age or a temperature.
  const range = /temperat|suhu/i.test(key) ? [30, 45] : /age|usia|umur/i.test(key) ? [0, 130] : [-Infinity, Infinity];
  return { min: range[0] as number, max: range[1] as number, threshold, atLeast: atLeast[2] ?? '', below: below[2] ?? '' };
}

/** The one number in `text` when every other word is a filler ("39 derajat", "demam 38,5"). */
function numberIn(text: string, fillers: ReadonlySet<string>): number | null {
  const lower = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/(\d),(\d)/g, '$1.$2');
  const words = lower.match(/\d+(?:\.\d+)?|\p{L}+/gu) ?? [];
  const numbers = words.filter(w => /^\d/.test(w));
  if (numbers.length !== 1) return null;
  if (!words.every(w => w === numbers[0] || NUMBER_FILLERS.has(w) || fillers.has(w))) return null;
  return Number(numbers[0]);
}

type Phrase = { answerId: string; words: string[] };

/** Precomputed phrases for one question. */
export type AnswerReader = (input: AnswerInput) => string | null;

/** Builds the reader for one question. */
export function createAnswerReader(question: QuestionContent, numeric: readonly NumericRule[]): AnswerReader {
  const ids = new Set(question.answers.map(a => a.id));
  const phrases: Phrase[] = [];
  for (const a of question.answers) {
    const texts = [a.label, a.en?.label ?? '', a.id.replace(/_/g, ' '), ...(lookup(ANSWER_SYNONYMS, a.id) ?? [])];
    for (const t of texts) {
      const words = answerTokens(t);
      if (words.length > 0) phrases.push({ answerId: a.id, words });
    }
  }
  // An answer's description ("Sulit bicara, napas sangat cepat, ...") is too long to be typed whole,
  // but typed words that all come from one description point to that answer.
  const descriptions: Phrase[] = question.answers.flatMap(a =>
    [a.description ?? '', a.en?.description ?? '']
      .map(t => ({ answerId: a.id, words: answerTokens(t) }))
      .filter(p => p.words.length > 0)
  );
  const rules = numeric.filter(r => ids.has(r.atLeast) && ids.has(r.below));
  const questionWords = new Set([question.text, question.en?.text ?? ''].flatMap(t => tokenize(t)));

  // The answers whose longest phrase found in the text is the longest of all.
  const byPhrase = (typed: string[]): Set<string> => {
    let bestLen = 0;
    let bestIds = new Set<string>();
    for (const p of phrases) {
      if (p.words.length < bestLen || !containsInOrder(typed, p.words)) continue;
      if (p.words.length > bestLen) {
        bestLen = p.words.length;
        bestIds = new Set();
      }
      bestIds.add(p.answerId);
    }
    return bestIds;
  };

  // A bare "ya"/"tidak" never picks by subset: "ya" to "demam?" could be measured or not.
  const byLabelSubset = (typed: string[]): string | null => {
    const content = typed.filter(t => !isStopword(t));
    if (content.length === 0) return null;
    const hits = new Set<string>();
    for (const p of [...phrases, ...descriptions]) {
      if (content.every(t => p.words.some(x => sameWord(t, x)))) hits.add(p.answerId);
    }
    return hits.size === 1 ? ([...hits][0] as string) : null;
  };

  return (input: AnswerInput): string | null => {
    const id = input.id?.trim();
    if (id) {
      if (ids.has(id)) return id;
      // Row ids may carry a prefix: "cek:q_sesak:berat".
      const last = id.split(/[:/|]/).pop() ?? '';
      if (ids.has(last)) return last;
    }
    const text = input.text?.trim() ?? '';
    if (text === '') return null;
    const listNumber = /^\(?(\d{1,2})[.)]?$/.exec(text);
    if (listNumber) {
      const n = Number(listNumber[1]);
      if (n >= 1 && n <= question.answers.length) return question.answers[n - 1]?.id ?? null;
    }
    // The question's own words may stand next to the number: "demam 38,5", "usia 45".
    const value = numberIn(text, questionWords);
    if (value !== null) {
      for (const r of rules) {
        if (value >= r.min && value <= r.max) return value >= r.threshold ? r.atLeast : r.below;
      }
    }
    const typed = answerTokens(text);
    if (typed.length === 0) return null;
    const found = byPhrase(typed);
    // Two answers named as strongly ("tidak berat") is unclear: ask again.
    if (found.size > 1) return null;
    if (found.size === 1) return [...found][0] as string;
    const subset = byLabelSubset(typed);
    if (subset !== null) return subset;
    // Repeating the question's own words ("batuk" to "Apakah Anda batuk?") means yes.
    const content = typed.filter(t => !isStopword(t));
    if (content.length > 0 && !typed.includes('tidak') && content.every(t => questionWords.has(t))) {
      const yes = byPhrase(['ya']);
      return yes.size === 1 ? ([...yes][0] as string) : null;
    }
    return null;
  };
}
