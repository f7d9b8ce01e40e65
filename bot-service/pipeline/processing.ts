import type { Db } from '../db/open.ts';
import type { EventLog } from '../events/event-log.ts';
import type { FlowEngine } from '../flows/types.ts';
import { JournalFollower } from '../journal/follower.ts';
import type { Logger } from '../logger.ts';
import type { GraphClient } from '../outbox/graph-client.ts';
import { Outbox } from '../outbox/outbox.ts';
import { Sender, type Claim, type Outcome, type SenderOptions } from '../outbox/sender.ts';
import { StatusApplier } from '../outbox/statuses.ts';
import { createStatsProjector, type StatsProjector } from '../stats/projector.ts';
import { ContactDispatcher, type Slice } from './contact-dispatcher.ts';
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

/**
 * Cycles run at most this often. Each cycle is one transaction: at 1,000 messages a second the
 * parts used to commit on their own about 1,400 times a second, each commit writing every page it
 * touched to the WAL again (the ends of the event log and the outbox, their indexes). In cycles
 * they commit about 100 times a second, and the thread's CPU per message fell by about a tenth
 * (bench, 1 million contacts). 5 ms bounds commits to 200 a second and adds at most 5 ms to a reply.
 */
const CYCLE_GAP_MS = 5;
/** Flow work per cycle, in ms of the thread (the rest of a cycle is cheap). */
const SLICE_BUDGET_MS = 15;

export function createProcessing(deps: ProcessingDeps): ProcessingHandle {
  const { db, events, log, graph } = deps;
  const statuses = new StatusApplier(db, events);
  const outbox = new Outbox(db, events);
  const stats = createStatsProjector({ db, events, log });
  const follower = new JournalFollower(db, deps.journalFile, events, statuses, log);
  const pendingCount = db.prepare("SELECT COUNT(*) AS n FROM inbound_messages WHERE state = 'pending'").pluck();

  // One cycle moves what the journal holds into the main database, runs the flows on the
  // messages waiting (those just moved among them), records the Graph API results that came back
  // and claims the sends now due, in one transaction; after its commit the calls go out. So a
  // message's reply is usually decided and sent in the cycle that stored it.
  let cycleQueued = false;
  let lastCycleAt = 0;
  let stopping = false;
  let closed = false;
  let journalWaiting = false;
  let moveHeldUntil = 0;
  let idleWaiters: Array<() => void> = [];
  /** The journal could not be moved (or the cycle not committed): once more in a second. */
  const retryMoveLater = (now: number) => {
    journalWaiting = true;
    moveHeldUntil = now + 1000;
    setTimeout(requestCycle, 1000).unref();
  };
  const requestCycle = () => {
    if (cycleQueued || closed) {
      return;
    }
    cycleQueued = true;
    const wait = lastCycleAt + CYCLE_GAP_MS - Date.now();
    if (wait > 0) {
      setTimeout(runCycle, wait);
    } else {
      setImmediate(runCycle);
    }
  };
  const sender = new Sender(db, events, statuses, graph, log, deps.sender, requestCycle);
  const processor = new InboundProcessor(db, events, outbox, deps.engine, log, deps.sessionQuietMinutes * 60_000, (contactId, wamid) =>
    sender.markRead(contactId, wamid)
  );
  const dispatcher = new ContactDispatcher(id => processor.processContact(id), requestCycle, log);

  /** Runs `work` in a savepoint of the cycle: a part that fails is rolled back alone and retried in a second. */
  function part<T>(name: string, work: () => T): { ok: true; value: T } | { ok: false } {
    try {
      return { ok: true, value: db.transaction(work)() };
    } catch (error) {
      log.error({ err: error, part: name }, 'processing: a part of the cycle failed; retrying in 1 s');
      return { ok: false };
    }
  }

  function runCycle(): void {
    cycleQueued = false;
    if (closed) {
      return;
    }
    const now = Date.now();
    lastCycleAt = now;
    const move = !stopping && journalWaiting && moveHeldUntil <= now;
    // (Set inside the transaction below; the cast keeps TypeScript from narrowing it to null.)
    let moved = null as ReturnType<JournalFollower['moveInto']> | null;
    let slice: Slice | null = null;
    let recorded: Outcome[] = [];
    let claim: Claim | null = null;
    const cycle = () =>
      db.transaction(() => {
        if (move) {
          journalWaiting = false;
          const m = part('journal', () => follower.moveInto());
          if (m.ok) {
            moved = m.value;
            dispatcher.notify(moved.contactIds);
          }
        }
        if (dispatcher.hasPending()) {
          slice = dispatcher.runSlice(SLICE_BUDGET_MS);
        }
        if (sender.hasOutcomes()) {
          const batch = sender.takeOutcomes();
          if (part('record', () => sender.recordOutcomes(batch, now)).ok) {
            recorded = batch;
          } else {
            sender.recordFailed(batch);
          }
        }
        const c = sender.newClaim();
        if (part('claim', () => sender.claimDue(c, now)).ok) {
          claim = c;
        } else {
          sender.claimFailed(c);
        }
      })();
    try {
      cycle();
    } catch (error) {
      // The commit failed (disk full): nothing in it happened. The journal keeps its entries
      // (acknowledged), the messages stay pending, the results are recorded again later.
      log.error({ err: error }, 'processing: the cycle could not commit; retrying in 1 s');
      if (slice !== null) dispatcher.sliceDone(slice, false);
      if (recorded.length > 0) sender.recordFailed(recorded);
      if (claim !== null) sender.claimFailed(claim);
      retryMoveLater(now);
      return;
    }
    if (moved !== null) {
      follower.committedNormally(moved);
      if (moved.entries > 0) {
        // A full batch: more may wait. Statuses may also have released parked work.
        journalWaiting ||= moved.entries >= follower.batchSize;
        sender.wake();
      }
    } else if (move) {
      retryMoveLater(now);
    }
    follower.flushIfDue(deps.onMoved, now);
    if (slice !== null) dispatcher.sliceDone(slice, true);
    sender.recorded(recorded);
    if (claim !== null) {
      sender.dispatch(claim, now);
    }
    events.announce();
    if (journalWaiting && !stopping && moveHeldUntil <= now) {
      requestCycle(); // (a held move has its own retry timer)
    }
    if (!cycleQueued) {
      const waiters = idleWaiters;
      idleWaiters = [];
      waiters.forEach(w => w());
    }
  }

  /** Resolves when no cycle is asked for or running. */
  const cyclesDone = (): Promise<void> => (cycleQueued ? new Promise(resolve => idleWaiters.push(resolve)) : Promise.resolve());

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
      journalWaiting = true;
      requestCycle();
    },
    journaled() {
      journalWaiting = true;
      requestCycle();
    },
    moveNow() {
      let result;
      do {
        result = follower.moveBatch();
        if (result.durableUpTo > 0) {
          deps.onMoved(result.durableUpTo);
        }
        dispatcher.notify(result.contactIds);
      } while (result.entries >= follower.batchSize);
      sender.wake(); // statuses may have released parked work
    },
    wakeSender: () => sender.wake(),
    async whenIdle() {
      for (let i = 0; i < 1000; i++) {
        await cyclesDone();
        await dispatcher.whenIdle();
        await sender.whenIdle();
        if (!cycleQueued && !journalWaiting && !dispatcher.hasPending() && pendingCount.get() === 0) {
          return;
        }
        await new Promise(resolve => setTimeout(resolve, 2));
      }
    },
    async stop() {
      stopping = true;
      await cyclesDone();
      // Whatever was journaled before the stop is moved into the database now (if it can take it;
      // else it waits in the journal for the next start).
      try {
        while (follower.moveBatch().entries > 0) {
          // until empty
        }
      } catch (error) {
        log.error({ err: error }, 'moving webhooks from the journal at the stop failed; they wait in the journal');
      }
      dispatcher.stop();
      await sender.stop();
      await stats.stop();
      closed = true;
      follower.close();
      graph.close?.();
    },
  };
}
