import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate.ts';

export type Db = Database.Database;

/**
 * Opens (and creates) the database file, sets WAL with full durability and migrates it.
 *
 * synchronous=FULL: a commit is on disk before we acknowledge a webhook; the journal batches
 * commits (group commit) so this costs one fsync per batch, not per request.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true });
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** A prepared statement; modules prepare theirs once and reuse them on the hot path. */
export type Statement = Database.Statement;
