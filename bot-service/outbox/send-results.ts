import type { Db, Statement } from '../db/open.ts';
import type { EventLog } from '../events/event-log.ts';
import type { Logger } from '../logger.ts';
import { classifyFailure } from './error-classes.ts';
import type { GraphSendResult } from './graph-client.ts';
import { serviceWindowMs } from './outbox.ts';
import type { Row } from './sender.ts';
import type { StatusApplier } from './statuses.ts';

/**
 * What became of a send, written to its outbox row inside the caller's transaction: accepted
 * (with its wamid, releasing statuses that arrived before it), queued again for a retry with
 * backoff, or failed for good (error-classes.ts decides which). The sender (sender.ts) keeps the
 * scheduling: the rate, the calls in flight, the pause a rate-limit answer asks for.
 */
export class SendResults {
  private readonly events: EventLog;
  private readonly statuses: StatusApplier;
  private readonly log: Logger;
  /** Consecutive 131056 answers (pair rate limit) per citizen. */
  private readonly pairFailures = new Map<number, number>();
  private readonly markAccepted: Statement;
  private readonly markRetry: Statement;
  private readonly markFailed: Statement;

  constructor(db: Db, events: EventLog, statuses: StatusApplier, log: Logger) {
    this.events = events;
    this.statuses = statuses;
    this.log = log;
    this.markAccepted = db.prepare(
      "UPDATE outbound_messages SET status = 'accepted', wamid = ?, error_code = NULL, error_reason = NULL WHERE id = ? AND status = 'sending'"
    );
    this.markRetry = db.prepare(
      "UPDATE outbound_messages SET status = 'queued', next_attempt_at = ?, error_code = ?, error_reason = ? WHERE id = ?"
    );
    this.markFailed = db.prepare(
      "UPDATE outbound_messages SET status = 'failed', failed_at = ?, error_code = ?, error_reason = ? WHERE id = ?"
    );
  }

  /** Records one call's result; returns how long every send must pause, when the answer asks for it. */
  record(row: Row, attempt: number, result: GraphSendResult, now: number): number | undefined {
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
      return undefined;
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
      return undefined;
    }
    this.log.info({ ...label, reason: decision.reason, retryInMs: decision.delayMs }, 'outbox: will retry');
    this.markRetry.run(now + decision.delayMs, result.code, decision.reason, row.id);
    return decision.pauseAllMs;
  }

  /** The row failed for good (a permanent error, or it can no longer be sent). */
  fail(row: Row, code: number | null, reason: string, now: number): void {
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
