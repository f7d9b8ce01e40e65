/**
 * Clustering parameters, chosen on the tune split of eval/data/hoax-clusters.json (the holdout
 * split is scored, never tuned on; see eval/hoax-clusters.ts). Changing the shingle, band, row
 * or seed values changes every signature: stored signatures would no longer match new ones, so
 * those four need a migration that re-signs the stored claims.
 */
export type ClusterParameters = {
  /** Characters per shingle of the normalised text. */
  shingle: number;
  /** LSH bands and rows per band (the signature has bands * rows minimum hashes). */
  bands: number;
  rows: number;
  /** Seeds the hash functions. */
  seed: number;
  /** A claim joins the cluster of a stored signature at or above this estimated Jaccard... */
  joinJaccard: number;
  /** ...or when this much of the shorter text is contained in the other (a copy cut off)... */
  joinContainment: number;
  /** ...provided the shorter text has at least this many distinct shingles. */
  minContainShingles: number;
  /** A claim at least this similar to a signature of its cluster adds no signature of its own. */
  novelBelow: number;
  /** A text with fewer distinct shingles than this only joins an identical text. */
  minShingles: number;
  /** Bucket rows read per band at most (a full bucket means the claim is well covered). */
  bucketLimit: number;
  /** Candidates verified per claim at most, those sharing the most bands first. */
  maxCandidates: number;
};

export const DEFAULT_CLUSTER_PARAMETERS: Readonly<ClusterParameters> = Object.freeze({
  shingle: 4,
  bands: 32,
  rows: 3,
  seed: 0x6a617469,
  joinJaccard: 0.4,
  joinContainment: 0.7,
  minContainShingles: 40,
  novelBelow: 0.7,
  minShingles: 12,
  bucketLimit: 64,
  maxCandidates: 24,
});
