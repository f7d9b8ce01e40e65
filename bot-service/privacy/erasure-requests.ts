import type { Db } from '../db/open.ts';
import { eraseContact } from './erase.ts';

/**
 * Erasure a citizen asked for ("hapus data saya"), done once the bot's confirmation has left.
 *
 * `eraseContact` destroys the number, so a reply still in the outbox could no longer be sent (it
 * is cancelled). The flow therefore queues its confirmation and records a request in the same
 * transaction; `processErasureRequests`, run every few seconds, erases each contact whose
 * replies have all been handed to WhatsApp, or that has waited longer than `maxWaitMs`.
 */

/** Records (or keeps) a pending erasure; callable inside the flow's transaction. */
export function requestErasure(db: Db, contactId: number, options: { via?: string; reason?: string | null; now?: number } = {}): void {
  db.prepare('INSERT INTO erasure_requests (contact_id, requested_at, via, reason) VALUES (?, ?, ?, ?) ON CONFLICT (contact_id) DO NOTHING').run(
    contactId,
    options.now ?? Date.now(),
    options.via ?? 'citizen',
    options.reason ?? 'citizen request'
  );
}

/** Erases the contacts whose requests are due; returns their ids (call `announce()` if any). */
export function processErasureRequests(db: Db, options: { now?: number; maxWaitMs?: number } = {}): number[] {
  const now = options.now ?? Date.now();
  const maxWaitMs = options.maxWaitMs ?? 10 * 60_000;
  const due = db
    .prepare(
      `SELECT r.contact_id, r.via, r.reason FROM erasure_requests r
       WHERE r.requested_at <= $tooOld
          OR NOT EXISTS (SELECT 1 FROM outbound_messages o WHERE o.contact_id = r.contact_id AND o.status IN ('queued', 'sending'))
       ORDER BY r.requested_at`
    )
    .all({ tooOld: now - maxWaitMs }) as Array<{ contact_id: number; via: string; reason: string | null }>;
  const erased: number[] = [];
  for (const r of due) {
    db.transaction(() => {
      eraseContact(db, r.contact_id, null, { via: r.via, reason: r.reason ?? undefined, now });
      db.prepare('DELETE FROM erasure_requests WHERE contact_id = ?').run(r.contact_id);
    })();
    erased.push(r.contact_id);
  }
  return erased;
}
