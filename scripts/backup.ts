/**
 * `npm run backup [-- destination]` (`node scripts/backup.ts [destination]`): a consistent copy of
 * bot-service's database while the service runs.
 *
 * It uses SQLite's online backup API (better-sqlite3 `db.backup()`) from its own connection and
 * copies every page in one step, that is inside one read transaction: in WAL mode the service keeps
 * writing meanwhile, and the copy is the database exactly as of the moment the step began. The
 * copy is then made a single self-contained file (journal_mode DELETE), checked with
 * `PRAGMA integrity_check` and its schema version, and its path printed on stdout (details on stderr).
 *
 * Webhooks are acknowledged once they are in the webhook journal (`webhooks.db` beside the
 * database); the service moves them into the database soon after. Entries not yet moved when the
 * copy was taken are moved into the copy, read after it, so the backup holds every message
 * acknowledged before it began, in one file.
 *
 * Default destination: `${BOT_DATA_DIR}/backups/bot-<YYYYMMDD-HHMMSS in WIB>.db`.
 * Restore with scripts/restore.ts (see docs/operations.md).
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadEnv } from '../bot-service/config.ts';
import { latestVersion } from '../bot-service/db/migrate.ts';
import { openDatabase } from '../bot-service/db/open.ts';
import { EventLog } from '../bot-service/events/event-log.ts';
import { JournalFollower } from '../bot-service/journal/follower.ts';
import { webhookJournalFileName } from '../bot-service/journal/webhook-journal.ts';
import { createLogger } from '../bot-service/logger.ts';
import { StatusApplier } from '../bot-service/outbox/statuses.ts';

export class BackupError extends Error {}

export type BackupResult = {
  path: string;
  bytes: number;
  userVersion: number;
  pages: number;
  /** Webhook journal entries moved into the copy (acknowledged, not yet in the database). */
  journalEntries: number;
  ms: number;
};

/** The data folder as bot-service finds it: BOT_DATA_DIR from the environment or `.env`, else ./data. */
export function dataDirFromEnv(env: Record<string, string | undefined> = loadEnv(process.env)): string {
  const dir = env.BOT_DATA_DIR;
  return resolve(dir === undefined || dir === '' ? './data' : dir);
}

/** `YYYYMMDD-HHMMSS` in Asia/Jakarta (WIB, UTC+7, no daylight saving). */
export function wibStamp(ms: number = Date.now()): string {
  const iso = new Date(ms + 7 * 3_600_000).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
}

/** `${dataDir}/backups/bot-<WIB stamp>.db`, with a suffix if that name is taken. */
export function defaultBackupPath(dataDir: string, ms: number = Date.now()): string {
  const base = join(dataDir, 'backups', `bot-${wibStamp(ms)}`);
  let path = `${base}.db`;
  for (let i = 2; existsSync(path); i++) {
    path = `${base}-${i}.db`;
  }
  return path;
}

/**
 * Checks a database file: integrity, and a schema version this code can open.
 * Returns the schema version (`PRAGMA user_version`).
 */
export function verifyDatabase(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const problems = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map(r => r.integrity_check);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new BackupError(`${file} fails the integrity check: ${problems.slice(0, 5).join('; ')}`);
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version <= 0) {
      throw new BackupError(`${file} has no schema (user_version 0): not a bot-service database`);
    }
    if (version > latestVersion) {
      throw new BackupError(`${file} has schema version ${version}, newer than this code (${latestVersion})`);
    }
    return version;
  } finally {
    db.close();
  }
}

/** Copies the live database `source` to `destination` (which must not exist) and verifies the copy. */
export async function backupDatabase(source: string, destination: string): Promise<BackupResult> {
  const started = Date.now();
  if (!existsSync(source)) {
    throw new BackupError(`no database at ${source} (is BOT_DATA_DIR right?)`);
  }
  if (existsSync(destination)) {
    throw new BackupError(`${destination} already exists; choose another destination`);
  }
  mkdirSync(dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  // A connection of our own; it never writes. The service's WAL connection is not disturbed.
  const db = new Database(source, { fileMustExist: true, timeout: 10_000 });
  let pages = 0;
  let sourceVersion: number;
  try {
    sourceVersion = db.pragma('user_version', { simple: true }) as number;
    // All pages in one step: one read transaction, so concurrent writes never restart the copy.
    const progress = await db.backup(partial, { progress: () => 0x7fffffff });
    pages = progress.totalPages;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  let journalEntries = 0;
  try {
    journalEntries = moveJournalInto(partial, join(dirname(source), webhookJournalFileName));
    const copy = new Database(partial, { fileMustExist: true });
    copy.pragma('journal_mode = DELETE');
    copy.close();
    const version = verifyDatabase(partial);
    if (version !== sourceVersion) {
      throw new BackupError(`the copy has schema version ${version}, the database ${sourceVersion}`);
    }
    renameSync(partial, destination);
  } catch (error) {
    rmSync(partial, { force: true });
    rmSync(`${partial}-journal`, { force: true });
    throw error;
  }
  return { path: destination, bytes: statSync(destination).size, userVersion: sourceVersion, pages, journalEntries, ms: Date.now() - started };
}

/** Moves the webhook journal's entries that `copyFile` does not hold yet into it; returns how many. */
function moveJournalInto(copyFile: string, journalFile: string): number {
  if (!existsSync(journalFile)) {
    return 0;
  }
  const copy = openDatabase(copyFile, { migrate: false });
  const events = new EventLog(copy);
  const follower = new JournalFollower(copy, journalFile, events, new StatusApplier(copy, events), createLogger('silent'));
  try {
    let moved = 0;
    for (let batch = follower.moveBatch(); batch.entries > 0; batch = follower.moveBatch()) {
      moved += batch.entries;
    }
    return moved;
  } finally {
    follower.close();
    copy.close();
  }
}

if (import.meta.filename === process.argv[1]) {
  const dataDir = dataDirFromEnv();
  const destination = process.argv[2] ? resolve(process.argv[2]) : defaultBackupPath(dataDir);
  try {
    const r = await backupDatabase(join(dataDir, 'bot.db'), destination);
    process.stderr.write(
      `backup: ${(r.bytes / 1_048_576).toFixed(1)} MB, ${r.pages} pages, ${r.journalEntries} journaled webhooks moved in, schema version ${r.userVersion}, integrity ok, ${r.ms} ms\n`
    );
    process.stdout.write(`${r.path}\n`);
  } catch (error) {
    process.stderr.write(`backup failed: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
