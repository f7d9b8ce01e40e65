import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestVersion, migrate, MigrationError } from '../../../bot-service/db/migrate.ts';
import { openDatabase, withFullSync } from '../../../bot-service/db/open.ts';
import { tempDir } from '../helpers.ts';

describe('db/migrate', () => {
  it('creates a fresh database in WAL mode with full sync, at the latest version', () => {
    const t = tempDir();
    const db = openDatabase(join(t.dir, 'nested', 'bot.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // NORMAL at rest; the journal's acknowledging commits run with FULL (withFullSync).
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(withFullSync(db, () => db.pragma('synchronous', { simple: true }))).toBe(2);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'inbound_messages'").get()).toEqual({ n: 1 });
    // Created by 0070, dropped by 0110: no write per handled message for a question no flow asks.
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'inbound_handled_by_contact'").get()).toEqual({ n: 0 });
    db.close();
    t.cleanup();
  });

  it('is idempotent: opening again changes nothing', () => {
    const t = tempDir();
    const file = join(t.dir, 'bot.db');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(migrate(db)).toBe(latestVersion);
    db.close();
    t.cleanup();
  });

  it('refuses a database written by newer code, and leaves it untouched', () => {
    const t = tempDir();
    const file = join(t.dir, 'bot.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${latestVersion + 10}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(MigrationError);
    expect(() => openDatabase(file)).toThrow(/newer than this code/);
    const check = new Database(file);
    expect(check.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
    check.close();
    t.cleanup();
  });
});
