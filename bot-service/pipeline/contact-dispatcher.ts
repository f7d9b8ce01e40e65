import type { Logger } from '../logger.ts';

/**
 * Runs the flow work after each commit: one contact's messages one at a time, in order.
 *
 * better-sqlite3 is synchronous, so a contact is never processed twice at once; contacts are
 * taken in turns and the event loop is yielded between small slices, so the webhook keeps
 * answering while the flows catch up.
 */
export class ContactDispatcher {
  private readonly pending = new Set<number>();
  private draining = false;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];
  private readonly processContact: (contactId: number) => number;
  private readonly afterSlice: () => void;
  private readonly log: Logger;
  private readonly inTransaction: (work: () => void) => void;

  /**
   * `inTransaction` wraps a whole slice in one transaction (each message's own transaction becomes
   * a savepoint inside it): one commit per slice instead of one per message.
   */
  constructor(
    processContact: (contactId: number) => number,
    afterSlice: () => void,
    log: Logger,
    inTransaction: (work: () => void) => void = work => work()
  ) {
    this.processContact = processContact;
    this.afterSlice = afterSlice;
    this.log = log;
    this.inTransaction = inTransaction;
  }

  notify(contactIds: Iterable<number>): void {
    for (const id of contactIds) {
      this.pending.add(id);
    }
    if (!this.draining && !this.stopped && this.pending.size > 0) {
      this.draining = true;
      setImmediate(() => this.drain());
    }
  }

  whenIdle(): Promise<void> {
    if (!this.draining && (this.pending.size === 0 || this.stopped)) {
      return Promise.resolve();
    }
    return new Promise(resolve => this.idleWaiters.push(resolve));
  }

  /**
   * Stops after the slice in hand: messages not reached stay pending in the database and are
   * handled after the next start, so a stop under a backlog does not wait for all of it.
   */
  stop(): Promise<void> {
    this.stopped = true;
    return this.draining ? new Promise(resolve => this.idleWaiters.push(resolve)) : Promise.resolve();
  }

  private drain(): void {
    const started = Date.now();
    const slice: number[] = [];
    const failed: number[] = [];
    try {
      this.inTransaction(() => {
        for (const id of this.pending) {
          this.pending.delete(id);
          slice.push(id);
          try {
            this.processContact(id);
          } catch (error) {
            // This contact's messages stay pending (its savepoint rolled back) and are retried.
            this.log.error({ err: error, contactId: id }, 'processing a contact failed; will retry');
            failed.push(id);
          }
          if (Date.now() - started > 20) {
            break;
          }
        }
      });
    } catch (error) {
      // The slice's commit failed (disk full): every message in it is still pending.
      this.log.error({ err: error, contacts: slice.length }, 'committing flow work failed; will retry');
      failed.push(...slice);
    }
    if (failed.length > 0) {
      setTimeout(() => this.notify(failed), 1000).unref();
    }
    this.afterSlice();
    if (this.pending.size > 0 && !this.stopped) {
      setImmediate(() => this.drain());
      return;
    }
    this.draining = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach(w => w());
  }
}
