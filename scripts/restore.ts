/**
 * `node scripts/restore.ts <backup.db> [data-dir]`: puts a backup (from scripts/backup.ts) back as
 * bot-service's database, `${data-dir}/bot.db` (data-dir defaults to BOT_DATA_DIR, else ./data).
 *
 * Stop bot-service first. The restore refuses to touch a database that a running process has open.
 * A database already there is kept beside it as `bot.db.before-restore-<WIB stamp>`, never deleted;
 * its WAL is folded into it first, so no stale WAL can be replayed onto the restored file.
 * The webhook journal there (`webhooks.db`, acknowledged webhooks on their way into the database)
 * belongs to the replaced database: it is kept aside the same way, so nothing from after the
 * backup is replayed onto it.
 * The backup is verified (integrity, schema version) before and after it is copied in.
 * Start bot-service afterwards: it migrates the restored file if it is older than the code.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, openSync, closeSync, fsyncSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { webhookJournalFileName } from '../bot-service/journal/webhook-journal.ts';
import { BackupError, dataDirFromEnv, verifyDatabase, wibStamp } from './backup.ts';

export type RestoreResult = { restored: string; previous: string | null; previousJournal: string | null; userVersion: number };

/**
 * Returns false if another process holds the database open (bot-service running).
 * As a side effect a database nobody uses is switched to journal_mode DELETE, which folds its WAL
 * into the file; bot-service switches it back to WAL when it opens it.
 */
export function foldIfUnused(file: string): boolean {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('journal_mode = DELETE');
    return true;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY') || /locked|busy/i.test((error as Error).message)) {
      return false;
    }
    throw error;
  } finally {
    db.close();
  }
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Renames `file` (its WAL folded in first) to `<file>.before-restore-<WIB stamp>`; null if there is none. */
function setAside(file: string): string | null {
  if (!existsSync(file)) {
    return null;
  }
  if (!foldIfUnused(file)) {
    throw new BackupError(`${file} is in use (bot-service running?): stop it, then restore`);
  }
  const kept = `${file}.before-restore-${wibStamp()}`;
  renameSync(file, kept);
  return kept;
}

/** Restores `backupFile` into `dataDir`; throws a BackupError (nothing changed) if it must not. */
export function restoreDatabase(backupFile: string, dataDir: string): RestoreResult {
  const source = resolve(backupFile);
  if (!existsSync(source)) {
    throw new BackupError(`no backup at ${source}`);
  }
  const userVersion = verifyDatabase(source);
  mkdirSync(dataDir, { recursive: true });
  const target = join(dataDir, 'bot.db');
  const journal = join(dataDir, webhookJournalFileName);
  const previous = setAside(target);
  const previousJournal = setAside(journal);
  // Without their database, a WAL or shared-memory file is stale and must not meet the restored one.
  for (const file of [target, journal]) {
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    rmSync(`${file}-journal`, { force: true });
  }
  const partial = `${target}.restoring`;
  copyFileSync(source, partial);
  fsyncFile(partial);
  renameSync(partial, target);
  verifyDatabase(target);
  return { restored: target, previous, previousJournal, userVersion };
}

if (import.meta.filename === process.argv[1]) {
  const backupFile = process.argv[2];
  if (!backupFile) {
    process.stderr.write('usage: node scripts/restore.ts <backup.db> [data-dir]\n');
    process.exit(2);
  }
  const dataDir = process.argv[3] ? resolve(process.argv[3]) : dataDirFromEnv();
  try {
    const r = restoreDatabase(backupFile, dataDir);
    if (r.previous) {
      process.stderr.write(`restore: the database that was there is kept as ${r.previous}\n`);
    }
    if (r.previousJournal) {
      process.stderr.write(`restore: its webhook journal is kept as ${r.previousJournal}\n`);
    }
    process.stderr.write(`restore: schema version ${r.userVersion}, integrity ok; start bot-service now\n`);
    process.stdout.write(`${r.restored}\n`);
  } catch (error) {
    process.stderr.write(`restore failed: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
