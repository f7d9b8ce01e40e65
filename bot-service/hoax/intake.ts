/**
 * Intake: turns a handled message into a hoax claim when it is one, inside the pipeline's
 * transaction for that message.
 *
 * A claim is a text or media caption WhatsApp marks forwarded or frequently forwarded, a
 * "Cek hoaks" submission, or a message the bot matched to a known hoax (the engine's
 * 'hoax-claim' signal covers the last two). Pictures, audio, video and documents are kept by
 * their sha256. When the claim's cluster already has a verdict, the citizen gets the
 * clarification at once: the bot's reply when it carried the verdict, otherwise a message queued
 * right behind it.
 *
 * A failure here must not lose the citizen's message: the intake runs in a savepoint, and an
 * error rolls back only the claim (logged), never the reply.
 */
import type { Db } from '../db/open.ts';
import { getContent } from '../db/queries/content.ts';
import type { EventLog } from '../events/event-log.ts';
import type { FlowResult } from '../flows/types.ts';
import { understandingFor } from '../flows/understanding-adapter.ts';
import type { Logger } from '../logger.ts';
import type { Outbox } from '../outbox/outbox.ts';
import { clustererFor, type ClaimInput, type Placement } from './clusterer.ts';
import { deliverToContact, isFinalVerdict } from './delivery.ts';

export type IntakeDeps = { db: Db; events: EventLog; outbox: Outbox; log?: Logger };

/** The stored message, as the pipeline read it. */
export type IntakeRow = { id: number; type: string; text: string | null; payload: string; forwarded: 0 | 1 | 2; wa_timestamp: number };

export type IntakeInput = {
  row: IntakeRow;
  contactId: number;
  conversationId: number | null;
  /** The citizen's region after this message (null when not known yet). */
  regionCode: string | null;
  signals: FlowResult['signals'];
  /** Epoch ms. */
  now: number;
};

const FILE_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker']);

type HoaxSignal = { kind: 'hoax-claim'; text: string | null; mediaSha256: string | null; matchedHoaxId: string | null };

function mediaOf(row: IntakeRow, signal: HoaxSignal | undefined): { kind: string; sha256: string } | null {
  if (!FILE_TYPES.has(row.type)) return null;
  // A forwarded sticker is chat, not a claim, unless the citizen sent it to Cek hoaks.
  if (row.type === 'sticker' && signal === undefined) return null;
  let sha256 = signal?.mediaSha256 ?? null;
  if (sha256 === null) {
    try {
      const part = (JSON.parse(row.payload) as Record<string, { sha256?: unknown } | undefined>)[row.type];
      sha256 = typeof part?.sha256 === 'string' && part.sha256 !== '' ? part.sha256 : null;
    } catch {
      sha256 = null;
    }
  }
  return sha256 === null ? null : { kind: row.type, sha256 };
}

/** The claim this message makes, or null when it is not one. */
export function claimOf(db: Db, input: IntakeInput): ClaimInput | null {
  const { row } = input;
  const signal = input.signals?.find((s): s is HoaxSignal => s.kind === 'hoax-claim');
  const forwardedClaim = row.forwarded > 0 && (row.type === 'text' || FILE_TYPES.has(row.type));
  if (signal === undefined && !forwardedClaim) return null;
  const media = mediaOf(row, signal);
  const raw = signal?.text ?? row.text;
  const text = raw !== null && raw.trim() !== '' ? raw : null;
  if (text === null && media === null) return null;
  // The engine matched signalled texts already; a forwarded message it did not look at (the
  // conversation was with a volunteer) is matched here, against the same published hoaxes.
  let matchedHoaxId = signal?.matchedHoaxId ?? null;
  if (signal === undefined && text !== null) {
    const match = understandingFor(getContent(db)).matchHoax(text);
    matchedHoaxId = match !== null && match.confident ? match.id : null;
  }
  return {
    inboundId: row.id,
    contactId: input.contactId,
    conversationId: input.conversationId,
    regionCode: input.regionCode,
    via: row.forwarded > 0 ? 'forwarded' : signal?.matchedHoaxId ? 'matched' : 'cek-hoaks',
    forwarded: row.forwarded,
    text,
    media,
    matchedHoaxId,
    at: Math.min(row.wa_timestamp * 1000, input.now),
  };
}

type ClusterVerdictRow = { verdict: string | null; clarification: string | null; clarification_en: string | null; verdict_source: string | null };

/**
 * Records the message as a claim when it is one; the pipeline calls it once per handled message,
 * in that message's transaction. Returns the placement, or null.
 */
export function recordHoaxIntake(deps: IntakeDeps, input: IntakeInput): Placement | null {
  const { db } = deps;
  try {
    return db.transaction((): Placement | null => {
      const claim = claimOf(db, input);
      if (claim === null) return null;
      const placement = clustererFor(db).place(claim);
      const cluster = db
        .prepare('SELECT verdict, clarification, clarification_en, verdict_source FROM hoax_clusters WHERE id = ?')
        .get(placement.clusterId) as ClusterVerdictRow;
      if (isFinalVerdict(cluster.verdict) && cluster.clarification !== null) {
        const answeredByBot = input.signals?.some(s => s.kind === 'hoax-claim' && s.matchedHoaxId !== null) ?? false;
        deliverToContact(
          deps,
          { clusterId: placement.clusterId, verdict: cluster.verdict, clarification: cluster.clarification, clarificationEn: cluster.clarification_en, source: cluster.verdict_source },
          input.contactId,
          input.now,
          { answeredByBot, conversationId: input.conversationId }
        );
      }
      deps.events.append({
        type: 'hoax.updated',
        contactId: input.contactId,
        conversationId: input.conversationId,
        at: input.now,
        data: { change: 'claim', clusterId: placement.clusterId, claimId: placement.claimId, newCluster: placement.by === 'new' },
      });
      return placement;
    })();
  } catch (error) {
    deps.log?.error({ err: error, inboundId: input.row.id }, 'hoax intake failed; the message was handled without a claim');
    return null;
  }
}
