/**
 * MinHash signatures over character shingles, and their LSH bands.
 *
 * Deterministic: the hash functions come from a fixed seed, so a signature stored today matches
 * one computed after a restart or on another machine. Pure JavaScript on 32-bit integers: one
 * FNV-1a pass and one murmur3 finaliser per shingle, then one multiply-add per shingle and hash
 * function (h_j(x) = a_j x + b_j mod 2^32, a_j odd: a permutation of the 32-bit values).
 */

export type MinHashOptions = {
  /** Characters per shingle. */
  shingle: number;
  /** LSH bands; the signature has bands * rows minimum hashes. */
  bands: number;
  rows: number;
  /** Seeds the hash functions. */
  seed: number;
};

export type Signature = {
  /** The minimum hash of each function. */
  mins: Uint32Array;
  /** Distinct shingles of the text (0 for an empty text). */
  shingles: number;
};

/** murmur3's 32-bit finaliser: a cheap, well-mixed permutation of 32-bit integers. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Per-function constants derived from the seed (splitmix-like); `odd` forces the low bit. */
function constants(count: number, seed: number, odd: boolean): Uint32Array {
  const out = new Uint32Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    out[i] = (mix32(state ^ mix32(i + 1)) | (odd ? 1 : 0)) >>> 0;
  }
  return out;
}

export type MinHasher = {
  readonly options: Readonly<MinHashOptions>;
  /** Signature length: bands * rows. */
  readonly size: number;
  sign(text: string): Signature;
  /** One bucket key per band: band * 2^32 + the band's hash (a safe integer). */
  bucketsOf(mins: Uint32Array): number[];
};

/** FNV-1a of `text[from, from + length)`. */
function fnv1a(text: string, from: number, length: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < from + length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createMinHasher(options: MinHashOptions): MinHasher {
  const size = options.bands * options.rows;
  const a = constants(size, options.seed, true);
  const b = constants(size, mix32(options.seed ^ 0x5bd1e995), false);
  const k = options.shingle;
  // Reused between calls: signing allocates only the result.
  let seen = new Set<number>();

  const sign = (text: string): Signature => {
    const mins = new Uint32Array(size).fill(0xffffffff);
    if (text.length === 0) return { mins, shingles: 0 };
    // A text shorter than one shingle is one shingle.
    const count = Math.max(1, text.length - k + 1);
    const width = Math.min(k, text.length);
    seen.clear();
    for (let i = 0; i < count; i++) {
      const h = mix32(fnv1a(text, i, width));
      if (seen.has(h)) continue;
      seen.add(h);
      for (let j = 0; j < size; j++) {
        const v = (Math.imul(h, a[j] as number) + (b[j] as number)) >>> 0;
        if (v < (mins[j] as number)) mins[j] = v;
      }
    }
    const shingles = seen.size;
    if (seen.size > 4096) seen = new Set<number>();
    return { mins, shingles };
  };

  const bucketsOf = (mins: Uint32Array): number[] => {
    const out: number[] = [];
    for (let b = 0; b < options.bands; b++) {
      let h = mix32(b + options.seed);
      for (let r = 0; r < options.rows; r++) h = mix32(h ^ (mins[b * options.rows + r] as number));
      out.push(b * 0x1_0000_0000 + h);
    }
    return out;
  };

  return { options: Object.freeze({ ...options }), size, sign, bucketsOf };
}

/** Share of equal minimum hashes: an unbiased estimate of the texts' Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

/**
 * How much of the smaller shingle set the larger holds, from the Jaccard estimate and the set
 * sizes: |A ∩ B| = J (|A| + |B|) / (1 + J). A forwarded copy cut off halfway is contained in
 * the original although their Jaccard is only about one half.
 */
export function estimateContainment(jaccard: number, sizeA: number, sizeB: number): number {
  const small = Math.min(sizeA, sizeB);
  if (small === 0) return 0;
  const common = (jaccard * (sizeA + sizeB)) / (1 + jaccard);
  return Math.min(1, common / small);
}

/** A signature as stored (uint32 little-endian). */
export function signatureToBlob(mins: Uint32Array): Buffer {
  const buf = Buffer.allocUnsafe(mins.length * 4);
  for (let i = 0; i < mins.length; i++) buf.writeUInt32LE(mins[i] as number, i * 4);
  return buf;
}

export function blobToSignature(blob: Uint8Array): Uint32Array {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const out = new Uint32Array(blob.byteLength >>> 2);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}
