/**
 * Setting a cluster's verdict: one transaction records it, publishes it for the bot, sends the
 * clarification to every sender not yet reached, audits it and tells the live desk.
 *
 * A final verdict (hoaks, menyesatkan, fakta) becomes a known hoax: the cluster's claim (the
 * staff's wording, or its most sent text with phone numbers masked) is written to the `hoaxes`
 * content table with the clarification, a version is recorded and the content revision bumped,
 * so the bot answers the next matching message at once, as it answers an FAQ. "Belum jelas"
 * takes a published item off again.
 */
import { audit } from '../api/audit.ts';
import type { HoaxVerdict, VerdictRequest } from '../contract/hoax.ts';
import type { Db } from '../db/open.ts';
import { bumpContentRevision, recordPublishedVersion } from '../db/queries/content.ts';
import type { EventLog } from '../events/event-log.ts';
import type { Outbox } from '../outbox/outbox.ts';
import { wibDay } from '../stats/time.ts';
import { deliverToSenders, isFinalVerdict, type DeliveryCounts } from './delivery.ts';
import { maskPhonesInText } from './normalize.ts';
import { getClusterRow, type ClusterRow } from './queries.ts';

export type DeskDeps = { db: Db; events: EventLog; outbox: Outbox };
export type DeskActor = { id: number };
export type DeskResult<T> = { ok: true; value: T } | { ok: false; status: 404 | 409 | 422; error: string };

/** A cluster that exists and was not merged away, or the refusal. */
export function activeCluster(db: Db, id: number): DeskResult<ClusterRow> {
  const row = getClusterRow(db, id);
  if (row === null) return { ok: false, status: 404, error: `no hoax cluster ${id}` };
  if (row.merged_into !== null) return { ok: false, status: 409, error: `cluster ${id} was merged into cluster ${row.merged_into}` };
  return { ok: true, value: row };
}

/** The text most sent in the cluster (among its latest claims), phone numbers masked. */
export function representativeText(db: Db, clusterId: number): string | null {
  const text = db
    .prepare(
      `SELECT text FROM (SELECT text FROM hoax_claims WHERE cluster_id = ? AND text IS NOT NULL ORDER BY at DESC LIMIT 2000)
       GROUP BY text ORDER BY COUNT(*) DESC, length(text) DESC LIMIT 1`
    )
    .pluck()
    .get(clusterId) as string | undefined;
  if (text === undefined) return null;
  const masked = maskPhonesInText(text).trim();
  return masked.length <= 1000 ? masked : `${masked.slice(0, 999).trimEnd()}…`;
}

type HoaxRow = { claim: string; verdict: string; clarification: string; clarification_en: string | null; source: string | null; topic: string | null; first_seen: string | null; note: string | null };

/** Writes the desk's hoax item (live row, version history, revision) in the caller's transaction. */
function publishHoax(db: Db, hoaxId: string, data: Record<string, unknown>, author: string, now: number): void {
  const revision = bumpContentRevision(db, now);
  const version = recordPublishedVersion(db, { kind: 'hoax', itemId: hoaxId, data, author, now, revision });
  db.prepare(
    `INSERT INTO hoaxes (id, claim, verdict, clarification, clarification_en, source, topic, first_seen, note, active, version, updated_at, updated_by)
     VALUES ($id, $claim, $verdict, $clarification, $clarificationEn, $source, $topic, $firstSeen, $note, $active, $version, $now, $author)
     ON CONFLICT (id) DO UPDATE SET claim = $claim, verdict = $verdict, clarification = $clarification, clarification_en = $clarificationEn,
       source = $source, topic = $topic, first_seen = $firstSeen, note = $note, active = $active, version = $version,
       updated_at = $now, updated_by = $author`
  ).run({ ...(data as Record<string, unknown>), id: hoaxId, active: data.active ? 1 : 0, version, now, author });
}

export type VerdictOutcome = { delivery: DeliveryCounts | null; publishedHoaxId: string | null };

export function setVerdict(deps: DeskDeps, actor: DeskActor, clusterId: number, input: VerdictRequest & { verdict: HoaxVerdict }, now: number = Date.now()): DeskResult<VerdictOutcome> {
  const { db } = deps;
  return db.transaction((): DeskResult<VerdictOutcome> => {
    const found = activeCluster(db, clusterId);
    if (!found.ok) return found;
    const cluster = found.value;
    const final = isFinalVerdict(input.verdict);
    const clarification = input.clarification ?? null;
    if (final && clarification === null) return { ok: false, status: 422, error: 'clarification: required for a hoaks, menyesatkan or fakta verdict' };
    const author = `user:${actor.id}`;
    let publishedHoaxId = cluster.published_hoax_id;
    if (final) {
      const published = publishedHoaxId === null ? undefined : (db.prepare('SELECT claim FROM hoaxes WHERE id = ?').pluck().get(publishedHoaxId) as string | undefined);
      const claim = input.claim ?? published ?? representativeText(db, clusterId);
      // A cluster of files only has no words for the bot to match; intake answers its later senders.
      if (claim !== null) {
        publishedHoaxId = publishedHoaxId ?? `desk_${clusterId}`;
        publishHoax(db, publishedHoaxId, {
          claim,
          verdict: input.verdict,
          clarification,
          clarificationEn: input.clarificationEn ?? null,
          source: input.source ?? null,
          topic: null,
          firstSeen: wibDay(cluster.first_seen).slice(0, 7),
          note: `Meja hoaks, klaster #${clusterId}`,
          active: true,
        }, author, now);
      }
    } else if (publishedHoaxId !== null) {
      const live = db.prepare('SELECT claim, verdict, clarification, clarification_en, source, topic, first_seen, note FROM hoaxes WHERE id = ?').get(publishedHoaxId) as HoaxRow | undefined;
      if (live !== undefined) {
        publishHoax(db, publishedHoaxId, {
          claim: live.claim,
          verdict: live.verdict,
          clarification: live.clarification,
          clarificationEn: live.clarification_en,
          source: live.source,
          topic: live.topic,
          firstSeen: live.first_seen,
          note: live.note,
          active: false,
        }, author, now);
      }
    }
    db.prepare(
      `UPDATE hoax_clusters SET verdict = ?, clarification = ?, clarification_en = ?, verdict_source = ?, verdict_at = ?, verdict_by = ?,
         published_hoax_id = ?, updated_at = ? WHERE id = ?`
    ).run(input.verdict, clarification, input.clarificationEn ?? null, input.source ?? null, now, actor.id, publishedHoaxId, now, clusterId);
    const delivery =
      final && clarification !== null
        ? deliverToSenders(deps, { clusterId, verdict: input.verdict as 'hoaks' | 'menyesatkan' | 'fakta', clarification, clarificationEn: input.clarificationEn ?? null, source: input.source ?? null }, now)
        : null;
    audit(db, {
      actorId: actor.id,
      action: 'hoax.verdict',
      target: `hoax-cluster:${clusterId}`,
      details: { verdict: input.verdict, previous: cluster.verdict, publishedHoaxId, delivery },
    }, now);
    deps.events.append({ type: 'hoax.updated', at: now, data: { change: 'verdict', clusterId, verdict: input.verdict } });
    return { ok: true, value: { delivery, publishedHoaxId } };
  })();
}
