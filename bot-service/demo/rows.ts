import type { Db } from '../db/open.ts';
import { BulkInsert, sqlText } from './bulk.ts';
import type { DemoConversation } from './model.ts';
import { countedAt } from './tally.ts';

/** Texts of the demo: marked as such, never anyone's words. */
export const DEMO_TEXT = {
  inbound: '(pesan demo)',
  forwarded: '(pesan demo: pesan berantai yang diteruskan)',
  bot: '(balasan demo)',
  volunteer: '(balasan relawan demo)',
} as const;

const QUIET_MS = 30 * 60_000;
const FLAG_HOAX = 1;
const FLAG_HIGH_RISK = 2;

/** `demo-000123`: never a real-looking phone number. */
export const demoKey = (n: number): string => `demo-${String(n).padStart(6, '0')}`;

const payloadOf = (text: string, forwarded: boolean): string =>
  JSON.stringify({ type: 'text', text: { body: text }, ...(forwarded ? { context: { forwarded: true } } : {}) });
const bodyOf = (text: string): string => JSON.stringify({ type: 'text', text: { body: text } });

export type ContactRow = { id: number; n: number; region: string | null; lastInbound: number; created: number; firstDay: string };

/** Writes the demo citizens (and the day each first wrote), inside the caller's transaction. */
export function writeContacts(db: Db, contacts: Iterable<ContactRow>): void {
  const insert = new BulkInsert(db, 'contacts', ['id', 'wa_key', 'profile_name', 'language', 'region_code', 'last_inbound_ts', 'created_at']);
  const firsts = new BulkInsert(db, 'stats_contacts', ['contact_id', 'first_day'], {}, 'INSERT OR IGNORE');
  for (const c of contacts) {
    // One in twenty chose English.
    insert.add(c.id, demoKey(c.n), `Warga Demo ${c.n}`, c.n % 20 === 7 ? 'en' : 'id', c.region, Math.floor(c.lastInbound / 1000), c.created);
    firsts.add(c.id, c.firstDay);
  }
  insert.flush();
  firsts.flush();
}

/**
 * Writes the conversations and their messages, inside the caller's transaction; returns how many
 * messages. Outgoing messages carry no wamid: none of them ever went to Meta.
 */
export function writeConversations(
  db: Db,
  conversations: readonly DemoConversation[],
  regionCode: (region: number) => string | null
): { inbound: number; outbound: number } {
  const first = conversations[0];
  if (first === undefined) {
    return { inbound: 0, outbound: 0 };
  }
  // Every demo message points at one marked webhook record instead of a made-up request body.
  const eventId = Number(
    db
      .prepare("INSERT INTO webhook_events (received_at, phone_number_id, body) VALUES (?, 'demo', ?)")
      .run(first.start, JSON.stringify({ demo: true, note: 'demo history: no request was received' })).lastInsertRowid
  );
  const conversationRows = new BulkInsert(
    db,
    'conversations',
    ['id', 'contact_id', 'started_at', 'last_message_at', 'ended_at', 'region_code', 'feature', 'message_count', 'flags', 'waiting_since', 'assigned_at', 'first_reply_at', 'resolved_at'],
    { state: sqlText('closed'), priority: '0' }
  );
  const inboundRows = new BulkInsert(
    db,
    'inbound_messages',
    ['wamid', 'contact_id', 'conversation_id', 'forwarded', 'text', 'payload', 'wa_timestamp', 'received_at', 'handled_at'],
    { event_id: String(eventId), type: sqlText('text'), state: sqlText('handled') }
  );
  const outboundRows = new BulkInsert(
    db,
    'outbound_messages',
    ['contact_id', 'conversation_id', 'author', 'status', 'text', 'body', 'created_at', 'next_attempt_at', 'sent_at', 'delivered_at', 'read_at', 'failed_at', 'error_code', 'error_reason'],
    { kind: sqlText('message'), type: sqlText('text'), attempts: '1' }
  );
  const payload = { inbound: payloadOf(DEMO_TEXT.inbound, false), forwarded: payloadOf(DEMO_TEXT.forwarded, true) };
  const body = { bot: bodyOf(DEMO_TEXT.bot), volunteer: bodyOf(DEMO_TEXT.volunteer) };

  for (const c of conversations) {
    const lastIn = c.inbound[c.inbound.length - 1]!;
    const flags = (c.hoax !== null ? FLAG_HOAX : 0) | (c.selfcheck?.level === 'tinggi' ? FLAG_HIGH_RISK : 0);
    const h = c.handoff;
    conversationRows.add(
      c.id,
      c.contactId,
      c.start,
      lastIn,
      Math.max(lastIn, h?.resolved ?? 0) + QUIET_MS,
      regionCode(c.region),
      c.features.length > 0 ? c.features[c.features.length - 1]!.feature : null,
      c.inbound.length,
      flags,
      h?.requested ?? null,
      h?.claimed ?? null,
      h?.firstReply ?? null,
      h?.resolved ?? null
    );
  }
  // Messages after their conversations: the foreign keys are checked row by row.
  conversationRows.flush();
  for (const c of conversations) {
    for (let i = 0; i < c.inbound.length; i++) {
      const at = c.inbound[i]!;
      const forwarded = i === c.forwardedAt;
      const received = at + 300 + (inboundRows.count % 900);
      inboundRows.add(
        `wamid.demo.${inboundRows.count + 1}`,
        c.contactId,
        c.id,
        forwarded ? 1 : 0,
        forwarded ? DEMO_TEXT.forwarded : DEMO_TEXT.inbound,
        forwarded ? payload.forwarded : payload.inbound,
        Math.floor(countedAt(at) / 1000),
        received,
        received + 40
      );
    }
    for (const o of c.outbound) {
      const failed = o.status === 'failed';
      outboundRows.add(
        c.contactId,
        c.id,
        o.author,
        o.status,
        o.volunteer ? DEMO_TEXT.volunteer : DEMO_TEXT.bot,
        o.volunteer ? body.volunteer : body.bot,
        o.at,
        o.at,
        o.sentAt,
        o.deliveredAt,
        o.readAt,
        o.failedAt,
        failed ? 131026 : null,
        failed ? 'Message undeliverable (demo)' : null
      );
    }
  }
  inboundRows.flush();
  outboundRows.flush();
  return { inbound: inboundRows.count, outbound: outboundRows.count };
}
