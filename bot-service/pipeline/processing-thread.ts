import { Worker } from 'node:worker_threads';
import type { Config } from '../config.ts';
import type { EventLog } from '../events/event-log.ts';
import type { Logger } from '../logger.ts';
import type { Processing } from './processing.ts';

/**
 * The processing thread, seen from the webhook thread.
 *
 * On a 2-core machine the webhook must not wait behind the flow engine: acknowledging Meta is
 * what keeps messages coming, answering them can lag a burst. So this thread keeps HTTP (the
 * webhook and the console API) and the webhook journal, a file of its own; a worker thread with
 * its own connection to the main database moves the journal into it and runs the flows, the
 * sender and the statistics, at the lowest scheduling priority. The two threads never wait for
 * each other's writes: each file has one writer on the hot path (the console's own writes to the
 * main database are few, and wait their turn).
 * If the thread dies, `onFailure` is told: the bot would be silent, so the service must stop.
 */

export type ProcessingWorkerData = { databaseFile: string; journalFile: string; config: Config };

export type ToProcessingThread =
  | { type: 'journaled' }
  | { type: 'announce' }
  | { type: 'wake-sender' }
  | { type: 'when-idle'; id: number }
  | { type: 'stop' };

export type FromProcessingThread =
  | { type: 'ready'; niceness: number | null }
  | { type: 'announce' }
  | { type: 'moved'; seq: number }
  | { type: 'idle'; id: number }
  | { type: 'stopped' };

/** Calls `send` once per turn of the event loop however often `call` is called in it. */
export function oncePerTurn(send: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) {
      return;
    }
    queued = true;
    setImmediate(() => {
      queued = false;
      send();
    });
  };
}

export async function startProcessingThread(options: {
  databaseFile: string;
  journalFile: string;
  config: Config;
  events: EventLog;
  log: Logger;
  /** Entries up to `seq` are in the main database: the journal may prune them. */
  onMoved: (seq: number) => void;
  onFailure: (error: Error) => void;
}): Promise<Processing> {
  const { events, log } = options;
  const data: ProcessingWorkerData = { databaseFile: options.databaseFile, journalFile: options.journalFile, config: options.config };
  const worker = new Worker(new URL('./processing-worker.ts', import.meta.url), { workerData: data });
  let stopping = false;
  let nextId = 1;
  const idleWaiters = new Map<number, () => void>();
  let onStopped: (() => void) | null = null;
  const post = (message: ToProcessingThread) => worker.postMessage(message);

  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (m: FromProcessingThread) => {
      switch (m.type) {
        case 'ready':
          log.info({ niceness: m.niceness }, 'processing thread started');
          resolve();
          break;
        case 'announce':
          events.announcedElsewhere();
          break;
        case 'moved':
          options.onMoved(m.seq);
          break;
        case 'idle':
          idleWaiters.get(m.id)?.();
          idleWaiters.delete(m.id);
          break;
        case 'stopped':
          onStopped?.();
          break;
      }
    });
    worker.on('error', error => {
      log.fatal({ err: error }, 'processing thread failed');
      reject(error);
      if (!stopping) {
        options.onFailure(error);
      }
    });
    worker.on('exit', code => {
      if (!stopping) {
        const error = new Error(`processing thread exited with code ${code}`);
        reject(error);
        options.onFailure(error);
      }
    });
  });
  await ready;

  events.linkThread(oncePerTurn(() => post({ type: 'announce' })));
  // Webhooks journaled during one turn go over as one message.
  const journaled = oncePerTurn(() => post({ type: 'journaled' }));

  return {
    journaled,
    wakeSender: () => post({ type: 'wake-sender' }),
    whenIdle() {
      const id = nextId++;
      return new Promise(resolve => {
        idleWaiters.set(id, resolve);
        post({ type: 'when-idle', id });
      });
    },
    async stop() {
      stopping = true;
      const stopped = new Promise<void>(resolve => {
        onStopped = resolve;
      });
      post({ type: 'stop' });
      await stopped;
      await worker.terminate();
    },
  };
}
