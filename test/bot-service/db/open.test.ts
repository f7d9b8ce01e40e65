import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../bot-service/db/open.ts';
import { tempDir } from '../helpers.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** The service's connection and a second one to the same file (another process, e.g. `npm run users`). */
function twoConnections(): { service: Db; other: Database.Database } {
  const t = tempDir();
  const file = join(t.dir, 'bot.db');
  const service = openDatabase(file);
  const other = new Database(file);
  other.pragma('busy_timeout = 0');
  service.exec('CREATE TABLE counter (value INTEGER NOT NULL)');
  service.prepare('INSERT INTO counter VALUES (1)').run();
  cleanups.push(() => {
    other.close();
    service.close();
    t.cleanup();
  });
  return { service, other };
}

describe('db/open: transactions', () => {
  it('take the write lock when they begin, so no other writer commits between their read and their write', () => {
    const { service, other } = twoConnections();
    let refused: { code?: string } | null = null;
    service.transaction(() => {
      const value = service.prepare('SELECT value FROM counter').pluck().get() as number;
      try {
        other.prepare('UPDATE counter SET value = 100').run();
      } catch (error) {
        refused = error as { code?: string };
      }
      // With a deferred BEGIN the other commit would have gone through and this write would fail
      // (SQLITE_BUSY_SNAPSHOT), losing the request that made it.
      service.prepare('UPDATE counter SET value = ?').run(value + 1);
    })();
    expect(refused).not.toBeNull();
    expect(refused!.code).toBe('SQLITE_BUSY');
    expect(service.prepare('SELECT value FROM counter').pluck().get()).toBe(2);
  });

  it('nest as savepoints: an inner failure rolls back only its own work', () => {
    const { service } = twoConnections();
    service.transaction(() => {
      service.prepare('UPDATE counter SET value = 5').run();
      expect(() =>
        service.transaction(() => {
          service.prepare('UPDATE counter SET value = 6').run();
          throw new Error('inner work failed');
        })()
      ).toThrow('inner work failed');
    })();
    expect(service.prepare('SELECT value FROM counter').pluck().get()).toBe(5);
  });

  it('still offer a deferred transaction for a read that must not hold up writers', () => {
    const { service, other } = twoConnections();
    const seen = service.transaction(() => {
      const before = service.prepare('SELECT value FROM counter').pluck().get();
      other.prepare('UPDATE counter SET value = 7').run(); // a reader does not block a writer
      return before;
    }).deferred();
    expect(seen).toBe(1);
    expect(service.prepare('SELECT value FROM counter').pluck().get()).toBe(7);
  });
});
