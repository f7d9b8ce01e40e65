import type { Logger } from '../logger.ts';
import { classifyFailure } from './error-classes.ts';
import type { GraphClient, GraphSendResult } from './graph-client.ts';
import type { TokenBucket } from './rate-limit.ts';

/** Mark-as-read calls waiting at most (one per citizen); past it the oldest is dropped. */
const maxWaiting = 100_000;
/** After a mark-as-read fails with a retryable error, reads wait this long. */
const retryMs = 5000;

/**
 * Mark-as-read calls (the blue ticks), kept in memory rather than in the outbox: one lost in a
 * crash costs nothing, and keeping each durable was half the sender's database work. Marking a
 * message read marks the citizen's earlier messages read too, so only the latest per citizen
 * waits. They count against the number's rate (`rate`, the sender's bucket); the sender sends
 * them after the replies, into the room the replies left.
 */
export class ReadReceipts {
  private readonly waiting = new Map<number, string>();
  private heldUntil = 0;
  private readonly graph: GraphClient;
  private readonly log: Logger;
  private readonly rate: TokenBucket;
  private readonly settled: (pauseAllMs: number | undefined) => void;

  /** `settled` is called when a call has come back (with Meta's pause for every send, if any). */
  constructor(graph: GraphClient, log: Logger, rate: TokenBucket, settled: (pauseAllMs: number | undefined) => void) {
    this.graph = graph;
    this.log = log;
    this.rate = rate;
    this.settled = settled;
  }

  add(contactId: number, wamid: string): void {
    this.waiting.delete(contactId); // to the back of the line, with the newer message
    this.waiting.set(contactId, wamid);
    if (this.waiting.size > maxWaiting) {
      this.waiting.delete(this.waiting.keys().next().value!);
    }
  }

  /** Calls wait that may be sent now. */
  due(now: number): boolean {
    return this.waiting.size > 0 && this.heldUntil <= now;
  }

  /**
   * Sends waiting calls into `room`: how many went out, and how long the rest must wait (0: none
   * wait, or they wait for room, which a completion makes).
   */
  send(room: number, now: number): { sent: number; waitMs: number } {
    let sent = 0;
    if (this.waiting.size === 0) {
      return { sent, waitMs: 0 };
    }
    if (this.heldUntil > now) {
      return { sent, waitMs: this.heldUntil - now };
    }
    for (const [contactId, wamid] of this.waiting) {
      if (sent >= room) {
        break;
      }
      if (!this.rate.tryTake(now)) {
        return { sent, waitMs: this.rate.waitMs(now) };
      }
      this.waiting.delete(contactId);
      sent++;
      void this.graph.send({ status: 'read', message_id: wamid }).then(result => this.came(contactId, wamid, result));
    }
    return { sent, waitMs: 0 };
  }

  private came(contactId: number, wamid: string, result: GraphSendResult): void {
    if (result.ok) {
      this.settled(undefined);
      return;
    }
    const decision = classifyFailure(result.code, result.httpStatus, 1);
    this.log.debug({ code: result.code, httpStatus: result.httpStatus, reason: decision.reason }, 'outbox: marking a message read failed');
    if (!decision.retry) {
      this.settled(undefined);
      return;
    }
    if (!this.waiting.has(contactId)) {
      this.waiting.set(contactId, wamid); // unless a newer message of theirs is waiting to be marked
    }
    this.heldUntil = Date.now() + Math.max(retryMs, decision.pauseAllMs ?? 0);
    this.settled(decision.pauseAllMs);
  }
}
