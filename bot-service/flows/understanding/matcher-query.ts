/**
 * A message as the matcher sees it: one "concept" per typed word (its content keys plus those of
 * its English translation, any of which may match), with a weight and a credit.
 */
import { GLOSSARY_EN_MAP } from './glossary-en.ts';
import { tokenize } from './normalize.ts';
import type { Resolver } from './text-index.ts';

/**
 * One typed word. Weights differ for FAQ retrieval (everyday words count little) and claim
 * matching (a claim's assertion often sits in everyday words: "ditutup", "mulai besok").
 * `credit` < 1 when the word was recognised only through a close spelling.
 */
export type Concept = { alts: string[]; weight: number; hoaxWeight: number; credit: number };

/**
 * `concepts` are distinct; `keys` is every alternative of every concept; `sequence` keeps every
 * word's alternatives in order (repeats and unknown words included) for word pairs.
 */
export type Query = {
  concepts: Concept[];
  keys: Set<string>;
  total: number;
  hoaxTotal: number;
  sequence: string[][];
};

export type QueryWeights = {
  weight(key: string): number;
  hoaxWeight(key: string): number;
  unknown: number;
  fuzzyCredit: number;
};

/** Longest message considered (words); longer forwards are cut. */
export const MAX_WORDS = 400;

/** Builds the query of `text` (or of its words, when already tokenized). */
export function buildQuery(resolver: Resolver, weights: QueryWeights, text: string | readonly string[]): Query {
  const concepts: Concept[] = [];
  const keys = new Set<string>();
  const sequence: string[][] = [];
  const unknown = new Set<string>();
  let total = 0;
  let hoaxTotal = 0;
  const words = typeof text === 'string' ? tokenize(text) : text;
  for (const word of words.slice(0, MAX_WORDS)) {
    const own = resolver.resolve(word);
    const english = GLOSSARY_EN_MAP.get(word);
    const translated = english === undefined ? [] : english.flatMap(t => resolver.resolve(t) ?? []);
    if (own !== null && own.length === 0 && translated.length === 0) continue; // a stopword
    // A run-together pair ("cucitangan") is two concepts.
    const groups = own !== null && own.length > 1 ? own.map(k => [k]) : [[...(own ?? []), ...translated]];
    for (const alts of groups) {
      sequence.push(alts);
      if (alts.length === 0 ? unknown.has(word) : alts.every(k => keys.has(k))) continue; // said twice
      if (alts.length === 0) unknown.add(word);
      for (const k of alts) keys.add(k);
      // An unknown 1-3 letter token ("cr", "p") is most likely an abbreviation: weigh it less.
      const unknownWeight = alts.length === 0 ? weights.unknown * Math.min(1, word.length / 4) : 0;
      let weight = unknownWeight;
      let hoaxWeight = unknownWeight;
      for (const k of alts) {
        weight = Math.max(weight, weights.weight(k));
        hoaxWeight = Math.max(hoaxWeight, weights.hoaxWeight(k));
      }
      const credit = translated.length === 0 && resolver.isFuzzy(word) ? weights.fuzzyCredit : 1;
      concepts.push({ alts, weight, hoaxWeight, credit });
      total += weight;
      hoaxTotal += hoaxWeight;
    }
  }
  return { concepts, keys, total, hoaxTotal, sequence };
}
