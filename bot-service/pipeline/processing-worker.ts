/**
 * The processing thread's entry (started by processing-thread.ts): opens its own connection to
 * the main database, follows the webhook journal into it, runs the flows, the sender and the
 * statistics, and talks to the webhook thread only by messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startCheckpointThread } from '../db/checkpoint-thread.ts';
import { openDatabase } from '../db/open.ts';
import { EventLog } from '../events/event-log.ts';
import { createFlowEngine } from '../flows/engine.ts';
import { createLogger } from '../logger.ts';
import { createGraphClient } from '../outbox/graph-client.ts';
import { createProcessing } from './processing.ts';
import { oncePerTurn, type FromProcessingThread, type ProcessingWorkerData, type ToProcessingThread } from './processing-thread.ts';
import { lowerThreadPriority } from './thread-priority.ts';

/**
 * The lowest priority (nice value, Linux): under a burst the machine's CPU goes to acknowledging
 * webhooks first; the flows use what is left and catch up after. With spare CPU (any rate the
 * flows keep up with) the thread runs as soon as there is work, whatever its nice value.
 */
const PROCESSING_NICENESS = 19;

/**
 * If the checkpoint thread fails, this connection checkpoints again on its own once the WAL holds
 * this many pages (40 MB; SQLite's default is 1,000): slower commits, but a bounded WAL. (Before
 * the checkpoint thread, 1,000 pages made the thread checkpoint about six times a second at
 * 1,000 messages a second and the reply's p99 was 250-400 ms; 10,000 pages, 60-80 ms.)
 */
const FALLBACK_CHECKPOINT_PAGES = 10_000;

const port = parentPort!;
const { databaseFile, journalFile, config } = workerData as ProcessingWorkerData;
const post = (message: FromProcessingThread) => port.postMessage(message);

const log = createLogger(config.logLevel).child({ thread: 'processing' });
const niceness = lowerThreadPriority(PROCESSING_NICENESS);
// The webhook thread opened (and migrated) the database before starting this thread. This
// connection does nearly all the writing: a page cache of 64 MB (SQLite's default is 2 MB) keeps
// the indexes it walks for every message in memory with a million contacts (in the bench, the
// replies fell less far behind after a cold start).
const db = openDatabase(databaseFile, { migrate: false, cacheMb: 64, checkpointPages: 0 });
// The WAL is copied into the database file by a thread of its own (db/checkpointer.ts): here a
// checkpoint ran inside a commit, 100-160 ms once a second at 1,000 messages a second, and every
// reply waited behind it.
const checkpoints = await startCheckpointThread({
  databaseFile,
  logLevel: config.logLevel,
  log,
  // Called between two transactions (this thread runs one at a time): copies only what was
  // written since the checkpoint thread's round, and the next transaction starts the WAL over.
  onWalLong: () => {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      log.error({ err: error }, 'checkpoint failed; the next round tries again');
    }
  },
  onFailure: error => {
    log.error({ err: error, checkpointPages: FALLBACK_CHECKPOINT_PAGES }, 'checkpoint thread failed; the processing thread checkpoints on its own again');
    db.pragma(`wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`);
  },
});
const events = new EventLog(db);
events.linkThread(oncePerTurn(() => post({ type: 'announce' })));
const graph = createGraphClient({ graphUrl: config.wa.graphUrl, phoneNumberId: config.wa.phoneNumberId, accessToken: config.wa.accessToken });
let lastMoved = 0;
const reportMoved = oncePerTurn(() => post({ type: 'moved', seq: lastMoved }));
const processing = createProcessing({
  db,
  journalFile,
  events,
  engine: createFlowEngine(),
  graph,
  log,
  sessionQuietMinutes: config.sessionQuietMinutes,
  sender: { ratePerSecond: config.sendRatePerSecond },
  onMoved: seq => {
    lastMoved = seq;
    reportMoved();
  },
});

port.on('message', (m: ToProcessingThread) => {
  switch (m.type) {
    case 'journaled':
      processing.journaled();
      break;
    case 'announce':
      events.announcedElsewhere();
      break;
    case 'wake-sender':
      processing.wakeSender();
      break;
    case 'when-idle':
      void processing.whenIdle().then(() => post({ type: 'idle', id: m.id }));
      break;
    case 'stop':
      void processing
        .stop()
        .then(() => checkpoints.stop())
        .then(() => {
          db.close();
          post({ type: 'stopped' });
        });
      break;
  }
});

processing.start();
post({ type: 'ready', niceness });
