import { powerOfTwoAtLeast, preparePerLimit, type Db, type Statement } from '../db/open.ts';
import type { EventLog } from '../events/event-log.ts';
import type { Logger } from '../logger.ts';
import type { GraphClient, GraphSendResult } from './graph-client.ts';
import { ReadReceipts } from './read-receipts.ts';
import { SendResults } from './send-results.ts';
import { serviceWindowMs } from './outbox.ts';
import { TokenBucket } from './rate-limit.ts';
import type { StatusApplier } from './statuses.ts';

export type SenderOptions = {
  /** Graph API calls per second for the number (Meta: 80 by default, 1,000 after upgrade). */
  ratePerSecond: number;
  /** Per-recipient pacing (spec §9.3): a small burst, then one message per 6 s. */
  perUserBurst?: number;
  perUserPerSecond?: number;
  /**
   * Requests in flight at once. Meta answers a send in roughly 100-300 ms, so 1,000 messages a
   * second (a reply and a mark-as-read each) need a few hundred in flight.
   */
  concurrency?: number;
};

/** See `SenderOptions.concurrency`. */
export const defaultSendConcurrency = 256;

export type Row = {
  id: number;
  contact_id: number;
  conversation_id: number | null;
  kind: 'message' | 'template';
  body: string;
  attempts: number;
  created_at: number;
  wa_id: string | null;
  user_id: string | null;
  last_inbound_ts: number | null;
};

export type Outcome = { row: Row; attempt: number; result: GraphSendResult };

/** What one claim took: the rows now `sending`, and how long the number's rate makes the rest wait. */
export type Claim = { rows: Row[]; waitGlobal: number; room: number };

/**
 * Sends what the outbox holds, keeping WhatsApp's limits: the number's rate, per-recipient pacing
 * and order (one message in flight per citizen), retries with backoff for retryable errors and
 * none for permanent ones (send-results.ts writes each result). Rows are marked `sending` in a
 * commit before the call, so a restart resends what may not have gone out (at least once; see the
 * crash test for how often twice).
 */
export class Sender {
  private readonly db: Db;
  private readonly results: SendResults;
  private readonly graph: GraphClient;
  private readonly log: Logger;
  private readonly requestRun: () => void;
  private readonly global: TokenBucket;
  private readonly perUser = new Map<number, TokenBucket>();
  private readonly inFlightContacts = new Set<number>();
  private readonly perUserBurst: number;
  private readonly perUserPerSecond: number;
  private readonly concurrency: number;
  private inFlight = 0;
  private pausedUntil = 0;
  private timer: NodeJS.Timeout | null = null;
  /** A claim was asked for (`requestRun`) and has not run yet. */
  private wanted = false;
  private stopped = true;
  private outcomes: Outcome[] = [];
  private readonly reads: ReadReceipts;
  private idleWaiters: Array<() => void> = [];
  private readonly selectDue: (limit: number) => Statement;
  private readonly earlierQueued: Statement;
  private readonly markSending: Statement;
  private readonly deferRow: Statement;
  private readonly nextDue: Statement;
  private readonly nextLater: Statement;

  /**
   * `requestRun` asks for a processing cycle (pipeline/processing.ts), which records the results
   * that came back and claims what is due, in its transaction.
   */
  constructor(
    db: Db,
    events: EventLog,
    statuses: StatusApplier,
    graph: GraphClient,
    log: Logger,
    options: SenderOptions,
    requestRun: () => void
  ) {
    this.db = db;
    this.requestRun = requestRun;
    this.results = new SendResults(db, events, statuses, log);
    this.graph = graph;
    this.log = log;
    this.global = new TokenBucket(Math.max(1, options.ratePerSecond), options.ratePerSecond, Date.now());
    this.perUserBurst = options.perUserBurst ?? 20;
    this.perUserPerSecond = options.perUserPerSecond ?? 1 / 6;
    this.concurrency = options.concurrency ?? defaultSendConcurrency;
    this.reads = new ReadReceipts(graph, log, this.global, pauseAllMs => {
      this.inFlight--;
      if (pauseAllMs !== undefined) {
        this.pausedUntil = Math.max(this.pausedUntil, Date.now() + pauseAllMs);
      }
      this.wake();
      this.checkIdle();
    });
    this.selectDue = preparePerLimit(
      db,
      limit => `SELECT o.id, o.contact_id, o.conversation_id, o.kind, o.body, o.attempts, o.created_at, c.wa_id, c.user_id, c.last_inbound_ts
       FROM outbound_messages o JOIN contacts c ON c.id = o.contact_id
       WHERE o.status = 'queued' AND o.next_attempt_at <= ?
       ORDER BY o.next_attempt_at, o.id LIMIT ${limit}`
    );
    this.earlierQueued = db.prepare(
      // "status IN (...)" lets SQLite use the partial index on (contact_id, id) instead of scanning the
      // queue; "= +?" keeps it from being planned again on every run (db/open.ts).
      `SELECT MAX(next_attempt_at) AS at FROM outbound_messages
       WHERE contact_id = +? AND id < ? AND status IN ('queued', 'sending') AND status = 'queued'`
    );
    this.markSending = db.prepare("UPDATE outbound_messages SET status = 'sending', attempts = attempts + 1 WHERE id = ?");
    this.deferRow = db.prepare('UPDATE outbound_messages SET next_attempt_at = ? WHERE id = ?');
    this.nextDue = db.prepare("SELECT MIN(next_attempt_at) AS at FROM outbound_messages WHERE status = 'queued'");
    this.nextLater = db.prepare("SELECT MIN(next_attempt_at) AS at FROM outbound_messages WHERE status = 'queued' AND next_attempt_at > ?");
  }

  /** Resumes after a restart: anything caught mid-send is queued again. */
  start(): void {
    const resumed = this.db.prepare("UPDATE outbound_messages SET status = 'queued' WHERE status = 'sending'").run().changes;
    if (resumed > 0) {
      this.log.warn({ resumed }, 'outbox: resending messages that were in flight at the last stop');
    }
    this.stopped = false;
    this.wake();
  }

  /** Marks a citizen's message read (the blue ticks), after the replies (see read-receipts.ts). */
  markRead(contactId: number, wamid: string): void {
    this.reads.add(contactId, wamid);
    this.wake();
  }

  /** Call after committing new outbox rows: asks for a processing cycle, which claims what is due. */
  wake(): void {
    if (this.stopped || this.wanted) {
      return;
    }
    this.wanted = true;
    this.requestRun();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.inFlight > 0 || this.outcomes.length > 0) {
      await new Promise(resolve => setTimeout(resolve, 10));
      if (this.outcomes.length === 0) {
        continue;
      }
      const batch = this.recordOutcomesIn();
      if (batch !== null) {
        this.recorded(batch);
      }
    }
  }

  /** Records the results of the calls that came back, in a transaction of its own (at a stop). */
  private recordOutcomesIn(): Outcome[] | null {
    const batch = this.takeOutcomes();
    try {
      this.db.transaction(() => this.recordOutcomes(batch, Date.now()))();
      return batch;
    } catch (error) {
      this.recordFailed(batch);
      this.log.error({ err: error }, 'outbox: could not record send results; retrying');
      return null;
    }
  }

  /** Resolves when nothing is due now and nothing is in flight (for tests and shutdown). */
  whenIdle(): Promise<void> {
    return new Promise(resolve => {
      this.idleWaiters.push(resolve);
      this.checkIdle();
    });
  }

  private checkIdle(): void {
    if (this.inFlight > 0 || this.outcomes.length > 0 || (this.reads.due(Date.now()) && !this.stopped)) {
      return;
    }
    if (this.wanted) {
      return;
    }
    const next = (this.nextDue.get() as { at: number | null }).at;
    if (next !== null && next <= Date.now() && !this.stopped) {
      return;
    }
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach(w => w());
  }

  private schedule(atMs: number): void {
    if (this.stopped) {
      return;
    }
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.wake();
    }, Math.max(0, atMs - Date.now()));
  }

  /**
   * Claims the rows due now into `claim` (from `newClaim`) inside the caller's transaction: marked
   * `sending`, within the number's rate and each citizen's pacing, one in flight per citizen.
   * After the commit, `dispatch` makes the calls; if the transaction fails, `claimFailed`.
   */
  newClaim(): Claim {
    return { rows: [], waitGlobal: 0, room: 0 };
  }

  claimDue(claim: Claim, now: number): void {
    this.wanted = false;
    if (this.stopped) {
      return;
    }
    if (this.pausedUntil > now) {
      claim.waitGlobal = this.pausedUntil - now;
      return;
    }
    claim.room = this.concurrency - this.inFlight;
    if (claim.room <= 0) {
      return; // a completion asks again
    }
    const rows = this.selectDue(powerOfTwoAtLeast(Math.max(claim.room * 4, 64))).all(now) as Row[];
    for (const row of rows) {
      if (claim.rows.length >= claim.room) {
        break;
      }
      if (this.inFlightContacts.has(row.contact_id)) {
        continue; // its completion asks again
      }
      const blockedUntil = (this.earlierQueued.get(row.contact_id, row.id) as { at: number | null }).at;
      if (blockedUntil !== null) {
        // An earlier message to this citizen waits for a retry: keep the order, wait with it.
        this.deferRow.run(Math.max(blockedUntil, now + 1), row.id);
        continue;
      }
      if (row.kind === 'message' && (row.last_inbound_ts ?? 0) * 1000 + serviceWindowMs <= now) {
        this.results.fail(row, 131047, 'the 24-hour customer service window closed before it could be sent', now);
        continue;
      }
      const bucket = this.bucketFor(row.contact_id, now);
      const wait = bucket.waitMs(now);
      if (wait > 0) {
        this.deferRow.run(now + wait, row.id);
        continue;
      }
      if (!this.global.tryTake(now)) {
        claim.waitGlobal = this.global.waitMs(now);
        break;
      }
      bucket.tryTake(now);
      this.inFlightContacts.add(row.contact_id);
      claim.rows.push(row);
      this.markSending.run(row.id);
    }
  }

  /** The claim's transaction failed: nothing was claimed; try again in a second. */
  claimFailed(claim: Claim): void {
    for (const row of claim.rows) {
      this.inFlightContacts.delete(row.contact_id);
    }
    this.schedule(Date.now() + 1000);
  }

  /** After the claim's commit: makes the Graph API calls, then the mark-as-read calls, and plans the next claim. */
  dispatch(claim: Claim, now: number): void {
    if (this.stopped) {
      return;
    }
    for (const row of claim.rows) {
      this.inFlight++;
      const attempt = row.attempts + 1;
      void this.graph.send(this.requestBody(row)).then(result => this.complete({ row, attempt, result }));
    }
    let readsWait = 0;
    if (claim.waitGlobal === 0 && claim.room > 0) {
      const reads = this.reads.send(claim.room - claim.rows.length, now);
      this.inFlight += reads.sent;
      readsWait = reads.waitMs;
    }
    if (claim.waitGlobal > 0) {
      this.schedule(now + claim.waitGlobal);
    } else if (this.inFlight >= this.concurrency) {
      // completions ask again
    } else if (claim.rows.length === claim.room) {
      this.wake(); // more may be due; completions also ask
    } else {
      // Rows still due now are waiting on a citizen's message in flight; its completion asks again.
      const next = (this.nextLater.get(now) as { at: number | null }).at;
      const readsAt = readsWait > 0 ? now + readsWait : null;
      if (next !== null || readsAt !== null) {
        this.schedule(Math.min(next ?? Infinity, readsAt ?? Infinity));
      }
    }
    this.checkIdle();
  }

  private bucketFor(contactId: number, now: number): TokenBucket {
    let bucket = this.perUser.get(contactId);
    if (bucket === undefined) {
      if (this.perUser.size > 50_000) {
        // Forget recipients whose pacing has fully recovered, so memory stays flat.
        for (const [id, b] of this.perUser) {
          if (b.isFull(now)) {
            this.perUser.delete(id);
          }
        }
      }
      bucket = new TokenBucket(this.perUserBurst, this.perUserPerSecond, now);
      this.perUser.set(contactId, bucket);
    }
    return bucket;
  }

  private requestBody(row: Row): Record<string, unknown> {
    const body = JSON.parse(row.body) as Record<string, unknown>;
    const recipient = row.wa_id !== null ? { to: '+' + row.wa_id } : { recipient: row.user_id };
    return { recipient_type: 'individual', ...recipient, ...body, biz_opaque_callback_data: `out:${row.id}` };
  }

  private complete(outcome: Outcome): void {
    this.outcomes.push(outcome);
    this.wake(); // the next cycle records it (every cycle records what came back)
  }

  /** Results waiting to be recorded. */
  hasOutcomes(): boolean {
    return this.outcomes.length > 0;
  }

  /** The results of the calls that came back, to record (`recordOutcomes`). */
  takeOutcomes(): Outcome[] {
    const batch = this.outcomes;
    this.outcomes = [];
    return batch;
  }

  /**
   * Records `batch` (from `takeOutcomes`) inside the caller's transaction; its citizens may be
   * sent to again in the same cycle. After the commit, `recorded`; if the transaction fails,
   * `recordFailed` (the results are kept and recorded again).
   */
  recordOutcomes(batch: Outcome[], now: number): void {
    for (const { row, attempt, result } of batch) {
      const pauseAllMs = this.results.record(row, attempt, result, now);
      if (pauseAllMs !== undefined) {
        this.pausedUntil = Math.max(this.pausedUntil, now + pauseAllMs);
      }
      this.inFlightContacts.delete(row.contact_id);
    }
  }

  recorded(batch: Outcome[]): void {
    this.inFlight -= batch.length;
    if (batch.length > 0) {
      this.checkIdle();
    }
  }

  recordFailed(batch: Outcome[]): void {
    for (const { row } of batch) {
      this.inFlightContacts.add(row.contact_id);
    }
    this.outcomes = batch.concat(this.outcomes);
    this.schedule(Date.now() + 1000);
  }
}
