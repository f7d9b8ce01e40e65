import type { Db } from '../db/open.ts';
import type { EventLog } from '../events/event-log.ts';
import type { FlowEngine } from '../flows/types.ts';
import { JournalFollower } from '../journal/follower.ts';
import type { Logger } from '../logger.ts';
import type { GraphClient } from '../outbox/graph-client.ts';
import { Outbox } from '../outbox/outbox.ts';
import { Sender, type SenderOptions } from '../outbox/sender.ts';
import { StatusApplier } from '../outbox/statuses.ts';
import { createStatsProjector, type StatsProjector } from '../stats/projector.ts';
import { ContactDispatcher } from './contact-dispatcher.ts';
import { InboundProcessor } from './inbound-processor.ts';

/**
 * Everything after a webhook is acknowledged: its move from the webhook journal into the main
 * database, the flow engine's answer to each message, the sender, the statistics projector. The
 * same parts run inline (tests, tools) or in the processing thread (how bot-service runs, see
 * processing-thread.ts); either way the webhook side talks to them only through this handle.
 */
export type Processing = {
  /** New entries are committed to the webhook journal. */
  journaled(): void;
  /** New outbox rows are committed (a volunteer's reply, a notice). */
  wakeSender(): void;
  /** Resolves when the journal is moved, every stored message is handled and nothing is due to send. */
  whenIdle(): Promise<void>;
  /** Moves what the journal holds, finishes the flow work and the sends in hand, then stops. */
  stop(): Promise<void>;
};

/** The parts tests reach into (inline only). */
export type ProcessingParts = {
  sender: Sender;
  dispatcher: ContactDispatcher;
  stats: StatsProjector;
};

export type ProcessingDeps = {
  db: Db;
  /** The webhook journal's file (journal/webhook-journal.ts). */
  journalFile: string;
  events: EventLog;
  engine: FlowEngine;
  graph: GraphClient;
  log: Logger;
  sessionQuietMinutes: number;
  sender: SenderOptions;
  /** Entries up to `seq` are now on disk in the main database (the journal may prune them). */
  onMoved: (seq: number) => void;
};

export type ProcessingHandle = Processing &
  ProcessingParts & {
    start(): void;
    /** Moves what the journal holds now, on this turn (inline: before the webhook answers). */
    moveNow(): void;
  };

export function createProcessing(deps: ProcessingDeps): ProcessingHandle {
  const { db, events, log, graph } = deps;
  const statuses = new StatusApplier(db, events);
  const outbox = new Outbox(db, events);
  const stats = createStatsProjector({ db, events, log });
  const sender = new Sender(db, events, statuses, graph, log, deps.sender);
  const processor = new InboundProcessor(db, events, outbox, deps.engine, log, deps.sessionQuietMinutes * 60_000, (contactId, wamid) =>
    sender.markRead(contactId, wamid)
  );
  const follower = new JournalFollower(db, deps.journalFile, events, statuses, log);
  const dispatcher = new ContactDispatcher(
    id => processor.processContact(id),
    () => {
      events.announce();
      sender.wake();
    },
    log,
    work => db.transaction(work)()
  );
  const pendingCount = db.prepare("SELECT COUNT(*) AS n FROM inbound_messages WHERE state = 'pending'").pluck();

  // Moving the journal comes before the flows: it is cheap, and a status or a message stored
  // early is never lost to a crash and is visible in the console at once.
  let moveQueued = false;
  let stopping = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let moving: Promise<void> | null = null;
  let movingDone: (() => void) | null = null;
  /** Moves one batch; true when more may be waiting. */
  const moveOnce = (): boolean => {
    let result;
    try {
      result = follower.moveBatch();
    } catch (error) {
      // The main database cannot take them (disk full): they wait in the journal, acknowledged.
      log.error({ err: error }, 'moving webhooks from the journal failed; retrying in 1 s');
      if (retryTimer === null && !stopping) {
        retryTimer = setTimeout(() => {
          retryTimer = null;
          queueMove();
        }, 1000);
        retryTimer.unref();
      }
      return false;
    }
    if (result.durableUpTo > 0) {
      deps.onMoved(result.durableUpTo);
    }
    if (result.entries > 0) {
      dispatcher.notify(result.contactIds);
      sender.wake(); // statuses may have released parked work
    }
    return result.entries > 0;
  };
  const settleMoving = () => {
    const done = movingDone;
    moving = null;
    movingDone = null;
    done?.();
  };
  const queueMove = () => {
    if (moveQueued) {
      return;
    }
    moveQueued = true;
    moving ??= new Promise(resolve => {
      movingDone = resolve;
    });
    setImmediate(() => {
      moveQueued = false;
      if (moveOnce()) {
        queueMove();
      } else {
        settleMoving();
      }
    });
  };

  return {
    sender,
    dispatcher,
    stats,
    start() {
      sender.start();
      stats.start();
      // Messages stored before a stop but not yet handled are handled now; then what the journal
      // took in since.
      dispatcher.notify(processor.contactsWithPending());
      queueMove();
    },
    journaled: queueMove,
    moveNow() {
      while (moveOnce()) {
        // until the journal is empty or the main database refuses
      }
    },
    wakeSender: () => sender.wake(),
    async whenIdle() {
      for (let i = 0; i < 100; i++) {
        await moving;
        await dispatcher.whenIdle();
        await sender.whenIdle();
        if (moving === null && pendingCount.get() === 0) {
          return;
        }
        await new Promise(resolve => setTimeout(resolve, 5));
      }
    },
    async stop() {
      stopping = true;
      if (retryTimer !== null) {
        clearTimeout(retryTimer);
      }
      await moving;
      // Whatever was journaled before the stop is moved into the database now (if it can take it;
      // else it waits in the journal for the next start).
      while (moveOnce()) {
        // until empty, or the main database refuses (then it waits in the journal for the next start)
      }
      await dispatcher.stop();
      await sender.stop();
      await stats.stop();
      follower.close();
      graph.close?.();
    },
  };
}
