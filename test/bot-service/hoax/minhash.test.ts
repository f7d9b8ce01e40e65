import { describe, expect, it } from 'vitest';
import {
  blobToSignature,
  createMinHasher,
  estimateContainment,
  estimateJaccard,
  signatureToBlob,
} from '../../../bot-service/hoax/minhash.ts';
import { DEFAULT_CLUSTER_PARAMETERS as P } from '../../../bot-service/hoax/params.ts';

const options = { shingle: P.shingle, bands: P.bands, rows: P.rows, seed: P.seed };

/** Exact Jaccard of the character shingle sets, for comparison. */
function jaccard(a: string, b: string, k = P.shingle): number {
  const set = (s: string) => new Set(Array.from({ length: Math.max(1, s.length - k + 1) }, (_, i) => s.slice(i, i + k)));
  const x = set(a);
  const y = set(b);
  const common = [...x].filter(s => y.has(s)).length;
  return common / (x.size + y.size - common);
}

const base = 'mulai besok listrik seluruh jawa timur padam 3 hari sterilisasi jaring virus covid siap lilin isi air cas hp';

describe('hoax/minhash', () => {
  it('is deterministic: the same text signs the same in a fresh hasher (a restart)', () => {
    const a = createMinHasher(options).sign(base);
    const b = createMinHasher(options).sign(base);
    expect([...a.mins]).toEqual([...b.mins]);
    expect(a.mins).toHaveLength(P.bands * P.rows);
    expect(createMinHasher(options).bucketsOf(a.mins)).toEqual(createMinHasher(options).bucketsOf(b.mins));
    // Another seed gives other hash functions.
    expect([...createMinHasher({ ...options, seed: 7 }).sign(base).mins]).not.toEqual([...a.mins]);
  });

  it('estimates Jaccard similarity close to the exact value', () => {
    const h = createMinHasher(options);
    const variants = [
      base,
      `${base} sebar keluarga`,
      base.slice(0, 70),
      base.replace('listrik', 'lstrik').replace('lilin', 'liln'),
      'bank indonesia tarik uang kertas lama tular virus covid tukar bank tanggal 30',
    ];
    for (const v of variants) {
      const estimate = estimateJaccard(h.sign(base).mins, h.sign(v).mins);
      // 96 hash functions: the standard error is at most 0.05.
      expect(Math.abs(estimate - jaccard(base, v))).toBeLessThan(0.16);
    }
    expect(estimateJaccard(h.sign(base).mins, h.sign(base).mins)).toBe(1);
  });

  it('recognises a copy cut off halfway by containment, though its Jaccard is low', () => {
    const h = createMinHasher(options);
    const full = h.sign(base);
    const half = h.sign(base.slice(0, Math.floor(base.length / 2)));
    const j = estimateJaccard(full.mins, half.mins);
    expect(j).toBeLessThan(0.65);
    expect(estimateContainment(j, full.shingles, half.shingles)).toBeGreaterThan(0.8);
    expect(estimateContainment(0, 10, 20)).toBe(0);
  });

  it('files a signature under one bucket per band, and similar texts share some', () => {
    const h = createMinHasher(options);
    const a = h.bucketsOf(h.sign(base).mins);
    const b = h.bucketsOf(h.sign(`${base} tolong`).mins);
    const c = h.bucketsOf(h.sign('resep sayur bening bayam bawang merah garam').mins);
    expect(a).toHaveLength(P.bands);
    expect(new Set(a).size).toBe(P.bands);
    a.forEach((key, band) => {
      expect(Number.isSafeInteger(key)).toBe(true);
      expect(Math.floor(key / 2 ** 32)).toBe(band);
    });
    expect(a.filter((key, i) => key === b[i]).length).toBeGreaterThan(3);
    expect(a.filter((key, i) => key === c[i]).length).toBe(0);
  });

  it('stores a signature as bytes and reads it back', () => {
    const mins = createMinHasher(options).sign(base).mins;
    const blob = signatureToBlob(mins);
    expect(blob.length).toBe(mins.length * 4);
    // A blob from SQLite may start anywhere in its buffer.
    const shifted = Buffer.concat([Buffer.from([1, 2, 3]), blob]).subarray(3);
    expect([...blobToSignature(shifted)]).toEqual([...mins]);
  });

  it('signs an empty text as empty and a short one as one shingle', () => {
    const h = createMinHasher(options);
    expect(h.sign('').shingles).toBe(0);
    expect(h.sign('5g').shingles).toBe(1);
  });
});
