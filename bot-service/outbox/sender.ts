import { powerOfTwoAtLeast, preparePerLimit, type Db, type Statement } from '../db/open.ts';
import type { EventLog } from '../events/event-log.ts';
import type { Logger } from '../logger.ts';
import { classifyFailure } from './error-classes.ts';
import type { GraphClient, GraphSendResult } from './graph-client.ts';
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

/** Mark-as-read calls waiting at most (one per citizen); past it the oldest is dropped. */
const maxWaitingReads = 100_000;
/** After a mark-as-read fails with a retryable error, reads wait this long. */
const readRetryMs = 5000;

type Row = {
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

type Outcome = { row: Row; attempt: number; result: GraphSendResult };

/**
 * Sends what the outbox holds, keeping WhatsApp's limits: the number's rate, per-recipient pacing
 * and order (one message in flight per citizen), retries with backoff for retryable errors and
 * none for permanent ones. Rows are marked `sending` in a commit before the call, so a restart
 * resends what may not have gone out (at least once; see the crash test for how often twice).
 */
export class Sender {
  private readonly db: Db;
  private readonly events: EventLog;
  private readonly statuses: StatusApplier;
  private readonly graph: GraphClient;
  private readonly log: Logger;
  private readonly global: TokenBucket;
  private readonly perUser = new Map<number, TokenBucket>();
  private readonly pairFailures = new Map<number, number>();
  private readonly inFlightContacts = new Set<number>();
  private readonly perUserBurst: number;
  private readonly perUserPerSecond: number;
  private readonly concurrency: number;
  private inFlight = 0;
  private pausedUntil = 0;
  private timer: NodeJS.Timeout | null = null;
  private tickQueued = false;
  private stopped = true;
  private outcomes: Outcome[] = [];
  /** Mark-as-read calls waiting: the latest message per citizen (see `markRead`). */
  private readonly reads = new Map<number, string>();
  private readsHeldUntil = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly selectDue: (limit: number) => Statement;
  private readonly earlierQueued: Statement;
  private readonly markSending: Statement;
  private readonly deferRow: Statement;
  private readonly markAccepted: Statement;
  private readonly markRetry: Statement;
  private readonly markFailed: Statement;
  private readonly nextDue: Statement;
  private readonly nextLater: Statement;

  constructor(db: Db, events: EventLog, statuses: StatusApplier, graph: GraphClient, log: Logger, options: SenderOptions) {
    this.db = db;
    this.events = events;
    this.statuses = statuses;
    this.graph = graph;
    this.log = log;
    this.global = new TokenBucket(Math.max(1, options.ratePerSecond), options.ratePerSecond, Date.now());
    this.perUserBurst = options.perUserBurst ?? 20;
    this.perUserPerSecond = options.perUserPerSecond ?? 1 / 6;
    this.concurrency = options.concurrency ?? defaultSendConcurrency;
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
    this.markAccepted = db.prepare(
      "UPDATE outbound_messages SET status = 'accepted', wamid = ?, error_code = NULL, error_reason = NULL WHERE id = ? AND status = 'sending'"
    );
    this.markRetry = db.prepare(
      "UPDATE outbound_messages SET status = 'queued', next_attempt_at = ?, error_code = ?, error_reason = ? WHERE id = ?"
    );
    this.markFailed = db.prepare(
      "UPDATE outbound_messages SET status = 'failed', failed_at = ?, error_code = ?, error_reason = ? WHERE id = ?"
    );
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

  /**
   * Marks a citizen's message read (the blue ticks). Not an outbox row: a mark-as-read lost in a
   * crash costs nothing, and keeping each durable was half the sender's database work. Marking a
   * message read marks the citizen's earlier messages read too, so only the latest per citizen
   * waits. It counts against the number's rate like a message; replies go first.
   */
  markRead(contactId: number, wamid: string): void {
    this.reads.delete(contactId); // to the back of the line, with the newer message
    this.reads.set(contactId, wamid);
    if (this.reads.size > maxWaitingReads) {
      this.reads.delete(this.reads.keys().next().value!);
    }
    this.wake();
  }

  /** Call after committing new outbox rows. */
  wake(): void {
    if (this.stopped || this.tickQueued) {
      return;
    }
    this.tickQueued = true;
    setImmediate(() => {
      this.tickQueued = false;
      this.tick();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.inFlight > 0 || this.outcomes.length > 0) {
      await new Promise(resolve => setTimeout(resolve, 10));
      this.flushOutcomes();
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
    const readsDue = this.reads.size > 0 && this.readsHeldUntil <= Date.now() && !this.stopped;
    if (this.inFlight > 0 || this.outcomes.length > 0 || readsDue) {
      return;
    }
    if (this.tickQueued) {
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
      this.tick();
    }, Math.max(0, atMs - Date.now()));
  }

  private tick(): void {
    if (this.stopped) {
      return;
    }
    const now = Date.now();
    if (this.pausedUntil > now) {
      this.schedule(this.pausedUntil);
      return;
    }
    const room = this.concurrency - this.inFlight;
    if (room <= 0) {
      return; // a completion ticks again
    }
    const claimed: Row[] = [];
    let waitGlobal = 0;
    try {
      this.db.transaction(() => {
        const rows = this.selectDue(powerOfTwoAtLeast(Math.max(room * 4, 64))).all(now) as Row[];
        for (const row of rows) {
          if (claimed.length >= room) {
            break;
          }
          if (this.inFlightContacts.has(row.contact_id)) {
            continue; // its completion ticks again
          }
          const blockedUntil = (this.earlierQueued.get(row.contact_id, row.id) as { at: number | null }).at;
          if (blockedUntil !== null) {
            // An earlier message to this citizen waits for a retry: keep the order, wait with it.
            this.deferRow.run(Math.max(blockedUntil, now + 1), row.id);
            continue;
          }
          if (row.kind === 'message' && (row.last_inbound_ts ?? 0) * 1000 + serviceWindowMs <= now) {
            this.fail(row, 131047, 'the 24-hour customer service window closed before it could be sent', now);
            continue;
          }
          const bucket = this.bucketFor(row.contact_id, now);
          const wait = bucket.waitMs(now);
          if (wait > 0) {
            this.deferRow.run(now + wait, row.id);
            continue;
          }
          if (!this.global.tryTake(now)) {
            waitGlobal = this.global.waitMs(now);
            break;
          }
          bucket.tryTake(now);
          this.inFlightContacts.add(row.contact_id);
          this.markSending.run(row.id);
          claimed.push(row);
        }
      })();
    } catch (error) {
      // Storage trouble (disk full): nothing was claimed; try again shortly.
      for (const row of claimed) {
        this.inFlightContacts.delete(row.contact_id);
      }
      this.log.error({ err: error }, 'outbox: could not claim messages to send; retrying in 1 s');
      this.schedule(now + 1000);
      return;
    }
    this.events.announce();
    for (const row of claimed) {
      this.inFlight++;
      const attempt = row.attempts + 1;
      void this.graph.send(this.requestBody(row)).then(result => this.complete({ row, attempt, result }));
    }
    const readsWait = waitGlobal === 0 ? this.sendReads(room - claimed.length, now) : 0;
    if (waitGlobal > 0) {
      this.schedule(now + waitGlobal);
    } else if (this.inFlight >= this.concurrency) {
      // completions tick again
    } else if (claimed.length === room) {
      this.wake(); // more may be due; completions also tick
    } else {
      // Rows still due now are waiting on a citizen's message in flight; its completion ticks.
      const next = (this.nextLater.get(now) as { at: number | null }).at;
      const readsAt = readsWait > 0 ? now + readsWait : null;
      if (next !== null || readsAt !== null) {
        this.schedule(Math.min(next ?? Infinity, readsAt ?? Infinity));
      }
    }
    this.checkIdle();
  }

  /** Sends waiting mark-as-read calls into `room`; returns how long the rest must wait (0: none, or until a completion). */
  private sendReads(room: number, now: number): number {
    if (this.reads.size === 0) {
      return 0;
    }
    if (this.readsHeldUntil > now) {
      return this.readsHeldUntil - now;
    }
    for (const [contactId, wamid] of this.reads) {
      if (room <= 0) {
        return 0; // completions tick again
      }
      if (!this.global.tryTake(now)) {
        return this.global.waitMs(now);
      }
      this.reads.delete(contactId);
      room--;
      this.inFlight++;
      void this.graph.send({ status: 'read', message_id: wamid }).then(result => this.readSent(contactId, wamid, result));
    }
    return 0;
  }

  private readSent(contactId: number, wamid: string, result: GraphSendResult): void {
    this.inFlight--;
    if (!result.ok) {
      const decision = classifyFailure(result.code, result.httpStatus, 1);
      if (decision.retry) {
        if (!this.reads.has(contactId)) {
          this.reads.set(contactId, wamid); // unless a newer message of theirs is waiting to be marked
        }
        this.readsHeldUntil = Date.now() + Math.max(readRetryMs, decision.pauseAllMs ?? 0);
        if (decision.pauseAllMs !== undefined) {
          this.pausedUntil = Math.max(this.pausedUntil, Date.now() + decision.pauseAllMs);
        }
      }
      this.log.debug({ code: result.code, httpStatus: result.httpStatus, reason: decision.reason }, 'outbox: marking a message read failed');
    }
    this.wake();
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
    if (this.outcomes.length === 1) {
      setImmediate(() => {
        this.flushOutcomes();
        this.tick();
      });
    }
  }

  private flushOutcomes(): void {
    const batch = this.outcomes;
    this.outcomes = [];
    if (batch.length === 0) {
      return;
    }
    const now = Date.now();
    try {
      this.db.transaction(() => {
        for (const { row, attempt, result } of batch) {
          this.record(row, attempt, result, now);
        }
      })();
    } catch (error) {
      // Storage trouble (disk full): keep the results and record them again in a second.
      this.outcomes = batch.concat(this.outcomes);
      this.log.error({ err: error }, 'outbox: could not record send results; retrying in 1 s');
      setTimeout(() => {
        this.flushOutcomes();
        this.tick();
      }, 1000).unref();
      return;
    }
    for (const { row } of batch) {
      this.inFlight--;
      this.inFlightContacts.delete(row.contact_id);
    }
    this.events.announce();
  }

  private record(row: Row, attempt: number, result: GraphSendResult, now: number): void {
    if (result.ok) {
      this.pairFailures.delete(row.contact_id);
      this.markAccepted.run(result.wamid, row.id);
      this.events.append({
        type: 'message.status',
        contactId: row.contact_id,
        conversationId: row.conversation_id,
        at: now,
        data: { outboundId: row.id, status: 'accepted', at: now },
      });
      if (result.wamid !== null) {
        this.statuses.applyParked(result.wamid);
      }
      return;
    }
    const pair = result.code === 131056 ? (this.pairFailures.get(row.contact_id) ?? 0) : 0;
    const decision = classifyFailure(result.code, result.httpStatus, attempt, pair);
    const label = { outboundId: row.id, code: result.code, httpStatus: result.httpStatus, fbtraceId: result.fbtraceId, attempt };
    if (result.code === 131056) {
      this.pairFailures.set(row.contact_id, pair + 1);
    }
    const tooOld = now - row.created_at > serviceWindowMs;
    if (!decision.retry || (decision.maxAttempts !== undefined && attempt >= decision.maxAttempts) || tooOld) {
      const reason = decision.retry ? `${decision.reason} (gave up after ${attempt} attempts)` : decision.reason;
      this.log.warn({ ...label, reason }, 'outbox: message failed');
      this.fail(row, result.code, `${reason}${result.message ? ': ' + result.message : ''}`, now);
      return;
    }
    if (decision.pauseAllMs !== undefined) {
      this.pausedUntil = Math.max(this.pausedUntil, now + decision.pauseAllMs);
    }
    this.log.info({ ...label, reason: decision.reason, retryInMs: decision.delayMs }, 'outbox: will retry');
    this.markRetry.run(now + decision.delayMs, result.code, decision.reason, row.id);
  }

  private fail(row: Row, code: number | null, reason: string, now: number): void {
    this.markFailed.run(now, code, reason, row.id);
    this.events.append({
      type: 'message.status',
      contactId: row.contact_id,
      conversationId: row.conversation_id,
      at: now,
      data: { outboundId: row.id, status: 'failed', code, reason },
    });
  }
}
