import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate.ts';

export type Db = Database.Database;

/**
 * Opens (and creates) the database file, sets WAL and migrates it.
 *
 * Durability: the commit that lets us acknowledge a webhook runs with synchronous=FULL (see
 * `withFullSync`), so an acknowledged message is on disk; the journal batches those commits
 * (group commit), one fsync per batch. Everything else (flow decisions, outbox bookkeeping)
 * commits with synchronous=NORMAL: in WAL mode that survives a process crash, and after a
 * power loss at worst re-runs work whose inbound message is still durably stored as pending.
 * The next FULL commit also makes every earlier NORMAL commit durable.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true });
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** A prepared statement; modules prepare theirs once and reuse them on the hot path. */
export type Statement = Database.Statement;

/** Runs `commit` (a transaction) with synchronous=FULL: on disk before it returns. */
export function withFullSync<T>(db: Db, commit: () => T): T {
  db.pragma('synchronous = FULL');
  try {
    return commit();
  } finally {
    db.pragma('synchronous = NORMAL');
  }
}
