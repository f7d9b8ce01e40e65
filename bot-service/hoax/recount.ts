import type { Db } from '../db/open.ts';

/**
 * Recomputes a cluster's counters and senders per region from its claims, after a merge or a
 * split moved claims (intake keeps them incrementally). Costs one pass over the cluster's claims.
 */
export function recountCluster(db: Db, clusterId: number): void {
  const c = db
    .prepare(
      `SELECT COUNT(*) AS claims, COUNT(DISTINCT contact_id) AS senders, COALESCE(SUM(forwarded > 0), 0) AS forwarded,
         COALESCE(SUM(forwarded = 2), 0) AS frequent, COALESCE(SUM(media_sha256 IS NOT NULL), 0) AS media,
         MIN(at) AS first, MAX(at) AS last
       FROM hoax_claims WHERE cluster_id = ?`
    )
    .get(clusterId) as { claims: number; senders: number; forwarded: number; frequent: number; media: number; first: number | null; last: number | null };
  db.prepare(
    `UPDATE hoax_clusters SET claims = $claims, senders = $senders, forwarded = $forwarded, frequently_forwarded = $frequent,
       media = $media, first_seen = COALESCE($first, first_seen), last_seen = COALESCE($last, last_seen)
     WHERE id = $id`
  ).run({ ...c, id: clusterId });
  db.prepare('DELETE FROM hoax_cluster_regions WHERE cluster_id = ?').run(clusterId);
  // A sender counts for the region of their first claim in the cluster.
  db.prepare(
    `INSERT INTO hoax_cluster_regions (cluster_id, region_code, senders)
     SELECT $id, COALESCE(region_code, 'unknown'), COUNT(*) FROM (
       SELECT contact_id, region_code, MIN(at) FROM hoax_claims WHERE cluster_id = $id GROUP BY contact_id
     ) GROUP BY COALESCE(region_code, 'unknown')`
  ).run({ id: clusterId });
}
