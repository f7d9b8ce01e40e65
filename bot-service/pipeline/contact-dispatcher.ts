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
  private idleWaiters: Array<() => void> = [];
  private readonly processContact: (contactId: number) => number;
  private readonly afterSlice: () => void;
  private readonly log: Logger;

  constructor(processContact: (contactId: number) => number, afterSlice: () => void, log: Logger) {
    this.processContact = processContact;
    this.afterSlice = afterSlice;
    this.log = log;
  }

  notify(contactIds: Iterable<number>): void {
    for (const id of contactIds) {
      this.pending.add(id);
    }
    if (!this.draining && this.pending.size > 0) {
      this.draining = true;
      setImmediate(() => this.drain());
    }
  }

  whenIdle(): Promise<void> {
    if (!this.draining && this.pending.size === 0) {
      return Promise.resolve();
    }
    return new Promise(resolve => this.idleWaiters.push(resolve));
  }

  private drain(): void {
    const started = Date.now();
    for (const id of this.pending) {
      this.pending.delete(id);
      try {
        this.processContact(id);
      } catch (error) {
        // Storage trouble (disk full): the messages stay pending and are retried on the next notify.
        this.log.error({ err: error, contactId: id }, 'processing a contact failed; will retry');
        setTimeout(() => this.notify([id]), 1000).unref();
      }
      if (Date.now() - started > 20) {
        break;
      }
    }
    this.afterSlice();
    if (this.pending.size > 0) {
      setImmediate(() => this.drain());
      return;
    }
    this.draining = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach(w => w());
  }
}
