import { maskPhone } from '../../api/phone.ts';
import type {
  ConversationDetail,
  ConversationFlag,
  ConversationListQuery,
  ConversationListResponse,
  ConversationNote,
  ConversationState,
  ConversationSummary,
  DeliveryStatus,
  StaffRef,
  TranscriptEntry,
} from '../../contract/conversations.ts';
import { serviceWindowMs } from '../../outbox/outbox.ts';
import type { Db } from '../open.ts';

/**
 * Reading conversations for the console: the filtered, cursor-paged list and one conversation's
 * transcript and notes. Phone numbers leave here masked, always.
 */

/** The columns every summary needs; `c` is conversations, `ct` contacts, `r` regions. */
export const summaryColumns = `
  c.id, c.contact_id, ct.wa_key, ct.profile_name, ct.language, ct.last_inbound_ts,
  c.state, c.priority, c.feature, c.region_code, r.name AS region_name, c.started_at, c.last_message_at, c.ended_at,
  c.message_count, c.flags, c.assigned_to, c.assigned_at, c.waiting_since, c.first_reply_at, c.resolved_at, c.resolved_by`;

export const summaryFrom = `
  FROM conversations c
  JOIN contacts ct ON ct.id = c.contact_id
  LEFT JOIN regions r ON r.code = c.region_code`;

export type SummaryRow = {
  id: number;
  contact_id: number;
  wa_key: string;
  profile_name: string | null;
  language: string;
  last_inbound_ts: number | null;
  state: ConversationState;
  priority: number;
  feature: string | null;
  region_code: string | null;
  region_name: string | null;
  started_at: number;
  last_message_at: number;
  ended_at: number | null;
  message_count: number;
  flags: number;
  assigned_to: number | null;
  assigned_at: number | null;
  waiting_since: number | null;
  first_reply_at: number | null;
  resolved_at: number | null;
  resolved_by: number | null;
};

export const FLAG_HOAX = 1;
export const FLAG_HIGH_RISK = 2;

export function flagsOf(bits: number): ConversationFlag[] {
  const flags: ConversationFlag[] = [];
  if (bits & FLAG_HOAX) flags.push('hoax');
  if (bits & FLAG_HIGH_RISK) flags.push('high-risk');
  return flags;
}

/**
 * Names of console users by id, for showing who holds or wrote what. Unknown ids (a user row
 * gone) still get an entry, so a transcript never loses its author.
 */
export function staffRefs(db: Db, ids: Iterable<number | null>): Map<number, StaffRef> {
  const wanted = [...new Set([...ids].filter((id): id is number => id !== null))];
  const refs = new Map<number, StaffRef>();
  if (wanted.length === 0) return refs;
  const rows = db
    .prepare(`SELECT id, username, display_name FROM users WHERE id IN (${wanted.map(() => '?').join(',')})`)
    .all(...wanted) as Array<{ id: number; username: string; display_name: string | null }>;
  for (const r of rows) refs.set(r.id, { id: r.id, name: r.display_name ?? r.username });
  for (const id of wanted) if (!refs.has(id)) refs.set(id, { id, name: `#${id}` });
  return refs;
}

/** Turns summary rows into the contract's shape (one users lookup for all of them). */
export function toSummaries(db: Db, rows: SummaryRow[]): ConversationSummary[] {
  const staff = staffRefs(db, rows.flatMap(r => [r.assigned_to, r.resolved_by]));
  return rows.map(r => ({
    id: r.id,
    contact: { id: r.contact_id, phone: maskPhone(r.wa_key), profileName: r.profile_name, language: r.language },
    state: r.state,
    priority: r.priority,
    feature: r.feature,
    regionCode: r.region_code,
    regionName: r.region_name,
    startedAt: r.started_at,
    lastMessageAt: r.last_message_at,
    endedAt: r.ended_at,
    messageCount: r.message_count,
    flags: flagsOf(r.flags),
    assignedTo: r.assigned_to === null ? null : staff.get(r.assigned_to)!,
    assignedAt: r.assigned_at,
    waitingSince: r.waiting_since,
    firstReplyAt: r.first_reply_at,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by === null ? null : staff.get(r.resolved_by)!,
    windowClosesAt: r.last_inbound_ts === null ? null : r.last_inbound_ts * 1000 + serviceWindowMs,
  }));
}

/** One conversation's summary, or null. */
export function getConversationSummary(db: Db, id: number): ConversationSummary | null {
  const row = db.prepare(`SELECT ${summaryColumns} ${summaryFrom} WHERE c.id = ?`).get(id) as SummaryRow | undefined;
  return row === undefined ? null : toSummaries(db, [row])[0]!;
}

/**
 * The list, newest activity first, keyset-paged on (last_message_at, id): a conversation that
 * gets a new message while someone pages moves above the cursor instead of appearing twice.
 */
export function listConversations(db: Db, q: ConversationListQuery): ConversationListResponse {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: q.limit + 1 };
  if (q.region === 'unknown') where.push('c.region_code IS NULL');
  else if (q.region !== undefined) {
    where.push('c.region_code = $region');
    params.region = q.region;
  }
  if (q.feature !== undefined) {
    where.push('c.feature = $feature');
    params.feature = q.feature;
  }
  if (q.state !== undefined) {
    where.push('c.state = $state');
    params.state = q.state;
  }
  if (q.flagged === 'true') where.push('c.flags != 0');
  else if (q.flagged === 'false') where.push('c.flags = 0');
  else if (q.flagged !== undefined) {
    where.push('(c.flags & $flag) != 0');
    params.flag = q.flagged === 'hoax' ? FLAG_HOAX : FLAG_HIGH_RISK;
  }
  if (q.from !== undefined) {
    where.push('c.last_message_at >= $from');
    params.from = q.from;
  }
  if (q.to !== undefined) {
    where.push('c.started_at < $to');
    params.to = q.to;
  }
  if (q.cursor !== undefined) {
    const [at, id] = q.cursor.split('.').map(Number) as [number, number];
    where.push('(c.last_message_at < $cursorAt OR (c.last_message_at = $cursorAt AND c.id < $cursorId))');
    params.cursorAt = at;
    params.cursorId = id;
  }
  const rows = db
    .prepare(
      `SELECT ${summaryColumns} ${summaryFrom}
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY c.last_message_at DESC, c.id DESC LIMIT $limit`
    )
    .all(params) as SummaryRow[];
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  const last = page[page.length - 1];
  return { items: toSummaries(db, page), nextCursor: more && last ? `${last.last_message_at}.${last.id}` : null };
}

/** The notes on a conversation, oldest first. */
export function listNotes(db: Db, conversationId: number): ConversationNote[] {
  const rows = db
    .prepare('SELECT id, author_id, text, created_at FROM conversation_notes WHERE conversation_id = ? ORDER BY id')
    .all(conversationId) as Array<{ id: number; author_id: number; text: string; created_at: number }>;
  const staff = staffRefs(db, rows.map(r => r.author_id));
  return rows.map(r => ({ id: r.id, author: staff.get(r.author_id)!, text: r.text, at: r.created_at }));
}

/** Adds a note; returns it. */
export function insertNote(db: Db, conversationId: number, authorId: number, text: string, now: number): ConversationNote {
  const id = Number(
    db
      .prepare('INSERT INTO conversation_notes (conversation_id, author_id, text, created_at) VALUES (?, ?, ?, ?)')
      .run(conversationId, authorId, text, now).lastInsertRowid
  );
  return { id, author: staffRefs(db, [authorId]).get(authorId)!, text, at: now };
}

type InboundRow = { id: number; type: string; text: string | null; forwarded: number; wa_timestamp: number; received_at: number; state: string };
type OutboundRow = {
  id: number;
  type: string;
  text: string | null;
  author: string;
  status: DeliveryStatus;
  created_at: number;
  sent_at: number | null;
  delivered_at: number | null;
  read_at: number | null;
  failed_at: number | null;
  error_code: number | null;
  error_reason: string | null;
};

/** Inbound and outbound messages of a conversation in time order (read receipts left out). */
export function getTranscript(db: Db, conversationId: number): TranscriptEntry[] {
  const inbound = db
    .prepare('SELECT id, type, text, forwarded, wa_timestamp, received_at, state FROM inbound_messages WHERE conversation_id = ? ORDER BY received_at, id')
    .all(conversationId) as InboundRow[];
  const outbound = db
    .prepare(
      `SELECT id, type, text, author, status, created_at, sent_at, delivered_at, read_at, failed_at, error_code, error_reason
       FROM outbound_messages WHERE conversation_id = ? AND kind != 'read' ORDER BY id`
    )
    .all(conversationId) as OutboundRow[];
  const userOf = (author: string): number | null => (author.startsWith('user:') ? Number(author.slice(5)) || null : null);
  const staff = staffRefs(db, outbound.map(o => userOf(o.author)));
  // Sorted by when each entered our system (arrival, queueing): Meta's timestamps have whole
  // seconds only, and a reply is queued after the message it answers arrived.
  const entries: Array<{ key: number; entry: TranscriptEntry }> = [
    ...inbound.map(m => ({
      key: m.received_at,
      entry: {
        direction: 'in' as const,
        id: m.id,
        at: m.wa_timestamp * 1000,
        receivedAt: m.received_at,
        type: m.type,
        text: m.text,
        forwarded: m.forwarded,
        state: m.state,
      },
    })),
    ...outbound.map(m => {
      const userId = userOf(m.author);
      const entry: TranscriptEntry = {
        direction: 'out',
        id: m.id,
        at: m.created_at,
        type: m.type,
        text: m.text,
        author: userId !== null ? 'user' : m.author === 'bot' ? 'bot' : 'system',
        user: userId === null ? null : staff.get(userId)!,
        status: m.status,
        sentAt: m.sent_at,
        deliveredAt: m.delivered_at,
        readAt: m.read_at,
        failedAt: m.failed_at,
        error: m.error_code === null && m.error_reason === null ? null : { code: m.error_code, reason: m.error_reason },
      };
      return { key: m.created_at, entry };
    }),
  ];
  // Stable: an answer queued in the same millisecond as the question stays after it.
  return entries.sort((a, b) => a.key - b.key).map(e => e.entry);
}

/** Details without viewers (those live in memory, see inbox/viewing.ts). */
export function getConversationDetail(db: Db, id: number): Omit<ConversationDetail, 'viewers'> | null {
  const conversation = getConversationSummary(db, id);
  if (conversation === null) return null;
  return { conversation, transcript: getTranscript(db, id), notes: listNotes(db, id) };
}
