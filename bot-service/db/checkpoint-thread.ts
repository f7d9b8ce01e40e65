import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger.ts';

/**
 * The checkpoint thread, seen from the thread that writes (the processing thread): it copies the
 * WAL into the database file (db/checkpointer.ts) while the writer's connection runs with
 * `wal_autocheckpoint = 0`, and asks the writer for the last small copy that lets the WAL start
 * over (`onWalLong`). If it dies, `onFailure` is told, and the writer must checkpoint on
 * its own again, or the WAL would grow until the disk is full.
 */

export type CheckpointWorkerData = { databaseFile: string; logLevel: string; intervalMs?: number; longWalPages?: number };
export type ToCheckpointThread = { type: 'stop' };
export type FromCheckpointThread = { type: 'ready' } | { type: 'wal-long'; walPages: number } | { type: 'stopped' };

export type CheckpointThread = { stop(): Promise<void> };

export async function startCheckpointThread(options: {
  databaseFile: string;
  logLevel: string;
  log: Logger;
  /** Between rounds, and the WAL's length that makes it ask for `onWalLong` (db/checkpointer.ts). */
  intervalMs?: number;
  longWalPages?: number;
  /** The WAL is long and copied: a PASSIVE checkpoint by the writer now lets it start over. */
  onWalLong: (walPages: number) => void;
  onFailure: (error: Error) => void;
}): Promise<CheckpointThread> {
  const { databaseFile, logLevel, intervalMs, longWalPages } = options;
  const data: CheckpointWorkerData = { databaseFile, logLevel, intervalMs, longWalPages };
  const worker = new Worker(new URL('./checkpoint-worker.ts', import.meta.url), { workerData: data });
  let stopping = false;
  let onStopped: (() => void) | null = null;
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (m: FromCheckpointThread) => {
      if (m.type === 'ready') {
        resolve();
      } else if (m.type === 'wal-long') {
        options.onWalLong(m.walPages);
      } else if (m.type === 'stopped') {
        onStopped?.();
      }
    });
    const failed = (error: Error) => {
      reject(error);
      onStopped?.(); // a stop in progress has nothing left to wait for
      if (!stopping) {
        stopping = true;
        options.onFailure(error);
      }
    };
    worker.on('error', failed);
    worker.on('exit', code => failed(new Error(`checkpoint thread exited with code ${code}`)));
  });
  return {
    async stop() {
      if (stopping) {
        return; // it failed, and was reported
      }
      stopping = true;
      const stopped = new Promise<void>(resolve => {
        onStopped = resolve;
      });
      worker.postMessage({ type: 'stop' } satisfies ToCheckpointThread);
      await stopped;
      await worker.terminate();
    },
  };
}
