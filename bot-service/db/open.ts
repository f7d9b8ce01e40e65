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
 *
 * Transactions begin IMMEDIATE: another process may write the same file now and then (`npm run
 * users` while the service runs), and a transaction that read first and writes later would
 * otherwise fail at once (SQLITE_BUSY_SNAPSHOT) when it committed in between, instead of waiting
 * (busy_timeout) for its turn.
 */
export function openDatabase(file: string, options: { migrate?: boolean; cacheMb?: number } = {}): Db {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true });
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (options.cacheMb !== undefined) {
    db.pragma(`cache_size = -${options.cacheMb * 1024}`);
  }
  if (options.migrate !== false) {
    // The processing thread opens a file the webhook thread has already migrated.
    migrate(db);
  }
  beginImmediate(db);
  return db;
}

/** Makes `db.transaction(fn)()` begin IMMEDIATE; nested calls stay savepoints, `.deferred` is still there. */
function beginImmediate(db: Db): void {
  const transactionOf = db.transaction.bind(db);
  db.transaction = (fn => transactionOf(fn).immediate) as Db['transaction'];
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
