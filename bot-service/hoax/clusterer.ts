/**
 * Placing a claim in a cluster of near-duplicates, incrementally.
 *
 * A claim's text is normalised (normalize.ts). An exact copy of a text seen before (most
 * forwards) is placed by one lookup in `hoax_texts`. Any other text is signed with MinHash and
 * looked up by its LSH bands in `hoax_lsh_buckets`: only signatures sharing a band are read and
 * verified (estimated Jaccard, or containment for a copy cut off), so placing a claim costs about
 * the same with a million stored as with a hundred. A file is placed by its sha256 first; a claim that matches
 * nothing stored but matches a known hoax joins that hoax's cluster; otherwise it starts one.
 * Near-copies of a stored signature add no signature of their own, so a rumour forwarded a
 * hundred thousand times keeps a handful of signatures.
 *
 * Runs inside the caller's transaction.
 */
import type { Db } from '../db/open.ts';
import { blobToSignature, createMinHasher, estimateContainment, estimateJaccard, signatureToBlob, type MinHasher, type Signature } from './minhash.ts';
import { clusterText } from './normalize.ts';
import { DEFAULT_CLUSTER_PARAMETERS, type ClusterParameters } from './params.ts';

export type ClaimVia = 'forwarded' | 'cek-hoaks' | 'matched';

export type ClaimInput = {
  inboundId: number | null;
  contactId: number;
  conversationId: number | null;
  regionCode: string | null;
  via: ClaimVia;
  forwarded: 0 | 1 | 2;
  text: string | null;
  media: { kind: string; sha256: string } | null;
  /** The known hoax (hoaxes.id) the text matched, if any. */
  matchedHoaxId: string | null;
  /** Epoch ms. */
  at: number;
};

export type Placement = {
  claimId: number;
  clusterId: number;
  /** How it was placed: same file, similar text, the known hoax it matched, or a new cluster. */
  by: 'media' | 'text' | 'known-hoax' | 'new';
  /** Estimated Jaccard with the signature it joined (text placements). */
  similarity: number | null;
  newSender: boolean;
  /** True when the claim's signature was stored (it widened its cluster). */
  signed: boolean;
};

type Candidate = { signatureId: number; clusterId: number; similarity: number };

/** Bucket of a short text: only an identical text shares it. */
const EXACT_BAND = 0xffff;

function fnv(text: string, basis = 0x811c9dc5): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 53-bit key of a normalised text (two FNV-1a passes): the hoax_texts primary key. */
export function textKey(words: string): number {
  return (fnv(words) & 0x1fffff) * 0x1_0000_0000 + fnv(words, 0x050c5d1f);
}

/** Raw texts normalised lately: forwards repeat the same text many times. */
const WORDS_CACHE_LIMIT = 20_000;

function prepareStatements(db: Db, bands: number) {
  return {
    // One statement for all bands: a single call costs a fraction of one per band.
    buckets: db.prepare(`SELECT signature_id FROM hoax_lsh_buckets WHERE bucket IN (${Array(bands).fill('?').join(', ')}) LIMIT ?`).pluck(),
    exactBucket: db.prepare('SELECT signature_id FROM hoax_lsh_buckets WHERE bucket = ? LIMIT ?').pluck(),
    signature: db.prepare('SELECT cluster_id, shingles, signature FROM hoax_signatures WHERE id = ?'),
    media: db.prepare('SELECT cluster_id FROM hoax_media WHERE sha256 = ?').pluck(),
    byHoax: db
      .prepare(
        `SELECT id FROM hoax_clusters WHERE (matched_hoax_id = $hoax OR published_hoax_id = $hoax) AND merged_into IS NULL
         ORDER BY claims DESC, id LIMIT 1`
      )
      .pluck(),
    newCluster: db.prepare(
      'INSERT INTO hoax_clusters (created_at, first_seen, last_seen, matched_hoax_id, updated_at) VALUES ($at, $at, $at, $hoax, $at)'
    ),
    sender: db.prepare('SELECT 1 FROM hoax_claims WHERE contact_id = ? AND cluster_id = ? LIMIT 1').pluck(),
    claim: db.prepare(
      `INSERT INTO hoax_claims (inbound_id, contact_id, conversation_id, cluster_id, region_code, via, forwarded, text, media_kind,
         media_sha256, matched_hoax_id, similarity, at)
       VALUES ($inboundId, $contactId, $conversationId, $clusterId, $regionCode, $via, $forwarded, $text, $mediaKind, $sha256,
         $matchedHoaxId, $similarity, $at)`
    ),
    counters: db.prepare(
      `UPDATE hoax_clusters SET claims = claims + 1, senders = senders + $newSender, forwarded = forwarded + $fwd,
         frequently_forwarded = frequently_forwarded + $frequent, media = media + $media,
         first_seen = MIN(first_seen, $at), last_seen = MAX(last_seen, $at),
         matched_hoax_id = COALESCE(matched_hoax_id, $hoax), updated_at = MAX(updated_at, $at)
       WHERE id = $id`
    ),
    region: db.prepare(
      `INSERT INTO hoax_cluster_regions (cluster_id, region_code, senders) VALUES (?, ?, 1)
       ON CONFLICT (cluster_id, region_code) DO UPDATE SET senders = senders + 1`
    ),
    addSignature: db.prepare('INSERT INTO hoax_signatures (cluster_id, claim_id, shingles, signature) VALUES (?, ?, ?, ?)'),
    addBucket: db.prepare('INSERT OR IGNORE INTO hoax_lsh_buckets (bucket, signature_id) VALUES (?, ?)'),
    addMedia: db.prepare('INSERT OR IGNORE INTO hoax_media (sha256, cluster_id) VALUES (?, ?)'),
    text: db.prepare('SELECT cluster_id, similarity FROM hoax_texts WHERE hash = ?'),
    addText: db.prepare('INSERT OR IGNORE INTO hoax_texts (hash, cluster_id, similarity) VALUES (?, ?, ?)'),
  };
}

export class Clusterer {
  readonly params: Readonly<ClusterParameters>;
  readonly hasher: MinHasher;
  private readonly s: ReturnType<typeof prepareStatements>;
  private readonly wordsCache = new Map<string, string>();

  constructor(db: Db, params: Partial<ClusterParameters> = {}) {
    this.params = Object.freeze({ ...DEFAULT_CLUSTER_PARAMETERS, ...params });
    const p = this.params;
    this.hasher = createMinHasher({ shingle: p.shingle, bands: p.bands, rows: p.rows, seed: p.seed });
    this.s = prepareStatements(db, this.params.bands);
  }

  /** The normalised text (cached), or null when nothing of it is left to compare. */
  wordsOf(text: string | null): string | null {
    if (text === null) return null;
    let words = this.wordsCache.get(text);
    if (words === undefined) {
      if (this.wordsCache.size >= WORDS_CACHE_LIMIT) this.wordsCache.clear();
      words = clusterText(text);
      this.wordsCache.set(text, words);
    }
    return words === '' ? null : words;
  }

  /** The normalised text's signature, or null when nothing of it is left to compare. */
  sign(text: string | null): { words: string; signature: Signature } | null {
    const words = this.wordsOf(text);
    return words === null ? null : { words, signature: this.hasher.sign(words) };
  }

  /** The buckets a signature is filed under (one exact bucket for a short text). */
  bucketsFor(signed: { words: string; signature: Signature }): number[] {
    if (signed.signature.shingles < this.params.minShingles) return [EXACT_BAND * 0x1_0000_0000 + fnv(signed.words)];
    return this.hasher.bucketsOf(signed.signature.mins);
  }

  /** The most similar stored signature that passes verification, or null. */
  findBest(signed: { words: string; signature: Signature }): Candidate | null {
    const p = this.params;
    const short = signed.signature.shingles < p.minShingles;
    const buckets = this.bucketsFor(signed);
    const ids = (short ? this.s.exactBucket.all(buckets[0], p.bucketLimit) : this.s.buckets.all(...buckets, p.bucketLimit * p.bands)) as number[];
    if (ids.length === 0) return null;
    const collisions = new Map<number, number>();
    for (const id of ids) collisions.set(id, (collisions.get(id) ?? 0) + 1);
    const ordered = [...collisions].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, p.maxCandidates);
    let best: Candidate | null = null;
    for (const [signatureId] of ordered) {
      const row = this.s.signature.get(signatureId) as { cluster_id: number; shingles: number; signature: Buffer } | undefined;
      if (row === undefined) continue;
      const j = estimateJaccard(signed.signature.mins, blobToSignature(row.signature));
      const ok = short
        ? j === 1
        : j >= p.joinJaccard ||
          (Math.min(row.shingles, signed.signature.shingles) >= p.minContainShingles &&
            estimateContainment(j, row.shingles, signed.signature.shingles) >= p.joinContainment);
      if (ok && (best === null || j > best.similarity)) best = { signatureId, clusterId: row.cluster_id, similarity: j };
    }
    return best;
  }

  /** Stores one claim in its cluster (creating the cluster if needed) and updates the counters. */
  place(input: ClaimInput): Placement {
    const p = this.params;
    let clusterId: number | null = null;
    let by: Placement['by'] = 'new';
    let similarity: number | null = null;
    if (input.media !== null) {
      const known = this.s.media.get(input.media.sha256) as number | undefined;
      if (known !== undefined) {
        clusterId = known;
        by = 'media';
      }
    }
    const words = this.wordsOf(input.text);
    const key = words === null ? null : textKey(words);
    // An exact copy of a text seen before: one lookup, nothing to sign.
    const seen = key === null ? undefined : (this.s.text.get(key) as { cluster_id: number; similarity: number | null } | undefined);
    let signed: { words: string; signature: Signature } | null = null;
    if (seen !== undefined) {
      if (clusterId === null) {
        clusterId = seen.cluster_id;
        by = 'text';
      }
      similarity = seen.cluster_id === clusterId ? (seen.similarity ?? 1) : null;
    } else if (words !== null) {
      signed = { words, signature: this.hasher.sign(words) };
      const best = this.findBest(signed);
      if (clusterId === null && best !== null) {
        clusterId = best.clusterId;
        by = 'text';
      }
      similarity = best !== null && best.clusterId === clusterId ? best.similarity : null;
    }
    if (clusterId === null && input.matchedHoaxId !== null) {
      const cluster = this.s.byHoax.get({ hoax: input.matchedHoaxId }) as number | undefined;
      if (cluster !== undefined) {
        clusterId = cluster;
        by = 'known-hoax';
      }
    }
    if (clusterId === null) {
      clusterId = Number(this.s.newCluster.run({ at: input.at, hoax: input.matchedHoaxId }).lastInsertRowid);
    }
    const newSender = this.s.sender.get(input.contactId, clusterId) === undefined;
    const claimId = Number(
      this.s.claim.run({
        inboundId: input.inboundId,
        contactId: input.contactId,
        conversationId: input.conversationId,
        clusterId,
        regionCode: input.regionCode,
        via: input.via,
        forwarded: input.forwarded,
        text: input.text,
        mediaKind: input.media?.kind ?? null,
        sha256: input.media?.sha256 ?? null,
        matchedHoaxId: input.matchedHoaxId,
        similarity,
        at: input.at,
      }).lastInsertRowid
    );
    this.s.counters.run({
      id: clusterId,
      newSender: newSender ? 1 : 0,
      fwd: input.forwarded > 0 ? 1 : 0,
      frequent: input.forwarded === 2 ? 1 : 0,
      media: input.media !== null ? 1 : 0,
      at: input.at,
      hoax: input.matchedHoaxId,
    });
    if (newSender) this.s.region.run(clusterId, input.regionCode ?? 'unknown');
    let stored = false;
    if (signed !== null && key !== null) {
      this.s.addText.run(key, clusterId, similarity);
      // A text unlike every signature of its cluster widens the cluster: later variants find it.
      if (similarity === null || similarity < p.novelBelow) {
        this.addSignature(clusterId, claimId, signed);
        stored = true;
      }
    }
    if (input.media !== null && by !== 'media') this.s.addMedia.run(input.media.sha256, clusterId);
    return { claimId, clusterId, by, similarity, newSender, signed: stored };
  }

  /** Files a signature under its buckets for a cluster. */
  addSignature(clusterId: number, claimId: number | null, signed: { words: string; signature: Signature }): number {
    const id = Number(
      this.s.addSignature.run(clusterId, claimId, signed.signature.shingles, signatureToBlob(signed.signature.mins)).lastInsertRowid
    );
    for (const bucket of this.bucketsFor(signed)) this.s.addBucket.run(bucket, id);
    return id;
  }
}

const clusterers = new WeakMap<Db, Clusterer>();

/** The service's clusterer for this database (statements prepared once). */
export function clustererFor(db: Db): Clusterer {
  let c = clusterers.get(db);
  if (c === undefined) {
    c = new Clusterer(db);
    clusterers.set(db, c);
  }
  return c;
}
