/**
 * The checkpoint thread's entry (started by checkpoint-thread.ts): a connection of its own to the
 * main database that copies the WAL into the database file (db/checkpointer.ts), so that the
 * processing thread's commits never wait for that copy or its fsyncs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLogger } from '../logger.ts';
import { lowerThreadPriority } from '../pipeline/thread-priority.ts';
import type { CheckpointWorkerData, FromCheckpointThread, ToCheckpointThread } from './checkpoint-thread.ts';
import { Checkpointer } from './checkpointer.ts';
import { openDatabase } from './open.ts';

/** The processing thread's own value: the copying keeps pace with the writes it copies. */
const CHECKPOINT_NICENESS = 19;

const port = parentPort!;
const { databaseFile, logLevel, intervalMs, longWalPages } = workerData as CheckpointWorkerData;
const post = (message: FromCheckpointThread) => port.postMessage(message);
const log = createLogger(logLevel).child({ thread: 'checkpoint' });
lowerThreadPriority(CHECKPOINT_NICENESS);
// This connection only reads and checkpoints; it never commits, so it never checkpoints on its own.
const db = openDatabase(databaseFile, { migrate: false, checkpointPages: 0 });
const checkpointer = new Checkpointer(db, log, { intervalMs, longWalPages, onWalLong: round => post({ type: 'wal-long', walPages: round.walPages }) });

port.on('message', (m: ToCheckpointThread) => {
  if (m.type === 'stop') {
    checkpointer.stop();
    try {
      checkpointer.round(); // what the last writes left, so the next start finds a short WAL
    } catch (error) {
      log.error({ err: error }, 'the last checkpoint failed; the WAL keeps it');
    }
    db.close();
    post({ type: 'stopped' });
  }
});

checkpointer.start();
post({ type: 'ready' });
