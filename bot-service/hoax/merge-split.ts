/**
 * Staff correcting the clustering: merge clusters that are one rumour, split claims that are not.
 *
 * A merge moves claims, signatures, known texts, files and deliveries into the target (a sender
 * already sent a source's clarification counts as reached), closes the sources as merged, and,
 * when the target has a verdict, sends it to the senders who came with the sources. A split moves
 * the chosen claims with their signatures, texts and files to a new cluster with no verdict, and
 * signs their texts so later copies find the new cluster. Each is one audited transaction.
 */
import { audit } from '../api/audit.ts';
import { clustererFor, textKey } from './clusterer.ts';
import { deliverToSenders, isFinalVerdict, type DeliveryCounts } from './delivery.ts';
import { blobToSignature, estimateJaccard } from './minhash.ts';
import type { ClusterRow } from './queries.ts';
import { recountCluster } from './recount.ts';
import { activeCluster, type DeskActor, type DeskDeps, type DeskResult } from './verdict.ts';

export type MergeOutcome = { movedClaims: number; delivery: DeliveryCounts | null };

export function mergeClusters(deps: DeskDeps, actor: DeskActor, targetId: number, sourceIds: readonly number[], now: number = Date.now()): DeskResult<MergeOutcome> {
  const { db } = deps;
  return db.transaction((): DeskResult<MergeOutcome> => {
    const target = activeCluster(db, targetId);
    if (!target.ok) return target;
    const sources = [...new Set(sourceIds)];
    if (sources.includes(targetId)) return { ok: false, status: 422, error: 'clusterIds: a cluster cannot be merged into itself' };
    const rows: ClusterRow[] = [];
    for (const id of sources) {
      const source = activeCluster(db, id);
      if (!source.ok) return source;
      rows.push(source.value);
    }
    const list = JSON.stringify(sources);
    const inSources = 'cluster_id IN (SELECT value FROM json_each($list))';
    const movedClaims = db.prepare(`UPDATE hoax_claims SET cluster_id = $target WHERE ${inSources}`).run({ target: targetId, list }).changes;
    for (const table of ['hoax_signatures', 'hoax_texts', 'hoax_media']) {
      db.prepare(`UPDATE ${table} SET cluster_id = $target WHERE ${inSources}`).run({ target: targetId, list });
    }
    db.prepare(
      `INSERT OR IGNORE INTO hoax_deliveries (cluster_id, contact_id, status, channel, outbound_id, reason, verdict, at)
       SELECT $target, contact_id, status, channel, outbound_id, reason, verdict, at FROM hoax_deliveries WHERE ${inSources} ORDER BY at`
    ).run({ target: targetId, list });
    db.prepare(`DELETE FROM hoax_deliveries WHERE ${inSources}`).run({ list });
    db.prepare(`DELETE FROM hoax_cluster_regions WHERE ${inSources}`).run({ list });
    // The target keeps its own known hoax; without one it takes a source's.
    const known = target.value.matched_hoax_id ?? rows.map(r => r.published_hoax_id ?? r.matched_hoax_id).find(h => h !== null) ?? null;
    db.prepare('UPDATE hoax_clusters SET matched_hoax_id = ?, updated_at = ? WHERE id = ?').run(known, now, targetId);
    db.prepare(`UPDATE hoax_clusters SET merged_into = $target, updated_at = $now WHERE id IN (SELECT value FROM json_each($list))`).run({ target: targetId, now, list });
    recountCluster(db, targetId);
    const t = target.value;
    const delivery =
      isFinalVerdict(t.verdict) && t.clarification !== null
        ? deliverToSenders(deps, { clusterId: targetId, verdict: t.verdict, clarification: t.clarification, clarificationEn: t.clarification_en, source: t.verdict_source }, now)
        : null;
    audit(db, { actorId: actor.id, action: 'hoax.merge', target: `hoax-cluster:${targetId}`, details: { sources, movedClaims, delivery } }, now);
    deps.events.append({ type: 'hoax.updated', at: now, data: { change: 'merge', clusterId: targetId, sources } });
    return { ok: true, value: { movedClaims, delivery } };
  })();
}

export type SplitOutcome = { clusterId: number; movedClaims: number };

/** Most texts of the remaining claims re-signed when a split took every signature of a cluster. */
const RESIGN_LIMIT = 200;

export function splitCluster(deps: DeskDeps, actor: DeskActor, clusterId: number, claimIds: readonly number[], now: number = Date.now()): DeskResult<SplitOutcome> {
  const { db } = deps;
  return db.transaction((): DeskResult<SplitOutcome> => {
    const from = activeCluster(db, clusterId);
    if (!from.ok) return from;
    const ids = [...new Set(claimIds)];
    const list = JSON.stringify(ids);
    const claims = db
      .prepare(`SELECT id, cluster_id, text, media_sha256, matched_hoax_id, at FROM hoax_claims WHERE id IN (SELECT value FROM json_each(?))`)
      .all(list) as Array<{ id: number; cluster_id: number; text: string | null; media_sha256: string | null; matched_hoax_id: string | null; at: number }>;
    const foreign = ids.filter(id => !claims.some(c => c.id === id && c.cluster_id === clusterId));
    if (foreign.length > 0) return { ok: false, status: 422, error: `claimIds: not claims of cluster ${clusterId}: ${foreign.join(', ')}` };
    if (claims.length >= from.value.claims) return { ok: false, status: 409, error: 'claimIds: a split must leave at least one claim in the cluster' };

    const hoaxes = new Set(claims.map(c => c.matched_hoax_id));
    const matched = hoaxes.size === 1 ? [...hoaxes][0]! : null;
    const first = Math.min(...claims.map(c => c.at));
    const newId = Number(
      db
        .prepare('INSERT INTO hoax_clusters (created_at, first_seen, last_seen, matched_hoax_id, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(now, first, first, matched, now).lastInsertRowid
    );
    db.prepare('UPDATE hoax_claims SET cluster_id = ? WHERE id IN (SELECT value FROM json_each(?))').run(newId, list);
    db.prepare('UPDATE hoax_signatures SET cluster_id = ? WHERE claim_id IN (SELECT value FROM json_each(?))').run(newId, list);

    const clusterer = clustererFor(db);
    const signaturesOf = (cluster: number): Uint32Array[] =>
      (db.prepare('SELECT signature FROM hoax_signatures WHERE cluster_id = ?').pluck().all(cluster) as Buffer[]).map(blobToSignature);
    // Later copies of the moved texts go to the new cluster: their exact texts, and a signature
    // for each text no signature of the new cluster already covers.
    const covering = signaturesOf(newId);
    const setText = db.prepare('INSERT INTO hoax_texts (hash, cluster_id, similarity) VALUES (?, ?, NULL) ON CONFLICT (hash) DO UPDATE SET cluster_id = excluded.cluster_id');
    for (const c of claims) {
      const signed = clusterer.sign(c.text);
      if (signed === null) continue;
      setText.run(textKey(signed.words), newId);
      if (covering.every(s => estimateJaccard(s, signed.signature.mins) < clusterer.params.novelBelow)) {
        clusterer.addSignature(newId, c.id, signed);
        covering.push(signed.signature.mins);
      }
    }
    // A file goes with the claims when none of the cluster's remaining claims has it.
    const keepsFile = db.prepare('SELECT 1 FROM hoax_claims WHERE cluster_id = ? AND media_sha256 = ? LIMIT 1');
    for (const sha of new Set(claims.map(c => c.media_sha256).filter((s): s is string => s !== null))) {
      if (keepsFile.get(clusterId, sha) === undefined) db.prepare('UPDATE hoax_media SET cluster_id = ? WHERE sha256 = ?').run(newId, sha);
    }
    // The cluster left behind must still be findable by its remaining texts.
    if (signaturesOf(clusterId).length === 0) {
      const remaining = db
        .prepare('SELECT id, text FROM hoax_claims WHERE cluster_id = ? AND text IS NOT NULL ORDER BY at DESC LIMIT ?')
        .all(clusterId, RESIGN_LIMIT) as Array<{ id: number; text: string }>;
      const kept: Uint32Array[] = [];
      for (const r of remaining) {
        const signed = clusterer.sign(r.text);
        if (signed === null || kept.some(s => estimateJaccard(s, signed.signature.mins) >= clusterer.params.novelBelow)) continue;
        clusterer.addSignature(clusterId, r.id, signed);
        kept.push(signed.signature.mins);
      }
    }
    recountCluster(db, newId);
    recountCluster(db, clusterId);
    db.prepare('UPDATE hoax_clusters SET updated_at = ? WHERE id = ?').run(now, clusterId);
    audit(db, { actorId: actor.id, action: 'hoax.split', target: `hoax-cluster:${clusterId}`, details: { newClusterId: newId, claimIds: ids } }, now);
    deps.events.append({ type: 'hoax.updated', at: now, data: { change: 'split', clusterId, newClusterId: newId } });
    return { ok: true, value: { clusterId: newId, movedClaims: claims.length } };
  })();
}
