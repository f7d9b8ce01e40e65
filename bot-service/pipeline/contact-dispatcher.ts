import type { Logger } from '../logger.ts';

/** The contacts one slice handled, and those whose processing failed (retried later). */
export type Slice = { contacts: number[]; failed: number[] };

/**
 * Which citizens have messages waiting for the flow engine, and a slice of them handled at a time:
 * one contact's messages one at a time, in order, contacts taken in turns.
 *
 * better-sqlite3 is synchronous, so a contact is never processed twice at once. The processing
 * cycle (pipeline/processing.ts) runs a slice inside its transaction and reports back after the
 * commit; the dispatcher asks for a cycle (`requestRun`) whenever contacts wait.
 */
export class ContactDispatcher {
  private readonly pending = new Set<number>();
  private stopped = false;
  private idleWaiters: Array<() => void> = [];
  private readonly processContact: (contactId: number) => number;
  private readonly requestRun: () => void;
  private readonly log: Logger;

  constructor(processContact: (contactId: number) => number, requestRun: () => void, log: Logger) {
    this.processContact = processContact;
    this.requestRun = requestRun;
    this.log = log;
  }

  notify(contactIds: Iterable<number>): void {
    for (const id of contactIds) {
      this.pending.add(id);
    }
    if (this.hasPending()) {
      this.requestRun();
    }
  }

  /** Contacts wait and the dispatcher is not stopped. */
  hasPending(): boolean {
    return !this.stopped && this.pending.size > 0;
  }

  /** Resolves when no contact waits (or after a stop). */
  whenIdle(): Promise<void> {
    if (!this.hasPending()) {
      return Promise.resolve();
    }
    return new Promise(resolve => this.idleWaiters.push(resolve));
  }

  /**
   * Stops taking slices: messages not reached stay pending in the database and are handled after
   * the next start, so a stop under a backlog does not wait for all of it.
   */
  stop(): void {
    this.stopped = true;
    this.settleIdle();
  }

  /**
   * Handles waiting contacts for up to `budgetMs`, inside the caller's transaction (each message's
   * own transaction is a savepoint in it). Call `sliceDone` after that transaction ends.
   */
  runSlice(budgetMs: number): Slice {
    const started = Date.now();
    const slice: Slice = { contacts: [], failed: [] };
    if (this.stopped) {
      return slice;
    }
    for (const id of this.pending) {
      this.pending.delete(id);
      slice.contacts.push(id);
      try {
        this.processContact(id);
      } catch (error) {
        // This contact's messages stay pending (its savepoint rolled back) and are retried.
        this.log.error({ err: error, contactId: id }, 'processing a contact failed; will retry');
        slice.failed.push(id);
      }
      if (Date.now() - started > budgetMs) {
        break;
      }
    }
    return slice;
  }

  /** The slice's transaction committed, or not (then every message in it is still pending). */
  sliceDone(slice: Slice, committed: boolean): void {
    const retry = committed ? slice.failed : slice.contacts;
    if (retry.length > 0) {
      setTimeout(() => this.notify(retry), 1000).unref();
    }
    if (this.hasPending()) {
      this.requestRun();
    } else {
      this.settleIdle();
    }
  }

  private settleIdle(): void {
    if (this.hasPending()) {
      return;
    }
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach(w => w());
  }
}
