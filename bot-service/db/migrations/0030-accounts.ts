import type { Db } from '../open.ts';

/** Users, sessions, login throttling, the audit log and pending erasure requests (issue 4). */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      username TEXT NOT NULL COLLATE NOCASE UNIQUE,   -- unique regardless of case
      role TEXT NOT NULL CHECK (role IN ('admin', 'supervisor', 'volunteer', 'official')),
      display_name TEXT,
      password_hash TEXT NOT NULL,          -- scrypt$<log2 N>$<r>$<p>$<salt>$<key>
      disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
      created_at INTEGER NOT NULL,          -- epoch ms
      updated_at INTEGER NOT NULL,
      last_login_at INTEGER
    ) STRICT;

    -- Only the SHA-256 of a session token is stored: a copy of the database opens no session.
    CREATE TABLE sessions (
      id INTEGER PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,      -- hex
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at INTEGER NOT NULL,
      last_used_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,          -- slides forward on use
      address TEXT
    ) STRICT;
    CREATE INDEX sessions_user ON sessions(user_id);
    CREATE INDEX sessions_expiry ON sessions(expires_at);

    -- Failed logins per key ('account:<lower-case username>' or 'address:<ip>'), kept across restarts.
    CREATE TABLE login_throttle (
      key TEXT PRIMARY KEY,
      failures INTEGER NOT NULL,
      last_failure_at INTEGER NOT NULL,
      locked_until INTEGER
    ) STRICT;

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at INTEGER NOT NULL,                  -- epoch ms
      actor_id INTEGER REFERENCES users(id),  -- null: the system or the command-line tool
      action TEXT NOT NULL,                 -- e.g. auth.login, user.update, contact.reveal
      target TEXT,                          -- e.g. user:3, contact:17
      details TEXT NOT NULL DEFAULT '{}'    -- JSON
    ) STRICT;
    CREATE INDEX audit_log_actor ON audit_log(actor_id, id);
    CREATE INDEX audit_log_action ON audit_log(action, id);

    -- "hapus data saya": erased once the confirmation reply has left (privacy/erasure-requests.ts).
    CREATE TABLE erasure_requests (
      contact_id INTEGER PRIMARY KEY REFERENCES contacts(id),
      requested_at INTEGER NOT NULL,
      via TEXT NOT NULL,
      reason TEXT
    ) STRICT;
  `);
}
