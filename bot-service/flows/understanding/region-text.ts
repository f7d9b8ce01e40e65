/**
 * Typed place names -> one of the 38 kabupaten/kota, or the two twins sharing a short name.
 *
 * Accepts official names, the CSV aliases, a few extra abbreviations, typos (Levenshtein 1, or
 * 2 for names of 8+ letters, and cut-off names of 5+ letters), and text around the name
 * ("saya di gresik", "radar surabaya"). "kab"/"kota" next to a shared name picks the twin.
 */
import { distance } from 'fastest-levenshtein';
import { COMMON_WORDS, lookup, SLANG, STOPWORDS_EN, STOPWORDS_ID } from './lexicon.ts';
import { foldText } from './normalize.ts';
import type { Region } from './reference-data.ts';

export type RegionTextResult =
  | { kind: 'match'; code: string; score: number }
  | { kind: 'ambiguous'; codes: [string, string] }
  | { kind: 'none' };

/** Abbreviations people use that the CSV leaves out because they are shared (kept as ambiguous). */
export const SHARED_ABBREVIATIONS: Readonly<Record<string, string>> = {
  mlg: 'malang',
  kdr: 'kediri',
  mjk: 'mojokerto',
};

const KAB_MARKERS: ReadonlySet<string> = new Set(['kab', 'kabupaten', 'kabupatn', 'kabupatem', 'pemkab', 'regency']);
const KOTA_MARKERS: ReadonlySet<string> = new Set(['kota', 'kodya', 'kotamadya', 'pemkot', 'city']);

/** What a phrase names: one region, or a kabupaten/kota pair. */
type Target = { code: string } | { pair: [string, string] };

export type RegionTextIndex = {
  /** folded phrase -> target */
  phrases: Map<string, Target>;
  /** single-word names allowed to match with typos */
  fuzzyNames: Array<{ name: string; target: Target }>;
  maxPhraseWords: number;
  byCode: Map<string, Region>;
};

function fold(text: string): string {
  return foldText(text);
}

/** Precomputes the phrase table for `regions`. */
export function createRegionTextIndex(regions: readonly Region[]): RegionTextIndex {
  const phrases = new Map<string, Target>();
  const byCode = new Map(regions.map(r => [r.code, r]));
  const pairOf = (r: Region): [string, string] => {
    const twin = byCode.get(r.ambiguousWith ?? '');
    if (!twin) throw new Error(`region ${r.code}: twin ${r.ambiguousWith} missing`);
    return r.type === 'kabupaten' ? [r.code, twin.code] : [twin.code, r.code];
  };
  for (const r of regions) {
    const own: Target = { code: r.code };
    for (const alias of [r.name, ...r.aliases]) phrases.set(fold(alias), own);
    phrases.set(fold(r.code), own);
    phrases.set(r.bpsCode, own);
    const short = fold(r.shortName);
    if (r.ambiguousWith !== null) phrases.set(short, { pair: pairOf(r) });
    else if (!phrases.has(short)) phrases.set(short, own);
  }
  for (const [abbr, short] of Object.entries(SHARED_ABBREVIATIONS)) {
    const target = phrases.get(short);
    if (target && 'pair' in target) phrases.set(abbr, target);
  }
  const fuzzyNames: RegionTextIndex['fuzzyNames'] = [];
  for (const [name, target] of phrases) {
    // Typos are forgiven on real names only, not on 3-letter abbreviations.
    if (name.length >= 5 && !/\d/.test(name)) fuzzyNames.push({ name: name.replace(/ /g, ''), target });
  }
  const maxPhraseWords = Math.max(...[...phrases.keys()].map(p => p.split(' ').length));
  return { phrases, fuzzyNames, maxPhraseWords, byCode };
}

function allowedDistance(name: string): number {
  return name.length >= 8 ? 2 : 1;
}

function isEverydayWord(word: string): boolean {
  return COMMON_WORDS.has(word) || STOPWORDS_ID.has(word) || STOPWORDS_EN.has(word) || lookup(SLANG, word) !== undefined;
}

type Hit = { target: Target; score: number; start: number; end: number };

function fuzzyHit(index: RegionTextIndex, word: string): { target: Target; score: number } | null {
  if (word.length < 5 || /\d/.test(word) || isEverydayWord(word)) return null;
  let best: { target: Target; score: number } | null = null;
  for (const { name, target } of index.fuzzyNames) {
    // Typos rarely hit the first letter; requiring it keeps "member" away from "jember".
    if (name[0] !== word[0]) continue;
    let score = 0;
    const d = Math.abs(name.length - word.length) <= 2 ? distance(word, name) : 99;
    if (d <= allowedDistance(name)) score = 1 - 0.08 * d;
    // A name cut off while typing: "sidoarj", "banyuwan".
    else if (name.startsWith(word) && word.length >= Math.max(5, 0.7 * name.length)) score = 0.85;
    if (score > 0 && (best === null || score > best.score)) best = { target, score };
  }
  return best;
}

/** Finds a region named in `text`, using a precomputed index. */
export function resolveRegionWithIndex(index: RegionTextIndex, text: string): RegionTextResult {
  const words = fold(text).split(' ').filter(w => w !== '');
  if (words.length === 0) return { kind: 'none' };
  // "35.78" or "3578" typed or sent as a list-row id.
  const code = /\b(\d{2})\.?(\d{2})\b/.exec(text);
  if (code) {
    const hit = index.byCode.get(`${code[1]}.${code[2]}`);
    if (hit) return { kind: 'match', code: hit.code, score: 1 };
  }
  const hits: Hit[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(index.maxPhraseWords, words.length - i); n >= 1; n--) {
      const target = index.phrases.get(words.slice(i, i + n).join(' '));
      if (target) {
        hits.push({ target, score: 1, start: i, end: i + n });
        break;
      }
    }
  }
  if (hits.length === 0) {
    for (let i = 0; i < words.length; i++) {
      const word = words[i] ?? '';
      const hit = fuzzyHit(index, word);
      if (hit) hits.push({ ...hit, start: i, end: i + 1 });
      // Two words run together or split: "tulung agung" typed "tulungagun".
      const next = words[i + 1];
      if (!hit && next !== undefined && !isEverydayWord(word) && !isEverydayWord(next)) {
        const joined = fuzzyHit(index, word + next);
        if (joined) hits.push({ ...joined, start: i, end: i + 2 });
      }
    }
  }
  if (hits.length === 0) return { kind: 'none' };
  // Longest-covering, highest-scoring, earliest mention wins.
  hits.sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const top = hits[0] as Hit;
  if ('code' in top.target) return { kind: 'match', code: top.target.code, score: top.score };
  const before = words[top.start - 1] ?? '';
  const after = words[top.end] ?? '';
  const [kab, kota] = top.target.pair;
  if (KAB_MARKERS.has(before) || KAB_MARKERS.has(after)) return { kind: 'match', code: kab, score: top.score };
  if (KOTA_MARKERS.has(before) || KOTA_MARKERS.has(after)) return { kind: 'match', code: kota, score: top.score };
  return { kind: 'ambiguous', codes: [kab, kota] };
}
