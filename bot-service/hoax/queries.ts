/**
 * The desk's reads: clusters ranked by growth, and one cluster with samples and claims.
 *
 * Growth comes from the claims of the last day (index on time); every other figure is a counter
 * kept on the cluster as claims arrive, so listing costs the same with a million claims stored.
 * Texts are shown with phone-number-like digits masked, senders by their masked number.
 */
import { maskPhone } from '../api/phone.ts';
import type { ClaimView, ClusterDetail, ClusterSample, ClusterStatus, ClusterSummary, HoaxVerdict, RegionCount } from '../contract/hoax.ts';
import type { Db } from '../db/open.ts';
import { getContent } from '../db/queries/content.ts';
import { staffRefs } from '../db/queries/conversations.ts';
import { reachedByCluster } from './delivery.ts';
import { clusterText, maskPhonesInText } from './normalize.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type ClusterRow = {
  id: number;
  created_at: number;
  first_seen: number;
  last_seen: number;
  claims: number;
  senders: number;
  forwarded: number;
  frequently_forwarded: number;
  media: number;
  matched_hoax_id: string | null;
  merged_into: number | null;
  verdict: HoaxVerdict | null;
  clarification: string | null;
  clarification_en: string | null;
  verdict_source: string | null;
  verdict_at: number | null;
  verdict_by: number | null;
  published_hoax_id: string | null;
  updated_at: number;
};

type Ranked = ClusterRow & { hour: number; day: number };

export function getClusterRow(db: Db, id: number): ClusterRow | null {
  return (db.prepare('SELECT * FROM hoax_clusters WHERE id = ?').get(id) as ClusterRow | undefined) ?? null;
}

const statusSql: Record<ClusterStatus, string> = {
  open: "AND (k.verdict IS NULL OR k.verdict = 'belum_jelas')",
  decided: "AND k.verdict IN ('hoaks', 'menyesatkan', 'fakta')",
  all: '',
};

function growthOf(db: Db, ids: readonly number[], now: number): Map<number, { hour: number; day: number }> {
  const out = new Map<number, { hour: number; day: number }>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT cluster_id AS id, SUM(at >= $hour) AS hour, COUNT(*) AS day FROM hoax_claims
       WHERE at >= $day AND cluster_id IN (SELECT value FROM json_each($ids)) GROUP BY cluster_id`
    )
    .all({ hour: now - HOUR, day: now - DAY, ids: JSON.stringify(ids) }) as Array<{ id: number; hour: number; day: number }>;
  for (const r of rows) out.set(r.id, { hour: r.hour, day: r.day });
  return out;
}

/**
 * Clusters ranked by claims in the last hour, then the last day, then the latest claim. Only
 * clusters with a claim in the last day can rank on growth; the rest follow by recency, so the
 * candidates are those plus the most recent ones.
 */
export function listClusters(db: Db, options: { status: ClusterStatus; limit: number; now: number }): ClusterSummary[] {
  const { now, limit } = options;
  const filter = statusSql[options.status];
  const growing = db
    .prepare(
      `SELECT k.*, g.hour AS hour, g.day AS day
       FROM (SELECT cluster_id, SUM(at >= $hour) AS hour, COUNT(*) AS day FROM hoax_claims WHERE at >= $day GROUP BY cluster_id) g
       JOIN hoax_clusters k ON k.id = g.cluster_id
       WHERE k.merged_into IS NULL ${filter}
       ORDER BY g.hour DESC, g.day DESC, k.last_seen DESC LIMIT $limit`
    )
    .all({ hour: now - HOUR, day: now - DAY, limit }) as Ranked[];
  let rows = growing;
  if (rows.length < limit) {
    const seen = new Set(rows.map(r => r.id));
    const recent = db
      .prepare(`SELECT k.*, 0 AS hour, 0 AS day FROM hoax_clusters k WHERE k.merged_into IS NULL ${filter} ORDER BY k.last_seen DESC LIMIT $limit`)
      .all({ limit: limit + seen.size }) as Ranked[];
    rows = [...rows, ...recent.filter(r => !seen.has(r.id))].slice(0, limit);
  }
  return toSummaries(db, rows, now);
}

/** Summaries of these cluster rows (growth computed when not given). */
export function toSummaries(db: Db, rows: ReadonlyArray<ClusterRow & Partial<{ hour: number; day: number }>>, now: number): ClusterSummary[] {
  if (rows.length === 0) return [];
  const ids = rows.map(r => r.id);
  const growth = rows.every(r => r.hour !== undefined && r.day !== undefined) ? null : growthOf(db, ids, now);
  const regions = new Map<number, RegionCount[]>();
  for (const r of db
    .prepare(
      `SELECT cluster_id AS id, region_code AS code, senders FROM hoax_cluster_regions
       WHERE cluster_id IN (SELECT value FROM json_each(?)) AND senders > 0 ORDER BY senders DESC, region_code`
    )
    .all(JSON.stringify(ids)) as Array<{ id: number; code: string; senders: number }>) {
    regions.set(r.id, [...(regions.get(r.id) ?? []), { code: r.code, senders: r.senders }]);
  }
  const sampleOf = db.prepare('SELECT text FROM hoax_claims WHERE cluster_id = ? AND text IS NOT NULL ORDER BY at DESC, id DESC LIMIT 1').pluck();
  const reached = reachedByCluster(db, rows);
  const staff = staffRefs(db, rows.map(r => r.verdict_by));
  const hoaxes = getContent(db).hoaxById;
  return rows.map(r => {
    const g = growth === null ? { hour: r.hour ?? 0, day: r.day ?? 0 } : (growth.get(r.id) ?? { hour: 0, day: 0 });
    const sample = sampleOf.get(r.id) as string | undefined;
    // A known hoax other than the one the desk published for this cluster.
    const known = r.matched_hoax_id !== null && r.matched_hoax_id !== r.published_hoax_id ? r.matched_hoax_id : null;
    const hoax = known === null ? undefined : hoaxes.get(known);
    return {
      id: r.id,
      claims: r.claims,
      senders: r.senders,
      growth: { lastHour: g.hour, lastDay: g.day },
      regions: regions.get(r.id) ?? [],
      forwardedShare: r.claims === 0 ? 0 : r.forwarded / r.claims,
      frequentlyForwardedShare: r.claims === 0 ? 0 : r.frequently_forwarded / r.claims,
      media: r.media,
      firstSeen: r.first_seen,
      lastSeen: r.last_seen,
      sample: sample === undefined ? null : maskPhonesInText(sample),
      matchedHoax: hoax === undefined ? null : { id: hoax.id, verdict: hoax.verdict, claim: hoax.claim },
      verdict:
        r.verdict === null || r.verdict_at === null
          ? null
          : {
              verdict: r.verdict,
              clarification: r.clarification,
              clarificationEn: r.clarification_en,
              source: r.verdict_source,
              at: r.verdict_at,
              by: r.verdict_by === null ? null : (staff.get(r.verdict_by) ?? null),
              publishedHoaxId: r.published_hoax_id,
            },
      reached: reached.get(r.id)!,
    };
  });
}

export function clusterSummary(db: Db, id: number, now: number): ClusterSummary | null {
  const row = getClusterRow(db, id);
  return row === null ? null : (toSummaries(db, [row], now)[0] ?? null);
}

/** Up to five different texts among the latest claims (same normalised text counts once). */
function samplesOf(db: Db, clusterId: number): ClusterSample[] {
  const texts = db
    .prepare('SELECT text FROM hoax_claims WHERE cluster_id = ? AND text IS NOT NULL ORDER BY at DESC, id DESC LIMIT 300')
    .pluck()
    .all(clusterId) as string[];
  const groups = new Map<string, { text: string; claims: number }>();
  for (const text of texts) {
    const key = clusterText(text) || text;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { text, claims: 1 });
    else group.claims++;
  }
  return [...groups.values()]
    .sort((a, b) => b.claims - a.claims)
    .slice(0, 5)
    .map(g => ({ text: maskPhonesInText(g.text), claims: g.claims }));
}

type ClaimRow = {
  id: number;
  at: number;
  text: string | null;
  wa_key: string;
  region_code: string | null;
  forwarded: 0 | 1 | 2;
  via: ClaimView['via'];
  media_kind: string | null;
  media_sha256: string | null;
  matched_hoax_id: string | null;
  similarity: number | null;
};

export function clusterDetail(db: Db, id: number, now: number): ClusterDetail | null {
  const row = getClusterRow(db, id);
  if (row === null) return null;
  const claims = db
    .prepare(
      `SELECT h.id, h.at, h.text, c.wa_key, h.region_code, h.forwarded, h.via, h.media_kind, h.media_sha256, h.matched_hoax_id, h.similarity
       FROM hoax_claims h JOIN contacts c ON c.id = h.contact_id
       WHERE h.cluster_id = ? ORDER BY h.at DESC, h.id DESC LIMIT 100`
    )
    .all(id) as ClaimRow[];
  return {
    cluster: toSummaries(db, [row], now)[0]!,
    samples: samplesOf(db, id),
    claims: claims.map(c => ({
      id: c.id,
      at: c.at,
      text: c.text === null ? null : maskPhonesInText(c.text),
      sender: maskPhone(c.wa_key),
      regionCode: c.region_code,
      forwarded: c.forwarded,
      via: c.via,
      media: c.media_kind !== null && c.media_sha256 !== null ? { kind: c.media_kind, sha256: c.media_sha256 } : null,
      matchedHoaxId: c.matched_hoax_id,
      similarity: c.similarity,
    })),
    mergedInto: row.merged_into,
  };
}
