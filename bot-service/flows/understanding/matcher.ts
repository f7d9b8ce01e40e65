/**
 * Matching free text against the known hoaxes (first) and the FAQ.
 *
 * Built once from the content (tens of ms) and rebuilt by the engine when content changes.
 * Scores are IDF-weighted coverages in [0, 1]:
 * - FAQ: how much of the message the entry explains (question and keywords fully, answer text
 *   partly), nudged by how much of the entry's question or best keyword the message covers;
 * - hoax: how much of the message the claim explains, trusted only as far as claim-specific
 *   words and word pairs matched (so "corona menular lewat makanan?" is not a hoax about food),
 *   or how much of the claim the message contains (a forwarded copy, even mutated or cut off).
 * Below the threshold a result is returned with `confident: false` (the engine offers a volunteer).
 */
import { buildQuery } from './matcher-query.ts';
import type { Query, QueryWeights } from './matcher-query.ts';
import { tokenize } from './normalize.ts';
import { createResolver, createVocabulary, idf, isGeneralKey } from './text-index.ts';

export type FaqContent = {
  id: string;
  question: string;
  answer: string;
  keywords?: readonly string[];
  en?: { question?: string; answer?: string };
};

export type HoaxContent = { id: string; claim: string };

export type MatchKind = 'hoax' | 'faq';

export type MatchResult = { kind: MatchKind; id: string; score: number; confident: boolean };

/**
 * Scoring parameters, tuned on eval/data (tune split only). `createMatcher` takes overrides
 * (the evaluation uses them to explore; the service uses the defaults).
 */
export type MatcherParameters = {
  /** FAQ confidence threshold. */
  faqThreshold: number;
  /** Hoax confidence threshold. */
  hoaxThreshold: number;
  /** Credit for a word found only in an FAQ answer (1 = as in its question or keywords). */
  answerWeight: number;
  /** IDF above which a word is specific to few documents; only the excess counts as claim-specific. */
  specificIdf: number;
  /** Claim-specific weight a message needs before "the claim explains it" is fully trusted. */
  specificFull: number;
  /** Claim-specific weight of two neighbouring words found next to each other in the claim too. */
  bigramBonus: number;
  /** Share of a claim's weight that, once present in the message, makes it surely that claim. */
  containmentFull: number;
  /** Weight of a word the content does not know, as the IDF of a word in this many documents. */
  unknownDf: number;
  /** Credit for a word recognised only through a close spelling ("ramalan" ~ "ramadan"). */
  fuzzyCredit: number;
  /** Weight cap of everyday words (lexicon GENERAL_WORDS) in FAQ retrieval. */
  generalIdf: number;
  /** Weight cap of everyday words in claim matching. */
  hoaxGeneralIdf: number;
};

export const DEFAULT_PARAMETERS: Readonly<MatcherParameters> = Object.freeze({
  faqThreshold: 0.45,
  hoaxThreshold: 0.7,
  answerWeight: 0.5,
  specificIdf: 2,
  specificFull: 4,
  bigramBonus: 1,
  containmentFull: 0.7,
  unknownDf: 1,
  fuzzyCredit: 0.75,
  generalIdf: 1,
  hoaxGeneralIdf: 2,
});

export const DEFAULT_FAQ_THRESHOLD = DEFAULT_PARAMETERS.faqThreshold;
export const DEFAULT_HOAX_THRESHOLD = DEFAULT_PARAMETERS.hoaxThreshold;

export type MatcherOptions = {
  faq: readonly FaqContent[];
  hoaxes: readonly HoaxContent[];
  /** FAQ confidence threshold in [0, 1]. */
  threshold?: number;
  /** Hoax confidence threshold in [0, 1]. */
  hoaxThreshold?: number;
  /** Overrides of the scoring parameters (for evaluation). */
  parameters?: Partial<MatcherParameters>;
};

export type Matcher = {
  /** Known hoaxes first, then the FAQ; null when the text has nothing to match on. */
  match(text: string): MatchResult | null;
  /** Only the hoaxes (the "Cek hoaks" feature). */
  matchHoax(text: string): MatchResult | null;
  /** Only the FAQ. */
  matchFaq(text: string): MatchResult | null;
  /** The best candidates of each kind with their scores, for logs and tuning. */
  rank(text: string, limit?: number): MatchResult[];
};

/** key -> indices of the documents holding it. */
type Postings = Map<string, number[]>;

function post(index: Postings, key: string, doc: number): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [doc]);
  else if (list[list.length - 1] !== doc) list.push(doc);
}

/** `tokenize` with a memo, for building (the same texts are read several times). */
function memoTokenize(): (text: string) => readonly string[] {
  const memo = new Map<string, readonly string[]>();
  return text => {
    let words = memo.get(text);
    if (words === undefined) {
      words = tokenize(text);
      memo.set(text, words);
    }
    return words;
  };
}

/** Builds the matcher's index from FAQ entries and hoax claims. */
export function createMatcher(options: MatcherOptions): Matcher {
  const p: MatcherParameters = { ...DEFAULT_PARAMETERS, ...options.parameters };
  const faqThreshold = options.threshold ?? p.faqThreshold;
  const hoaxThreshold = options.hoaxThreshold ?? p.hoaxThreshold;
  const faqs = options.faq;
  const hoaxes = options.hoaxes;

  const words = memoTokenize();
  const vocab = createVocabulary(
    [
      ...faqs.map(f => [f.question, f.en?.question ?? '', ...(f.keywords ?? []), f.answer, f.en?.answer ?? '']),
      ...hoaxes.map(h => [h.claim]),
    ],
    words
  );
  const resolver = createResolver(vocab);
  const keysOfText = (text: string): string[] => resolver.keysOf(words(text)).keys;
  // Weights per key, for FAQ retrieval and for claim matching (everyday words capped differently).
  const faqWeightOf = new Map<string, number>();
  const hoaxWeightOf = new Map<string, number>();
  const capped = (k: string, cap: number): number => (isGeneralKey(k) ? Math.min(cap, idf(vocab, k)) : idf(vocab, k));
  for (const key of vocab.df.keys()) {
    faqWeightOf.set(key, capped(key, p.generalIdf));
    hoaxWeightOf.set(key, capped(key, p.hoaxGeneralIdf));
  }
  const wf = (k: string): number => faqWeightOf.get(k) ?? capped(k, p.generalIdf);
  const w = (k: string): number => hoaxWeightOf.get(k) ?? capped(k, p.hoaxGeneralIdf);
  const weights: QueryWeights = {
    weight: wf,
    hoaxWeight: w,
    unknown: Math.log(1 + vocab.docCount / (p.unknownDf + 0.5)),
    fuzzyCredit: p.fuzzyCredit,
  };

  // FAQ: title (question + keywords) and answer postings; phrases that describe an entry.
  const faqTitle: Postings = new Map();
  const faqAnswer: Postings = new Map();
  const phraseOf: Postings = new Map();
  const phraseDoc: number[] = [];
  const phraseTotal: number[] = [];
  faqs.forEach((f, d) => {
    const phrases = [f.question, f.en?.question ?? '', ...(f.keywords ?? [])].map(t => keysOfText(t));
    for (const phrase of phrases) {
      for (const k of phrase) post(faqTitle, k, d);
      if (phrase.length === 0) continue;
      const id = phraseDoc.length;
      phraseDoc.push(d);
      phraseTotal.push(phrase.reduce((sum, k) => sum + wf(k), 0));
      for (const k of new Set(phrase)) post(phraseOf, k, id);
    }
    for (const t of [f.answer, f.en?.answer ?? '']) for (const k of keysOfText(t)) post(faqAnswer, k, d);
  });

  // Hoaxes: claim postings, claim weights, neighbouring word pairs.
  const claimOf: Postings = new Map();
  const pairOf: Postings = new Map();
  const claimWeight: number[] = [];
  hoaxes.forEach((h, d) => {
    const keys = new Set(keysOfText(h.claim));
    let total = 0;
    for (const k of keys) {
      post(claimOf, k, d);
      total += w(k);
    }
    claimWeight.push(total);
    const sequence = buildQuery(resolver, weights, words(h.claim)).sequence;
    for (let i = 1; i < sequence.length; i++) {
      for (const a of sequence[i - 1] ?? []) for (const b of sequence[i] ?? []) post(pairOf, `${a} ${b}`, d);
    }
  });

  const scoreFaqs = (q: Query): Float64Array => {
    const explained = new Float64Array(faqs.length);
    const described = new Float64Array(faqs.length);
    if (q.total === 0) return explained;
    const seen = new Int32Array(faqs.length).fill(-1);
    q.concepts.forEach((c, ci) => {
      // Title first, so an entry holding the word in both gets the full credit once.
      for (const k of c.alts) {
        for (const d of faqTitle.get(k) ?? []) {
          if (seen[d] === ci) continue;
          seen[d] = ci;
          explained[d] = (explained[d] as number) + c.credit * c.weight;
        }
      }
      for (const k of c.alts) {
        for (const d of faqAnswer.get(k) ?? []) {
          if (seen[d] === ci) continue;
          seen[d] = ci;
          explained[d] = (explained[d] as number) + c.credit * p.answerWeight * c.weight;
        }
      }
    });
    const have = new Float64Array(phraseDoc.length);
    for (const k of q.keys) for (const id of phraseOf.get(k) ?? []) have[id] = (have[id] as number) + wf(k);
    have.forEach((h, id) => {
      const d = phraseDoc[id] as number;
      const total = phraseTotal[id] as number;
      if (h > 0 && total > 0) described[d] = Math.max(described[d] as number, h / total);
    });
    return explained.map((e, d) => (e / q.total) * (0.75 + 0.25 * (described[d] as number)));
  };

  const scoreHoaxes = (q: Query): Float64Array => {
    const n = hoaxes.length;
    const matched = new Float64Array(n);
    const specific = new Float64Array(n);
    const contained = new Float64Array(n);
    if (q.hoaxTotal === 0) return matched;
    const best = new Float64Array(n);
    const seen = new Int32Array(n).fill(-1);
    q.concepts.forEach((c, ci) => {
      for (const k of c.alts) {
        const weight = w(k);
        for (const d of claimOf.get(k) ?? []) {
          if (seen[d] !== ci) {
            seen[d] = ci;
            matched[d] = (matched[d] as number) + c.credit * c.hoaxWeight;
            best[d] = weight;
          } else {
            best[d] = Math.max(best[d] as number, weight);
          }
        }
      }
      for (const k of c.alts) {
        for (const d of claimOf.get(k) ?? []) {
          if (best[d] === -1) continue;
          specific[d] = (specific[d] as number) + Math.max(0, (best[d] as number) - p.specificIdf);
          best[d] = -1;
        }
      }
    });
    for (const k of q.keys) {
      for (const d of claimOf.get(k) ?? []) contained[d] = (contained[d] as number) + w(k);
    }
    // Neighbouring words that are neighbours in the claim too ("1 juni", "jam 2"), unless both
    // are everyday words.
    const pairs = new Set<string>();
    for (let i = 1; i < q.sequence.length; i++) {
      for (const a of q.sequence[i - 1] ?? []) {
        for (const b of q.sequence[i] ?? []) {
          if (Math.max(w(a), w(b)) > p.specificIdf) pairs.add(`${a} ${b}`);
        }
      }
    }
    for (const pair of pairs) {
      for (const d of pairOf.get(pair) ?? []) specific[d] = (specific[d] as number) + p.bigramBonus;
    }
    return matched.map((m, d) => {
      const explained = (m / q.hoaxTotal) * Math.min(1, (specific[d] as number) / p.specificFull);
      const copy = Math.min(1, (contained[d] as number) / (claimWeight[d] as number) / p.containmentFull);
      return Math.max(explained, copy);
    });
  };

  const top = (scores: Float64Array, ids: ReadonlyArray<{ id: string }>): { id: string; score: number } | null => {
    let bestDoc = -1;
    scores.forEach((s, d) => {
      if (s > 0 && (bestDoc === -1 || s > (scores[bestDoc] as number))) bestDoc = d;
    });
    return bestDoc === -1 ? null : { id: (ids[bestDoc] as { id: string }).id, score: scores[bestDoc] as number };
  };

  const result = (kind: MatchKind, hit: { id: string; score: number } | null, threshold: number): MatchResult | null =>
    hit === null ? null : { kind, id: hit.id, score: Math.round(hit.score * 1000) / 1000, confident: hit.score >= threshold };

  const query = (text: string): Query => buildQuery(resolver, weights, text);

  const matchHoax = (text: string): MatchResult | null => result('hoax', top(scoreHoaxes(query(text)), hoaxes), hoaxThreshold);

  const matchFaq = (text: string): MatchResult | null => result('faq', top(scoreFaqs(query(text)), faqs), faqThreshold);

  const match = (text: string): MatchResult | null => {
    const q = query(text);
    const hoax = result('hoax', top(scoreHoaxes(q), hoaxes), hoaxThreshold);
    if (hoax?.confident) return hoax;
    const faq = result('faq', top(scoreFaqs(q), faqs), faqThreshold);
    if (faq?.confident || hoax === null) return faq;
    if (faq === null) return hoax;
    // Neither is confident: report the nearer one relative to its own threshold.
    return hoax.score / hoaxThreshold > faq.score / faqThreshold ? hoax : faq;
  };

  const rank = (text: string, limit = 3): MatchResult[] => {
    const q = query(text);
    const pick = (kind: MatchKind, scores: Float64Array, ids: ReadonlyArray<{ id: string }>, t: number): MatchResult[] =>
      [...scores]
        .map((s, d) => ({ s, d }))
        .filter(x => x.s > 0)
        .sort((a, b) => b.s - a.s)
        .slice(0, limit)
        .map(x => ({ kind, id: (ids[x.d] as { id: string }).id, score: Math.round(x.s * 1000) / 1000, confident: x.s >= t }));
    return [...pick('hoax', scoreHoaxes(q), hoaxes, hoaxThreshold), ...pick('faq', scoreFaqs(q), faqs, faqThreshold)];
  };

  return { match, matchHoax, matchFaq, rank };
}
