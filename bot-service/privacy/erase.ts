import { randomBytes } from 'node:crypto';
import { audit } from '../api/audit.ts';
import { erasedKeyPrefix } from '../api/phone.ts';
import type { Db } from '../db/open.ts';
import { EventLog } from '../events/event-log.ts';
import { eraseClaimsOf } from '../hoax/erase.ts';
import { eventDataWithoutPersonalKeys } from './personal-keys.ts';
import { scrubOtherTables } from './other-tables.ts';
import { redactWebhookBody } from './webhook-redact.ts';

export type EraseCounts = {
  inboundMessages: number;
  outboundMessages: number;
  webhookEvents: number;
  events: number;
  notes: number;
  otherRows: number;
  cancelledOutbound: number;
};

export type EraseOptions = {
  /** Kept in the audit log, e.g. the staff member's reason or 'citizen request'. */
  reason?: string;
  /** How it was asked for: 'console' or 'citizen' ("hapus data saya"). */
  via?: string;
  now?: number;
};

/** Tables this module scrubs itself; `scrubOtherTables` handles any other table that refers to a contact. */
export const coreTables = new Set(['contacts', 'inbound_messages', 'outbound_messages', 'webhook_events', 'pending_statuses', 'events', 'conversations', 'conversation_notes', 'erasure_requests']);

/**
 * Erases a citizen's personal data and keeps the counts.
 *
 * Removes their message texts and payloads (inbound and outbound), their part of the raw webhook
 * bodies, their profile name, flow state and internal notes, and any text other tables hold about
 * their conversations; replaces the number (wa_key/wa_id/user_id) and Meta's message ids (which
 * encode the number) with irreversible random tokens, so rows, conversation counts and statistics
 * stay. Replies still queued are cancelled (there is no number left to send them to).
 *
 * Runs in its own transaction, or inside the caller's (better-sqlite3 nests it as a savepoint), so
 * the flow engine can call it while handling "hapus data saya". It appends a `contact.updated`
 * event: call `announce()` after the commit. Returns null when there is no such contact.
 */
export function eraseContact(db: Db, contactId: number, actorId: number | null, options: EraseOptions = {}): EraseCounts | null {
  const now = options.now ?? Date.now();
  return db.transaction((): EraseCounts | null => {
    const contact = db.prepare('SELECT id, wa_key, wa_id, user_id FROM contacts WHERE id = ?').get(contactId) as
      | { id: number; wa_key: string; wa_id: string | null; user_id: string | null }
      | undefined;
    if (contact === undefined) {
      return null;
    }
    const ids = new Set<string>([contact.wa_id, contact.user_id, contact.wa_key.startsWith(erasedKeyPrefix) ? null : contact.wa_key].filter(
      (v): v is string => v !== null && v !== ''
    ));
    const inboundWamids = (db.prepare('SELECT wamid FROM inbound_messages WHERE contact_id = ?').all(contactId) as Array<{ wamid: string }>).map(r => r.wamid);
    const outboundWamids = (
      db.prepare('SELECT wamid FROM outbound_messages WHERE contact_id = ? AND wamid IS NOT NULL').all(contactId) as Array<{ wamid: string }>
    ).map(r => r.wamid);
    const wamids = new Set([...inboundWamids, ...outboundWamids].filter(w => !w.startsWith(erasedKeyPrefix)));

    const webhookEvents = redactRawBodies(db, contactId, ids, wamids);

    const deletePending = db.prepare('DELETE FROM pending_statuses WHERE wamid = ?');
    for (const w of outboundWamids) {
      deletePending.run(w);
    }

    const inboundMessages = db
      .prepare(
        `UPDATE inbound_messages SET text = NULL, payload = '{}', wamid = '${erasedKeyPrefix}in.' || id || '.' || lower(hex(randomblob(6)))
         WHERE contact_id = ? AND (text IS NOT NULL OR payload != '{}' OR wamid NOT LIKE '${erasedKeyPrefix}%')`
      )
      .run(contactId).changes;

    const cancelledOutbound = db
      .prepare("UPDATE outbound_messages SET status = 'failed', failed_at = ?, error_reason = 'contact erased' WHERE contact_id = ? AND status = 'queued'")
      .run(now, contactId).changes;
    const outboundMessages = db
      .prepare(
        `UPDATE outbound_messages SET text = NULL, body = '{}',
           wamid = CASE WHEN wamid IS NULL THEN NULL ELSE '${erasedKeyPrefix}out.' || id END,
           error_reason = CASE WHEN error_reason = 'contact erased' THEN error_reason ELSE NULL END
         WHERE contact_id = ? AND (text IS NOT NULL OR body != '{}' OR (wamid IS NOT NULL AND wamid NOT LIKE '${erasedKeyPrefix}%') OR (error_reason IS NOT NULL AND error_reason != 'contact erased'))`
      )
      .run(contactId).changes;

    const events = db
      .prepare(
        `UPDATE events SET data = ${eventDataWithoutPersonalKeys}
         WHERE (contact_id = $c OR conversation_id IN (SELECT id FROM conversations WHERE contact_id = $c))
           AND ${eventDataWithoutPersonalKeys} != data`
      )
      .run({ c: contactId }).changes;

    const notes = tableExists(db, 'conversation_notes')
      ? db.prepare('DELETE FROM conversation_notes WHERE conversation_id IN (SELECT id FROM conversations WHERE contact_id = ?)').run(contactId).changes
      : 0;
    // Forwarded claims on the hoax desk: texts and their signatures go too; cluster counts stay.
    const claims = eraseClaimsOf(db, contactId);
    const otherRows = scrubOtherTables(db, contactId, coreTables);

    db.prepare('UPDATE contacts SET wa_key = ?, wa_id = NULL, user_id = NULL, profile_name = NULL, flow_state = NULL WHERE id = ?').run(
      erasedKeyPrefix + randomBytes(16).toString('hex'),
      contactId
    );

    const counts: EraseCounts = { inboundMessages, outboundMessages, webhookEvents, events, notes, otherRows: otherRows + claims, cancelledOutbound };
    audit(db, { actorId, action: 'contact.erase', target: `contact:${contactId}`, details: { reason: options.reason ?? null, via: options.via ?? null, ...counts } }, now);
    new EventLog(db).append({ type: 'contact.updated', contactId, at: now, data: { erased: true } });
    return counts;
  })();
}

/** Raw bodies that carried the citizen's messages, or statuses of messages to them. */
function redactRawBodies(db: Db, contactId: number, ids: ReadonlySet<string>, wamids: ReadonlySet<string>): number {
  const linked = db.prepare('SELECT DISTINCT event_id AS id FROM inbound_messages WHERE contact_id = ?').all(contactId) as Array<{ id: number }>;
  const candidates = new Set(linked.map(r => r.id));
  // Statuses are not linked to a message row: search the bodies since the citizen's first
  // message for their number (the ids grow with time, so older bodies cannot hold it).
  const since = linked.length === 0 ? 0 : linked.reduce((min, r) => Math.min(min, r.id), linked[0]!.id);
  const search = db.prepare('SELECT id FROM webhook_events WHERE id >= ? AND instr(body, ?) > 0');
  for (const id of ids) {
    for (const r of search.all(since, id) as Array<{ id: number }>) {
      candidates.add(r.id);
    }
  }
  const read = db.prepare('SELECT body FROM webhook_events WHERE id = ?');
  const write = db.prepare('UPDATE webhook_events SET body = ? WHERE id = ?');
  let changed = 0;
  for (const id of candidates) {
    const row = read.get(id) as { body: string } | undefined;
    if (row === undefined) continue;
    const redacted = redactWebhookBody(row.body, { ids, wamids });
    if (redacted !== row.body) {
      write.run(redacted, id);
      changed++;
    }
  }
  return changed;
}

export function tableExists(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}
