import { closeSync, fdatasync, openSync } from 'node:fs';

/**
 * Makes committed journal batches durable without holding the event loop while the disk flushes.
 *
 * The webhook journal commits with synchronous=NORMAL: SQLite writes the batch's frames to the WAL
 * file (write(), no flush) and returns at once. Then this calls fdatasync on the WAL file in
 * libuv's thread pool, and the webhooks of the batch are answered 200 only after it returns:
 * frames written before the call are on disk, so an acknowledged message survives a power cut,
 * the same guarantee as synchronous=FULL, where SQLite would flush on the event loop. (In WAL
 * mode with synchronous=NORMAL SQLite flushes the WAL before a checkpoint copies it and the
 * database file after, so a batch checkpointed in between is on disk either way.) One flush is in
 * flight at a time; the batches committed meanwhile share the next one: while the disk flushes,
 * the event loop goes on taking requests, and the next flush covers all of them (group commit).
 */
export class WalSync {
  private readonly walFile: string;
  private fd: number | null = null;
  private flushing = false;
  private closing = false;
  private waiting: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];

  constructor(databaseFile: string) {
    this.walFile = `${databaseFile}-wal`;
  }

  /** Resolves once everything committed before this call is on disk; rejects if the flush failed. */
  durable(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (!this.flushing) {
        this.flush();
      }
    });
  }

  /** Closes the file now, or once the flush in flight is done (its callers still learn how it went). */
  close(): void {
    this.closing = true;
    if (!this.flushing && this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
  }

  private flush(): void {
    const group = this.waiting;
    this.waiting = [];
    this.flushing = true;
    const done = (error: Error | null) => {
      this.flushing = false;
      for (const w of group) {
        if (error) {
          w.reject(error);
        } else {
          w.resolve();
        }
      }
      if (this.waiting.length > 0) {
        this.flush();
      } else if (this.closing) {
        this.close();
      }
    };
    try {
      this.fd ??= openSync(this.walFile, 'r');
    } catch (error) {
      done(error as Error);
      return;
    }
    fdatasync(this.fd, done);
  }
}
