import type { Role } from '../../contract/auth.ts';
import type { Db } from '../open.ts';

/** A session joined with its user, as the guard reads it. */
export type SessionWithUser = {
  session_id: number;
  expires_at: number;
  last_used_at: number;
  user_id: number;
  username: string;
  role: Role;
  display_name: string | null;
  disabled: 0 | 1;
};

export function insertSession(
  db: Db,
  session: { tokenHash: string; userId: number; now: number; expiresAt: number; address: string | null }
): number {
  const info = db
    .prepare('INSERT INTO sessions (token_hash, user_id, created_at, last_used_at, expires_at, address) VALUES (?, ?, ?, ?, ?, ?)')
    .run(session.tokenHash, session.userId, session.now, session.now, session.expiresAt, session.address);
  return Number(info.lastInsertRowid);
}

export function findSessionByTokenHash(db: Db, tokenHash: string): SessionWithUser | undefined {
  return db
    .prepare(
      `SELECT s.id AS session_id, s.expires_at, s.last_used_at, u.id AS user_id, u.username, u.role, u.display_name, u.disabled
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`
    )
    .get(tokenHash) as SessionWithUser | undefined;
}

export function touchSession(db: Db, sessionId: number, now: number, expiresAt: number): void {
  db.prepare('UPDATE sessions SET last_used_at = ?, expires_at = ? WHERE id = ?').run(now, expiresAt, sessionId);
}

export function deleteSession(db: Db, sessionId: number): void {
  db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId);
}

/** Ends every session of the user; returns how many. */
export function deleteUserSessions(db: Db, userId: number): number {
  return db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId).changes;
}

export function deleteExpiredSessions(db: Db, now: number): number {
  return db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes;
}
