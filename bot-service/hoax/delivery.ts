/**
 * Closing the loop: each sender of a cluster gets its clarification once.
 *
 * `hoax_deliveries` is keyed by cluster and contact, so a second verdict, a merge or a retry
 * never sends twice. Inside the citizen's 24-hour window the clarification goes as a free-form
 * message; outside it, through the approved template `klarifikasi_hoaks` where one is published,
 * else the delivery is recorded as not deliverable. Messages are only enqueued here: the sender
 * paces them per citizen and per number. Runs in the caller's transaction.
 */
import { erasedKeyPrefix } from '../api/phone.ts';
import type { Db } from '../db/open.ts';
import { textReplies } from '../flows/messages.ts';
import type { Outbox } from '../outbox/outbox.ts';
import { clarificationText, languageOf, templateParam, verdictWords, type FinalVerdict } from './catalogue.ts';

/** The WhatsApp template used outside the window (registered with Meta, approved, published in the console). */
export const CLARIFICATION_TEMPLATE = 'klarifikasi_hoaks';

export type ClusterVerdict = {
  clusterId: number;
  verdict: FinalVerdict;
  clarification: string;
  clarificationEn: string | null;
  source: string | null;
};

export type DeliveryOutcome =
  | { kind: 'message' | 'template'; outboundId: number }
  | { kind: 'answered' }
  | { kind: 'not_deliverable'; reason: string }
  | { kind: 'already' };

export type DeliveryDeps = { db: Db; outbox: Outbox };

export function isFinalVerdict(verdict: string | null): verdict is FinalVerdict {
  return verdict === 'hoaks' || verdict === 'menyesatkan' || verdict === 'fakta';
}

function record(db: Db, v: ClusterVerdict, contactId: number, row: { status: string; channel: string | null; outboundId: number | null; reason: string | null }, now: number): void {
  db.prepare(
    'INSERT INTO hoax_deliveries (cluster_id, contact_id, status, channel, outbound_id, reason, verdict, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
  ).run(v.clusterId, contactId, row.status, row.channel, row.outboundId, row.reason, v.verdict, now);
}

type TemplateRow = { name: string; language: string; param_count: number };

function clarificationTemplate(db: Db, lang: string): TemplateRow | undefined {
  return db
    .prepare(
      `SELECT name, language, param_count FROM message_templates
       WHERE name = ? AND approved = 1 AND active = 1 AND version > 0 AND language IN (?, 'id')
       ORDER BY language = ? DESC LIMIT 1`
    )
    .get(CLARIFICATION_TEMPLATE, lang, lang) as TemplateRow | undefined;
}

/** Positional parameters by count: the clarification; verdict and clarification; and the source. */
function templateParams(count: number, lang: 'id' | 'en', v: ClusterVerdict): string[] | null {
  const text = templateParam(lang === 'en' && v.clarificationEn ? v.clarificationEn : v.clarification);
  const verdict = verdictWords[lang][v.verdict];
  switch (count) {
    case 0:
      return [];
    case 1:
      return [text];
    case 2:
      return [verdict, text];
    case 3:
      return [verdict, text, templateParam(v.source ?? '-', 200)];
    default:
      return null;
  }
}

/**
 * Sends the cluster's clarification to one sender unless they already have it. `answeredByBot`:
 * the bot's own reply to this claim carried the verdict, so nothing more is sent.
 */
export function deliverToContact(
  deps: DeliveryDeps,
  v: ClusterVerdict,
  contactId: number,
  now: number,
  options: { answeredByBot?: boolean; conversationId?: number | null } = {}
): DeliveryOutcome {
  const { db, outbox } = deps;
  if (db.prepare('SELECT 1 FROM hoax_deliveries WHERE cluster_id = ? AND contact_id = ?').get(v.clusterId, contactId) !== undefined) {
    return { kind: 'already' };
  }
  if (options.answeredByBot) {
    record(db, v, contactId, { status: 'answered', channel: 'bot', outboundId: null, reason: null }, now);
    return { kind: 'answered' };
  }
  const contact = db.prepare('SELECT wa_key, language FROM contacts WHERE id = ?').get(contactId) as { wa_key: string; language: string } | undefined;
  if (contact === undefined || contact.wa_key.startsWith(erasedKeyPrefix)) {
    record(db, v, contactId, { status: 'not_deliverable', channel: null, outboundId: null, reason: 'erased' }, now);
    return { kind: 'not_deliverable', reason: 'erased' };
  }
  const lang = languageOf(contact.language);
  const conversationId =
    options.conversationId ??
    ((db.prepare('SELECT id FROM conversations WHERE contact_id = ? ORDER BY id DESC LIMIT 1').pluck().get(contactId) as number | undefined) ?? null);
  const closesAt = outbox.windowClosesAt(contactId);
  if (closesAt !== null && closesAt > now) {
    const text = clarificationText(lang, v);
    let last = 0;
    for (const part of textReplies(text)) {
      const queued = outbox.enqueue({ contactId, conversationId, kind: 'message', body: part.body, summary: part.summary, author: 'system' }, now);
      if (!queued.ok) break;
      last = queued.id;
    }
    if (last !== 0) {
      record(db, v, contactId, { status: 'queued', channel: 'message', outboundId: last, reason: null }, now);
      return { kind: 'message', outboundId: last };
    }
  }
  const template = clarificationTemplate(db, lang);
  const params = template === undefined ? null : templateParams(template.param_count, lang, v);
  if (template === undefined || params === null) {
    const reason = template === undefined ? 'window-closed' : 'template-params';
    record(db, v, contactId, { status: 'not_deliverable', channel: null, outboundId: null, reason }, now);
    return { kind: 'not_deliverable', reason };
  }
  const body = {
    type: 'template',
    template: {
      name: template.name,
      language: { code: template.language },
      ...(params.length > 0 ? { components: [{ type: 'body', parameters: params.map(p => ({ type: 'text', text: p })) }] } : {}),
    },
  };
  const summary = `[${template.name}] ${params.join(' | ')}`;
  const queued = outbox.enqueue({ contactId, conversationId, kind: 'template', body, summary, author: 'system' }, now);
  if (!queued.ok) {
    record(db, v, contactId, { status: 'not_deliverable', channel: null, outboundId: null, reason: 'refused' }, now);
    return { kind: 'not_deliverable', reason: 'refused' };
  }
  record(db, v, contactId, { status: 'queued', channel: 'template', outboundId: queued.id, reason: null }, now);
  return { kind: 'template', outboundId: queued.id };
}

export type DeliveryCounts = { message: number; template: number; notDeliverable: number; already: number };

/** Sends the clarification to every sender of the cluster who has not had it yet. */
export function deliverToSenders(deps: DeliveryDeps, v: ClusterVerdict, now: number): DeliveryCounts {
  const counts: DeliveryCounts = { message: 0, template: 0, notDeliverable: 0, already: 0 };
  const senders = deps.db
    .prepare(
      `SELECT contact_id, MAX(conversation_id) AS conversation_id FROM hoax_claims
       WHERE cluster_id = ? AND contact_id NOT IN (SELECT contact_id FROM hoax_deliveries WHERE cluster_id = ?)
       GROUP BY contact_id ORDER BY MIN(at)`
    )
    .all(v.clusterId, v.clusterId) as Array<{ contact_id: number; conversation_id: number | null }>;
  for (const s of senders) {
    const outcome = deliverToContact(deps, v, s.contact_id, now);
    if (outcome.kind === 'message') counts.message++;
    else if (outcome.kind === 'template') counts.template++;
    else if (outcome.kind === 'not_deliverable') counts.notDeliverable++;
    else counts.already++;
  }
  return counts;
}

export type Reached = {
  /** Senders of the cluster. */
  senders: number;
  queued: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  /** The bot's own reply carried the verdict. */
  answeredByBot: number;
  notDeliverable: number;
  /** Senders with no delivery yet (no final verdict, or arrived after it and are being answered). */
  pending: number;
};

/** How far the clarification got, per cluster, from the deliveries and their outbox rows. */
export function reachedByCluster(db: Db, clusters: ReadonlyArray<{ id: number; senders: number }>): Map<number, Reached> {
  const out = new Map<number, Reached>();
  for (const c of clusters) {
    out.set(c.id, { senders: c.senders, queued: 0, sent: 0, delivered: 0, read: 0, failed: 0, answeredByBot: 0, notDeliverable: 0, pending: c.senders });
  }
  if (clusters.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT d.cluster_id AS cluster, CASE
           WHEN d.status = 'answered' THEN 'answeredByBot'
           WHEN d.status = 'not_deliverable' THEN 'notDeliverable'
           WHEN o.status IN ('sent', 'delivered', 'read', 'failed') THEN o.status
           ELSE 'queued' END AS bucket, COUNT(*) AS n
       FROM hoax_deliveries d LEFT JOIN outbound_messages o ON o.id = d.outbound_id
       WHERE d.cluster_id IN (SELECT value FROM json_each(?))
       GROUP BY d.cluster_id, bucket`
    )
    .all(JSON.stringify(clusters.map(c => c.id))) as Array<{ cluster: number; bucket: keyof Reached; n: number }>;
  for (const r of rows) {
    const reached = out.get(r.cluster);
    if (reached === undefined) continue;
    reached[r.bucket] += r.n;
    reached.pending = Math.max(0, reached.pending - r.n);
  }
  return out;
}
