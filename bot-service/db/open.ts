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
export function openDatabase(file: string, options: { migrate?: boolean; cacheMb?: number; checkpointPages?: number } = {}): Db {
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
  if (options.checkpointPages !== undefined) {
    db.pragma(`wal_autocheckpoint = ${Math.max(0, Math.floor(options.checkpointPages))}`);
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

/*
 * Statements that SQLite re-prepares on every run. SQLite plans some statements with the values
 * bound to them: a `LIMIT ?`, and an equality `column = ?` that a candidate plan does not use an
 * index for (the table scan it weighs for a `WHERE contact_id = ? ... ORDER BY ... LIMIT 1`).
 * Such a statement is marked to be re-planned when that binding changes, and better-sqlite3
 * clears the bindings after every run, so it is parsed and planned again each time: about 10 µs,
 * against 3 µs for the lookup itself. In the processing thread that was 6% of its time.
 * So the statements run for every message: take their limit as a literal (`preparePerLimit`),
 * and write such an equality as `column = +?` (the unary plus hides the value from the planner;
 * the index is still used).
 */

/**
 * One statement per limit, prepared when first used: `sql(limit)` must put the limit in as a
 * literal. Callers use a few limits only (a fixed page, or rounded up to a power of two).
 */
export function preparePerLimit(db: Db, sql: (limit: number) => string): (limit: number) => Statement {
  const byLimit = new Map<number, Statement>();
  return limit => {
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw new RangeError(`a limit must be a positive integer, got ${limit}`);
    }
    let statement = byLimit.get(limit);
    if (statement === undefined) {
      statement = db.prepare(sql(limit));
      byLimit.set(limit, statement);
    }
    return statement;
  };
}

/** The smallest power of two at or above `n` (limits rounded so only a few statements exist). */
export function powerOfTwoAtLeast(n: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(1, n)));
}

/** Runs `commit` (a transaction) with synchronous=FULL: on disk before it returns. */
export function withFullSync<T>(db: Db, commit: () => T): T {
  db.pragma('synchronous = FULL');
  try {
    return commit();
  } finally {
    db.pragma('synchronous = NORMAL');
  }
}
