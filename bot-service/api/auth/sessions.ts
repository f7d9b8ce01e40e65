import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '../../contract/auth.ts';
import type { Db } from '../../db/open.ts';
import { deleteSession, findSessionByTokenHash, insertSession, touchSession } from '../../db/queries/sessions.ts';

/** A session lasts 12 hours from its last use. */
export const sessionTtlMs = 12 * 60 * 60 * 1000;
// Sliding the expiry on every request would write on every read; once a minute is enough.
const touchEveryMs = 60 * 1000;

export type ActiveSession = { sessionId: number; user: SessionUser; expiresAt: number };

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Opens a session: a random 32-byte token for the client, only its SHA-256 kept. */
export function createSession(db: Db, userId: number, address: string | null, now: number): { token: string; expiresAt: number } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + sessionTtlMs;
  insertSession(db, { tokenHash: hashToken(token), userId, now, expiresAt, address });
  return { token, expiresAt };
}

const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/**
 * The session a token opens, sliding its expiry; null when the token is unknown, expired,
 * revoked or its user disabled (an expired session is deleted on sight).
 */
export function authenticateToken(db: Db, token: string, now: number): ActiveSession | null {
  if (!tokenShape.test(token)) {
    return null;
  }
  const row = findSessionByTokenHash(db, hashToken(token));
  if (row === undefined) {
    return null;
  }
  if (row.expires_at <= now) {
    deleteSession(db, row.session_id);
    return null;
  }
  if (row.disabled === 1) {
    return null;
  }
  let expiresAt = row.expires_at;
  if (now - row.last_used_at >= touchEveryMs) {
    expiresAt = now + sessionTtlMs;
    touchSession(db, row.session_id, now, expiresAt);
  }
  return {
    sessionId: row.session_id,
    expiresAt,
    user: { id: row.user_id, username: row.username, role: row.role, displayName: row.display_name },
  };
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined) {
    return null;
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}
