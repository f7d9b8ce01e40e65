/**
 * The vocabulary of the content and a resolver that maps what a citizen typed onto it.
 *
 * Content words are indexed by `stemKey`. A typed word is resolved, in order, by its own key,
 * by the standard form of colloquial morphology ("nularin", "obate"), by splitting a run-together
 * pair ("cucitangan"), and finally by a close spelling (Levenshtein 1, or 2 for long words).
 */
import { distance } from 'fastest-levenshtein';
import { GENERAL_WORDS } from './lexicon.ts';
import { colloquialVariants, isStopword, mapWord, stemKey, tokenize } from './normalize.ts';

export type Vocabulary = {
  /** key -> number of documents holding it. */
  df: Map<string, number>;
  /** surface word -> key. */
  surfaces: Map<string, string>;
  /** first letter -> surface words, for spelling correction. */
  byInitial: Map<string, string[]>;
  docCount: number;
};

/** Builds a vocabulary from documents given as lists of texts. */
export function createVocabulary(
  documents: ReadonlyArray<ReadonlyArray<string>>,
  words: (text: string) => readonly string[] = tokenize
): Vocabulary {
  const df = new Map<string, number>();
  const surfaces = new Map<string, string>();
  for (const texts of documents) {
    const seen = new Set<string>();
    for (const text of texts) {
      for (const word of words(text)) {
        if (isStopword(word)) continue;
        const key = stemKey(word);
        surfaces.set(word, key);
        seen.add(key);
      }
    }
    for (const key of seen) df.set(key, (df.get(key) ?? 0) + 1);
  }
  const byInitial = new Map<string, string[]>();
  for (const word of surfaces.keys()) {
    if (word.length < 4 || /\d/.test(word)) continue;
    const initial = word[0] ?? '';
    const list = byInitial.get(initial) ?? [];
    list.push(word);
    byInitial.set(initial, list);
  }
  return { df, surfaces, byInitial, docCount: documents.length };
}

const generalKeys = new Set([...GENERAL_WORDS].map(stemKey));

/** True for the key of an everyday word (GENERAL_WORDS), whose weight the matcher caps. */
export function isGeneralKey(key: string): boolean {
  return generalKeys.has(key);
}

/** Inverse document frequency of a key; a key the content lacks weighs like one seen once. */
export function idf(vocab: Vocabulary, key: string): number {
  const df = vocab.df.get(key) ?? 1;
  return Math.log(1 + vocab.docCount / (df + 0.5));
}

/** Result of resolving one typed word: content keys, [] for a stopword, null when unknown. */
export type Resolved = string[] | null;

export type Resolver = {
  resolve(word: string): Resolved;
  /** True when `word` was resolved only through a close spelling (less certain). */
  isFuzzy(word: string): boolean;
  /** Content keys of a text (deduplicated, in order) and the words that matched nothing. */
  keysOf(words: readonly string[]): { keys: string[]; unknown: string[] };
};

const CACHE_LIMIT = 20_000;

/** A resolver over `vocab`, with a bounded cache (the same words come back all day). */
export function createResolver(vocab: Vocabulary): Resolver {
  const cache = new Map<string, Resolved>();
  const fuzzyWords = new Set<string>();

  const known = (word: string): Resolved => {
    if (isStopword(word)) return [];
    const key = stemKey(word);
    return vocab.df.has(key) ? [key] : null;
  };

  // A variant may itself be slang or a synonym: "ngontrol" -> "kontrol" -> "kendali".
  const knownMapped = (word: string): Resolved => {
    const parts = mapWord(word).map(known);
    return parts.some(p => p === null) ? null : parts.flatMap(p => p ?? []);
  };

  const exactOrColloquial = (word: string): Resolved => {
    const direct = known(word);
    if (direct !== null) return direct;
    for (const v of colloquialVariants(word)) {
      const hit = knownMapped(v);
      if (hit !== null) return hit;
    }
    return null;
  };

  const split = (word: string): Resolved => {
    if (word.length < 5 || /\d/.test(word)) return null;
    let best: string[] | null = null;
    let bestMin = 0;
    for (let i = 2; i <= word.length - 2; i++) {
      const left = mapWord(word.slice(0, i));
      const right = mapWord(word.slice(i));
      const parts = [...left, ...right];
      const resolved = parts.map(p => known(p));
      if (resolved.some(r => r === null)) continue;
      const shortest = Math.min(i, word.length - i);
      if (shortest > bestMin) {
        bestMin = shortest;
        best = resolved.flatMap(r => r ?? []);
      }
    }
    return best !== null && bestMin >= 2 ? best : null;
  };

  const fuzzy = (word: string): Resolved => {
    if (word.length < 5 || /\d/.test(word)) return null;
    const maxD = word.length >= 8 ? 2 : 1;
    let bestWord: string | null = null;
    let bestD = maxD + 1;
    let bestDf = 0;
    for (const cand of vocab.byInitial.get(word[0] ?? '') ?? []) {
      if (Math.abs(cand.length - word.length) > maxD) continue;
      const d = distance(word, cand);
      if (d > maxD) continue;
      const key = vocab.surfaces.get(cand) ?? cand;
      const candDf = vocab.df.get(key) ?? 0;
      if (d < bestD || (d === bestD && candDf > bestDf)) {
        bestWord = cand;
        bestD = d;
        bestDf = candDf;
      }
    }
    if (bestWord === null) return null;
    return [vocab.surfaces.get(bestWord) ?? stemKey(bestWord)];
  };

  const resolve = (word: string): Resolved => {
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    if (cache.size >= CACHE_LIMIT) {
      cache.clear();
      fuzzyWords.clear();
    }
    let result = exactOrColloquial(word) ?? split(word);
    if (result === null) {
      result = fuzzy(word);
      if (result !== null) fuzzyWords.add(word);
    }
    cache.set(word, result);
    return result;
  };

  const keysOf = (words: readonly string[]): { keys: string[]; unknown: string[] } => {
    const keys: string[] = [];
    const unknown: string[] = [];
    const seen = new Set<string>();
    for (const w of words) {
      const r = resolve(w);
      if (r === null) {
        if (!seen.has(`?${w}`)) unknown.push(w);
        seen.add(`?${w}`);
        continue;
      }
      for (const k of r) {
        if (!seen.has(k)) keys.push(k);
        seen.add(k);
      }
    }
    return { keys, unknown };
  };

  const isFuzzy = (word: string): boolean => {
    resolve(word);
    return fuzzyWords.has(word);
  };

  return { resolve, isFuzzy, keysOf };
}
