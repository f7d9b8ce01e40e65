/**
 * Normalisation of Indonesian (and Javanese, and English) as people type it on WhatsApp.
 *
 * `tokenize` lower-cases, strips accents, emoji and punctuation, undoes "anak2"/"anak-anak"
 * reduplication, collapses stretched letters ("tolonggg"), and maps slang, abbreviations and
 * Javanese words to standard Indonesian using the tables in `lexicon.ts`.
 * `stemKey` is a light Indonesian stemmer; `colloquialVariants` proposes the standard forms of
 * colloquial morphology ("nyuci", "nularin", "obate") for a vocabulary-aware resolver.
 */
import { PROTECTED_ROOTS, SLANG, STOPWORDS_EN, STOPWORDS_ID, SYNONYMS, toWordMap } from './lexicon.ts';

const SLANG_MAP = toWordMap(SLANG);
const SYNONYM_MAP = toWordMap(SYNONYMS);

/** Compound spellings joined before splitting, so "covid-19" is one word; each runs only when
 * the text holds its trigger character. */
const JOINS: ReadonlyArray<[string, RegExp, string]> = [
  // Hyphenated affixes: "meng-covid-kan", "di-covid-kan".
  ['-', /\b(di|meng|men|mem|me|ter|ber|ke|peng|pen|pem|pe|se)-(\p{L}+)(?:-(kan|an|i|nya))?\b/gu, '$1$2$3'],
  // Money: "Rp600.000", "600 ribu", "600rb", "150 rb" -> "600rb".
  ['rp', /\brp\.?\s*(?=\d)/g, ''],
  ['000', /\b(\d+)\.000\b(?!\.)/g, '$1rb'],
  ['r', /\b(\d+)\s*(?:ribu|rb)\b/g, '$1rb'],
  ['k', /\b(\d+)k\b/g, '$1rb'],
  ['j', /\b(\d+)\s*(?:juta|jt)\b/g, '$1jt'],
  ['19', /\bcovid[\s_-]*19\b/g, 'covid19'],
  ['cov', /\bsars[\s_-]*cov[\s_-]*2\b/g, 'sarscov2'],
  ['ktp', /\be[\s_-]+ktp\b/g, 'ektp'],
  ['gun', /\bthermo[\s_-]+gun\b/g, 'thermo gun'],
];

/**
 * Lower case, no accents, no emoji or punctuation, one space between words.
 *
 * Keeps letters and digits only; "paru2" -> "paru", "tolonggg" -> "tolong".
 */
export function foldText(text: string): string {
  let s = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  for (const [trigger, re, to] of JOINS) if (s.includes(trigger)) s = s.replace(re, to);
  // Indonesian reduplication written with a 2: "anak2" means "anak-anak".
  if (s.includes('2')) s = s.replace(/([a-z]{3,})2(?![0-9])/g, '$1');
  s = s
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    // Stretched letters: "tolonggg", "pliiis".
    .replace(/([a-z])\1{2,}/g, '$1')
    .trim();
  return s;
}

/** Map one folded word through the slang and synonym tables (may yield several words). */
export function mapWord(word: string): readonly string[] {
  const words = SLANG_MAP.get(word) ?? [word];
  if (words.length === 1) return SYNONYM_MAP.get(words[0] as string) ?? words;
  return words.flatMap(w => SYNONYM_MAP.get(w) ?? [w]);
}

/**
 * Words of a message, normalised: folded, slang/Javanese mapped, repeated words dropped.
 */
export function tokenize(text: string): string[] {
  const folded = foldText(text);
  if (folded === '') return [];
  const out: string[] = [];
  for (const raw of folded.split(' ')) {
    for (const w of mapWord(raw)) {
      // "anak anak", "sering sering": reduplication counts once.
      if (out[out.length - 1] !== w) out.push(w);
    }
  }
  return out;
}

/** The normalised text: `tokenize(text).join(' ')`. */
export function normalizeText(text: string): string {
  return tokenize(text).join(' ');
}

/** True for words that carry no topic in Indonesian, Javanese or English. */
export function isStopword(word: string): boolean {
  return STOPWORDS_ID.has(word) || STOPWORDS_EN.has(word);
}

const VOWEL = /^[aiueo]/;
const PREFIX = /^(di|ke|ter|ber|per|meng|meny|men|mem|me|peng|peny|pen|pem|pe)/;

function dropSuffix(word: string, suffixes: readonly string[], minRest = 4): string {
  for (const s of suffixes) {
    if (word.endsWith(s) && word.length - s.length >= minRest) return word.slice(0, -s.length);
  }
  return word;
}

/** One round of prefix removal with the nasal rules of meN-/peN-; the first item is the default. */
export function prefixVariants(word: string): string[] {
  const w = word;
  const rest = (n: number): string => w.slice(n);
  if (w.length < 6) return [];
  if (w.startsWith('meny') || w.startsWith('peny')) return VOWEL.test(rest(4)) ? ['s' + rest(4), 'c' + rest(4)] : [];
  if (w.startsWith('meng') || w.startsWith('peng')) {
    const r = rest(4);
    if (r.startsWith('e') && r.length <= 5) return [r.slice(1), 'k' + r, r];
    return VOWEL.test(r) ? ['k' + r, r] : [r];
  }
  if (w.startsWith('mem') || w.startsWith('pem')) {
    const r = rest(3);
    // "pemakaman" is pe- + "makam"; "memakai" is me- + "pakai".
    return VOWEL.test(r) ? ['p' + r, r, 'm' + r] : [r];
  }
  if (w.startsWith('men') || w.startsWith('pen')) {
    const r = rest(3);
    return VOWEL.test(r) ? ['t' + r, r] : [r];
  }
  if (w.startsWith('ber') || w.startsWith('ter') || w.startsWith('per')) {
    const r = rest(3);
    // "perawat" is pe- + "rawat"; "berobat" is ber- + "obat".
    if (VOWEL.test(r)) return w.startsWith('per') ? ['r' + r, r] : [r, 'r' + r];
    return [r];
  }
  if (/^(me|pe)[lrwy]/.test(w)) return [rest(2)];
  if (w.startsWith('be') && /^k/.test(rest(2))) return [rest(2)];
  if (w.startsWith('di') || w.startsWith('ke')) return [rest(2)];
  return [];
}

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

/**
 * A light Indonesian stemmer: particles, possessives, one derivational suffix, up to two prefixes.
 *
 * Roots listed in PROTECTED_ROOTS are kept whole wherever they appear ("memakai" -> "pakai",
 * never "paka"). Words of 4 letters or fewer and words with digits are returned unchanged.
 * Results are cached (bounded).
 */
export function stemKey(word: string): string {
  if (word.length <= 4) return word;
  let key = stemCache.get(word);
  if (key === undefined) {
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    key = computeStemKey(word);
    stemCache.set(word, key);
  }
  return key;
}

function computeStemKey(word: string): string {
  if (/\d/.test(word) || PROTECTED_ROOTS.has(word)) return word;
  let w = dropSuffix(word, ['lah', 'kah', 'tah', 'pun'], 3);
  w = dropSuffix(w, ['nya', 'ku', 'mu'], 3);
  if (PROTECTED_ROOTS.has(w)) return w;
  const unsuffixed = w;
  let suffixed = dropSuffix(w, ['kan', 'an', 'i']);
  // Keep the suffix when the root left would be tiny: "dicuci" is "cuci", not "cuc".
  if (suffixed !== w && suffixed.replace(PREFIX, '').length < 4) suffixed = w;
  // A protected root reachable by removing prefixes (with or without the suffix) wins.
  for (const base of [unsuffixed, suffixed]) {
    let forms = [base];
    for (let round = 0; round < 2; round++) {
      const next: string[] = [];
      for (const f of forms) {
        for (const v of prefixVariants(f)) {
          if (PROTECTED_ROOTS.has(v)) return v;
          next.push(v);
        }
      }
      if (next.length === 0) break;
      forms = next;
    }
  }
  let result = suffixed;
  for (let round = 0; round < 2; round++) {
    const v = prefixVariants(result)[0];
    if (v === undefined || v.length < 3) break;
    result = v;
  }
  return result.length >= 3 ? result : word;
}

/**
 * Standard forms that a colloquial word may stand for, most likely first.
 *
 * "nyuci" -> "cuci"/"suci", "nularin" -> "nularkan"/"nulari"/"nular", "obate" -> "obat",
 * "nahan" -> "tahan". The caller keeps the first one its vocabulary knows.
 */
export function colloquialVariants(word: string): string[] {
  const out: string[] = [];
  const add = (w: string): void => {
    if (w.length >= 3 && w !== word && !out.includes(w)) out.push(w);
  };
  const bases = [word];
  // Jakarta -in for -kan/-i; Javanese -e/-ne for -nya, -ke for -kan.
  if (word.endsWith('in') && word.length > 5) bases.push(word.slice(0, -2) + 'kan', word.slice(0, -2) + 'i', word.slice(0, -2));
  if (word.endsWith('ne') && word.length > 5) bases.push(word.slice(0, -2));
  if (word.endsWith('e') && word.length > 4) bases.push(word.slice(0, -1));
  if (word.endsWith('ke') && word.length > 5) bases.push(word.slice(0, -2) + 'kan');
  for (const b of bases) {
    add(b);
    if (b.startsWith('nge') && b.length > 5) add(b.slice(3));
    if (b.startsWith('ny') && VOWEL.test(b.slice(2))) {
      add('c' + b.slice(2));
      add('s' + b.slice(2));
    }
    if (b.startsWith('ng')) {
      const r = b.slice(2);
      if (VOWEL.test(r)) {
        add('k' + r);
        add(r);
      } else {
        add(r);
      }
    }
    if (/^n[aiueo]/.test(b) && b.length >= 5) add('t' + b.slice(1));
    if (/^m[aiueo]/.test(b) && b.length >= 5) add('p' + b.slice(1));
    if (b.startsWith('di') && b.length > 5) add(b.slice(2));
  }
  // English plurals: "masks", "hospitals", "babies".
  if (word.endsWith('ies') && word.length > 5) add(word.slice(0, -3) + 'y');
  else if (word.endsWith('s') && !word.endsWith('ss') && word.length > 4) add(word.slice(0, -1));
  return out;
}
