import { hashPasswordSync } from '../../api/auth/password.ts';
import type { Role } from '../../contract/auth.ts';
import type { Db } from '../open.ts';

/** A users row. */
export type UserRow = {
  id: number;
  username: string;
  role: Role;
  display_name: string | null;
  password_hash: string;
  disabled: 0 | 1;
  created_at: number;
  updated_at: number;
  last_login_at: number | null;
};

export class DuplicateUsernameError extends Error {}

export type NewUser = {
  username: string;
  password: string;
  role: Role;
  displayName?: string | null;
  /** log2 of scrypt's N; tests may pass a low one to run fast. */
  hashCost?: number;
};

/**
 * Creates a user with a scrypt hash of the password (synchronous: for the CLI, bootstrap and
 * tests; request handlers hash on the thread pool and call `insertUser`).
 */
export function createUser(db: Db, user: NewUser): { id: number } {
  return insertUser(db, {
    username: user.username,
    role: user.role,
    displayName: user.displayName ?? null,
    passwordHash: hashPasswordSync(user.password, user.hashCost),
  });
}

/** Inserts a user whose password is already hashed; throws DuplicateUsernameError when taken (any case). */
export function insertUser(
  db: Db,
  user: { username: string; role: Role; displayName: string | null; passwordHash: string },
  now: number = Date.now()
): { id: number } {
  try {
    const info = db
      .prepare(
        `INSERT INTO users (username, role, display_name, password_hash, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`
      )
      .run(user.username, user.role, user.displayName, user.passwordHash, now, now);
    return { id: Number(info.lastInsertRowid) };
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new DuplicateUsernameError(`username "${user.username}" is taken`);
    }
    throw error;
  }
}

export function findUserByUsername(db: Db, username: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
}

export function getUser(db: Db, id: number): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

export function listUsers(db: Db): UserRow[] {
  return db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[];
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
}

/** Active admins other than `exceptId`: an admin may not demote or disable the last one. */
export function countOtherActiveAdmins(db: Db, exceptId: number): number {
  return (db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0 AND id != ?").get(exceptId) as { n: number }).n;
}

export type UserChanges = {
  role?: Role;
  disabled?: boolean;
  displayName?: string | null;
  passwordHash?: string;
};

/** Applies the given changes; returns false when there is no such user. */
export function updateUser(db: Db, id: number, changes: UserChanges, now: number = Date.now()): boolean {
  const info = db
    .prepare(
      `UPDATE users SET
         role = COALESCE($role, role),
         disabled = COALESCE($disabled, disabled),
         display_name = CASE WHEN $setName THEN $displayName ELSE display_name END,
         password_hash = COALESCE($passwordHash, password_hash),
         updated_at = $now
       WHERE id = $id`
    )
    .run({
      id,
      now,
      role: changes.role ?? null,
      disabled: changes.disabled === undefined ? null : changes.disabled ? 1 : 0,
      setName: changes.displayName === undefined ? 0 : 1,
      displayName: changes.displayName ?? null,
      passwordHash: changes.passwordHash ?? null,
    });
  return info.changes > 0;
}

export function recordLogin(db: Db, id: number, now: number): void {
  db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?').run(now, id);
}
