import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointThread } from '../../../bot-service/db/checkpoint-thread.ts';
import { Checkpointer, type CheckpointRound } from '../../../bot-service/db/checkpointer.ts';
import { openDatabase, type Db } from '../../../bot-service/db/open.ts';
import { tempDir } from '../helpers.ts';

const log = pino({ level: 'silent' });
const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A writer that never checkpoints (as the processing thread's connection) and a second connection. */
function setup(): { file: string; writer: Db; other: Db } {
  const t = tempDir();
  const file = join(t.dir, 'bot.db');
  const writer = openDatabase(file, { migrate: false, checkpointPages: 0 });
  writer.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const other = openDatabase(file, { migrate: false, checkpointPages: 0 });
  cleanups.push(() => {
    other.close();
    writer.close();
    t.cleanup();
  });
  return { file, writer, other };
}

/** One transaction writing about `pages` new pages (4 KB each). */
const write = (db: Db, pages: number) =>
  db.transaction(() => {
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    for (let i = 0; i < pages; i++) insert.run('x'.repeat(3000));
  })();

describe('db/checkpointer', () => {
  it('copies the WAL from its own connection; the WAL starts over only once the writer has copied its last frames itself', () => {
    const { writer, other } = setup();
    const checkpointer = new Checkpointer(other, log, { onWalLong: () => {} });
    let round: CheckpointRound = { walPages: 0, copiedUpTo: 0 };
    // A busy writer: the rounds come while it is inside a transaction, so it commits between
    // every round and its next transaction.
    const insert = writer.prepare('INSERT INTO t (body) VALUES (?)');
    for (let i = 0; i < 10; i++) {
      writer.exec('BEGIN IMMEDIATE');
      for (let j = 0; j < 40; j++) insert.run('x'.repeat(3000));
      round = checkpointer.round();
      writer.exec('COMMIT');
      expect(round.copiedUpTo).toBe(round.walPages); // everything committed is in the database file
    }
    expect(round.walPages).toBeGreaterThan(9 * 40); // ...but the WAL never started over: it grew
    expect(other.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(400);

    // What onWalLong asks of the writer: copy what it wrote since the round, between two transactions.
    writer.exec('BEGIN IMMEDIATE');
    for (let j = 0; j < 20; j++) insert.run('x'.repeat(3000));
    checkpointer.round();
    writer.exec('COMMIT');
    writer.pragma('wal_checkpoint(PASSIVE)');
    write(writer, 20);
    round = checkpointer.round();
    expect(round.walPages).toBeLessThan(30); // only the last transaction's frames: it started over
    expect(other.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(440);
  });

  it('rounds on a timer, and asks the writer to start the WAL over once it is long', async () => {
    const { writer, other } = setup();
    const asked: CheckpointRound[] = [];
    const checkpointer = new Checkpointer(other, log, { intervalMs: 10, longWalPages: 100, onWalLong: round => asked.push(round) });
    checkpointer.start();
    cleanups.push(() => checkpointer.stop());
    write(writer, 50);
    await new Promise(resolve => setTimeout(resolve, 40));
    expect(asked).toEqual([]); // 50 pages: not long yet
    write(writer, 150);
    for (let i = 0; i < 100 && asked.length === 0; i++) await new Promise(resolve => setTimeout(resolve, 10));
    expect(asked[0]!.walPages).toBeGreaterThanOrEqual(100);
    expect(asked[0]!.copiedUpTo).toBe(asked[0]!.walPages);
  });
});

describe('db/checkpoint thread', () => {
  it('checkpoints from a worker thread while this thread writes, and asks for the last copy', async () => {
    const { file, writer } = setup();
    const asked: number[] = [];
    const failures: Error[] = [];
    const thread = await startCheckpointThread({
      databaseFile: file,
      logLevel: 'silent',
      log,
      intervalMs: 10,
      longWalPages: 2000,
      onWalLong: walPages => asked.push(walPages),
      onFailure: error => failures.push(error),
    });
    // A busy writer: the thread's rounds come while it is inside a transaction.
    const insert = writer.prepare('INSERT INTO t (body) VALUES (?)');
    for (let i = 0; i < 100 && asked.length === 0; i++) {
      writer.exec('BEGIN IMMEDIATE');
      for (let j = 0; j < 500; j++) insert.run('x'.repeat(3000));
      await new Promise(resolve => setTimeout(resolve, 15));
      writer.exec('COMMIT');
    }
    expect(asked[0]).toBeGreaterThanOrEqual(2000);
    // Asked, the writer copies its last frames between two transactions (processing-worker.ts).
    writer.pragma('wal_checkpoint(PASSIVE)');
    write(writer, 10);
    const [after] = writer.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
    expect(after!.log).toBeLessThan(40); // the WAL started over
    await thread.stop();
    expect(failures).toEqual([]);
  });

  it('fails to start, and says so, when it cannot open the database', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const failures: Error[] = [];
    const notADirectory = join(t.dir, 'file');
    writeFileSync(notADirectory, '');
    await expect(
      startCheckpointThread({
        databaseFile: join(notADirectory, 'sub', 'bot.db'),
        logLevel: 'silent',
        log,
        onWalLong: () => {},
        onFailure: error => failures.push(error),
      })
    ).rejects.toThrow();
    expect(failures).toHaveLength(1);
  });
});
