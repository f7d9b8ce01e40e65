import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../bot-service/db/open.ts';
import { EventLog } from '../../../bot-service/events/event-log.ts';
import { JournalFollower } from '../../../bot-service/journal/follower.ts';
import { WalSync } from '../../../bot-service/journal/wal-sync.ts';
import { WebhookJournal } from '../../../bot-service/journal/webhook-journal.ts';
import { StatusApplier } from '../../../bot-service/outbox/statuses.ts';
import { envelope, messageValue, phoneNumberId } from '../fixtures/webhooks.ts';
import { tempDir } from '../helpers.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup(): { dir: string; db: Db; journalFile: string; journal: WebhookJournal; follower: (options?: { fullSyncEveryMs?: number }) => JournalFollower } {
  const t = tempDir();
  const db = openDatabase(join(t.dir, 'bot.db'));
  const journalFile = join(t.dir, 'webhooks.db');
  const journal = new WebhookJournal(journalFile, { movedUpTo: 0 });
  const followers: JournalFollower[] = [];
  cleanups.push(() => {
    followers.forEach(f => f.close());
    journal.close();
    db.close();
    t.cleanup();
  });
  const events = new EventLog(db);
  return {
    dir: t.dir,
    db,
    journalFile,
    journal,
    follower: (options = {}) => {
      const f = new JournalFollower(db, journalFile, events, new StatusApplier(db, events), pino({ level: 'silent' }), options);
      followers.push(f);
      return f;
    },
  };
}

const body = (waId: string, text: string, wamid?: string): string => {
  const value = messageValue(waId, { type: 'text', text: { body: text } }) as { messages: Array<{ id: string }> };
  if (wamid !== undefined) value.messages[0]!.id = wamid;
  return JSON.stringify(envelope([value]));
};
const stored = (db: Db): string[] => (db.prepare('SELECT text FROM inbound_messages ORDER BY id').pluck().all() as string[]);

describe('journal/webhook journal', () => {
  it('commits the requests of one turn together and numbers them in order', async () => {
    const { journal } = setup();
    const seqs = await Promise.all([1, 2, 3].map(i => journal.submit(body('6281200000001', `m${i}`), phoneNumberId)));
    expect(seqs).toEqual([1, 2, 3]);
    expect(journal.db.prepare('SELECT COUNT(*) FROM webhook_journal').pluck().get()).toBe(3);
  });

  it('rejects, and acknowledges nothing, when the file cannot take the batch', async () => {
    const { journal } = setup();
    await journal.submit(body('6281200000002', 'first'), phoneNumberId);
    journal.db.pragma(`max_page_count = ${journal.db.pragma('page_count', { simple: true }) as number}`);
    const big = body('6281200000002', 'x'.repeat(200_000));
    await expect(journal.submit(big, phoneNumberId)).rejects.toThrow(/full/i);
    expect(journal.db.prepare('SELECT COUNT(*) FROM webhook_journal').pluck().get()).toBe(1);
  });

  it('a new or lost journal file numbers after what the database already holds, so nothing is skipped', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const journal = new WebhookJournal(join(t.dir, 'webhooks.db'), { movedUpTo: 41 });
    cleanups.push(() => journal.close());
    expect(await journal.submit(body('6281200000003', 'after a restore'), phoneNumberId)).toBe(42);
  });

  it('prunes only up to what it is told is stored elsewhere', async () => {
    const { journal } = setup();
    for (let i = 0; i < 5; i++) await journal.submit(body('6281200000004', `m${i}`), phoneNumberId);
    journal.prune(3, 0);
    expect(journal.db.prepare('SELECT seq FROM webhook_journal ORDER BY seq').pluck().all()).toEqual([4, 5]);
  });
});

describe('journal/follower', () => {
  it('moves every entry once, in order, and records how far it got in the same transaction', async () => {
    const { db, journal, follower } = setup();
    const f = follower();
    for (let i = 0; i < 5; i++) await journal.submit(body(`62812000001${i}`, `m${i}`), phoneNumberId);
    const first = f.moveBatch();
    expect(first).toMatchObject({ entries: 5, movedUpTo: 5 });
    expect(first.contactIds).toHaveLength(5);
    expect(stored(db)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    expect(f.moveBatch().entries).toBe(0);
    // A second follower (after a restart) starts where the database says, not from the start.
    await journal.submit(body('6281200000115', 'm5'), phoneNumberId);
    expect(follower().moveBatch()).toMatchObject({ entries: 1, movedUpTo: 6 });
    expect(stored(db)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
    expect(db.prepare('SELECT COUNT(*) FROM webhook_events').pluck().get()).toBe(6);
  });

  it('stores a message Meta delivered twice once', async () => {
    const { db, journal, follower } = setup();
    const f = follower();
    await journal.submit(body('6281200000201', 'halo', 'wamid.twice'), phoneNumberId);
    await journal.submit(body('6281200000201', 'halo', 'wamid.twice'), phoneNumberId);
    const moved = f.moveBatch();
    expect(moved.entries).toBe(2);
    expect(moved.contactIds).toHaveLength(1);
    expect(stored(db)).toEqual(['halo']);
    expect(db.prepare('SELECT COUNT(*) FROM webhook_events').pluck().get()).toBe(2); // both bodies kept as received
  });

  it('when the main database refuses, the entries stay in the journal and the position does not move', async () => {
    const { db, journal, follower } = setup();
    const f = follower();
    await journal.submit(body('6281200000301', 'first'), phoneNumberId);
    f.moveBatch();
    await journal.submit(body('6281200000302', 'y'.repeat(300_000)), phoneNumberId);
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    expect(() => f.moveBatch()).toThrow(/full/i);
    expect(f.position()).toBe(1);
    db.pragma('max_page_count = 1073741823');
    expect(f.moveBatch()).toMatchObject({ entries: 1, movedUpTo: 2 });
  });

  it('reports entries durable (prunable) only up to its last synchronous=FULL commit', async () => {
    const { journal, follower } = setup();
    const f = follower({ fullSyncEveryMs: 60_000 });
    await journal.submit(body('6281200000401', 'a'), phoneNumberId);
    expect(f.moveBatch()).toMatchObject({ movedUpTo: 1, durableUpTo: 1 }); // the first commit is FULL
    await journal.submit(body('6281200000402', 'b'), phoneNumberId);
    expect(f.moveBatch()).toMatchObject({ movedUpTo: 2, durableUpTo: 1 }); // NORMAL: not yet
  });
});

describe('journal/follower durability', () => {
  it('a FULL-due move that finds nothing to write syncs nothing, so it does not call anything durable', async () => {
    const { journal, follower } = setup();
    const f = follower({ fullSyncEveryMs: 50 });
    await journal.submit(body('6281200000501', 'a'), phoneNumberId);
    expect(f.moveBatch()).toMatchObject({ movedUpTo: 1, durableUpTo: 1 });
    await journal.submit(body('6281200000502', 'b'), phoneNumberId);
    expect(f.moveBatch()).toMatchObject({ movedUpTo: 2, durableUpTo: 1 });
    await new Promise(resolve => setTimeout(resolve, 60));
    expect(f.moveBatch()).toMatchObject({ entries: 0, durableUpTo: 1 });
    await journal.submit(body('6281200000503', 'c'), phoneNumberId);
    expect(f.moveBatch()).toMatchObject({ movedUpTo: 3, durableUpTo: 3 }); // a FULL commit that wrote
  });

  it('in the processing cycle, reports NORMAL commits durable only after the WAL is flushed, once per interval', async () => {
    const { db, journal, follower } = setup();
    const f = follower({ fullSyncEveryMs: 1000 });
    const durable: number[] = [];
    const report = (seq: number) => durable.push(seq);
    const cycle = (now: number) => {
      const moved = db.transaction(() => f.moveInto())();
      f.committedNormally(moved);
      f.flushIfDue(report, now);
    };
    const flushed = async (count: number) => {
      for (let i = 0; i < 200 && durable.length < count; i++) await new Promise(resolve => setTimeout(resolve, 5));
    };
    const t0 = Date.now();
    await journal.submit(body('6281200000601', 'a'), phoneNumberId);
    cycle(t0);
    expect(durable).toEqual([]); // the flush runs in the thread pool; the cycle does not wait for it
    await journal.submit(body('6281200000602', 'b'), phoneNumberId);
    cycle(t0 + 10); // committed after the flush began: not covered by it, and the next is not due yet
    await flushed(1);
    expect(durable).toEqual([1]);
    f.flushIfDue(report, t0 + 500); // still not due
    await new Promise(resolve => setTimeout(resolve, 30));
    expect(durable).toEqual([1]);
    f.flushIfDue(report, t0 + 1000); // due, with entry 2 committed and not yet flushed
    await flushed(2);
    expect(durable).toEqual([1, 2]);
    f.flushIfDue(report, t0 + 2000); // nothing new committed: nothing to report
    await new Promise(resolve => setTimeout(resolve, 30));
    expect(durable).toEqual([1, 2]);
  });
});

describe('journal/wal sync', () => {
  it('resolves once the WAL is flushed, one flush for the callers that wait meanwhile', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'x.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x)');
    const sync = new WalSync(file);
    cleanups.push(() => {
      sync.close();
      db.close();
    });
    expect(existsSync(`${file}-wal`)).toBe(true);
    const order: string[] = [];
    const waits = [1, 2, 3].map(i => {
      db.prepare('INSERT INTO t VALUES (?)').run(i);
      return sync.durable().then(() => order.push(`flushed ${i}`));
    });
    await Promise.all(waits);
    expect(order).toEqual(['flushed 1', 'flushed 2', 'flushed 3']);
    await expect(new WalSync(join(t.dir, 'missing.db')).durable()).rejects.toThrow(/ENOENT/);
  });
});
