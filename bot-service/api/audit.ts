import type { Db } from '../db/open.ts';
import { insertAudit } from '../db/queries/audit.ts';

export type AuditInput = {
  /** The user who acted; null for the system or the command-line tool. */
  actorId: number | null;
  /** Dotted name, e.g. auth.login, user.update, contact.reveal, inbox.claim. */
  action: string;
  /** What it was done to, e.g. user:3, contact:17, conversation:42. */
  target?: string | null;
  /** Ids, codes and reasons; never a phone number or a citizen's message text. */
  details?: Record<string, unknown>;
};

/**
 * Records one entry in the audit log.
 *
 * Call it inside the transaction that makes the change (or reveals or exports something), so the
 * change and its record commit together or not at all.
 */
export function audit(db: Db, entry: AuditInput, now: number = Date.now()): number {
  return insertAudit(db, {
    at: now,
    actorId: entry.actorId,
    action: entry.action,
    target: entry.target ?? null,
    details: JSON.stringify(entry.details ?? {}),
  });
}
