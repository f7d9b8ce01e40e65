import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db, Statement } from '../db/open.ts';
import { WalSync } from './wal-sync.ts';

/** The webhook journal's file, beside the main database. */
export const webhookJournalFileName = 'webhooks.db';

/**
 * The webhook journal: what a webhook must reach before it is acknowledged, in a SQLite file of
 * its own.
 *
 * Why a file of its own: acknowledging Meta is what keeps messages coming, so the commit behind
 * a 200 must be small and must never wait for the flows, the sender or the statistics. Here it is
 * one row per webhook body. Requests that arrive in the same turn of the event loop share one
 * commit, and the commits made while the disk flushes share one flush (wal-sync.ts: group
 * commit). Each request's promise resolves only after its batch is flushed, so an acknowledged
 * body is on disk.
 *
 * The processing side (journal/follower.ts) moves entries into the main database in order and
 * records how far it got there, in the same transaction; entries up to that point are then
 * pruned here. Only this class writes the file.
 */
export class WebhookJournal {
  readonly db: Db;
  private readonly walSync: WalSync;
  private queue: Array<{ raw: string; phoneNumberId: string; resolve: (seq: number) => void; reject: (e: unknown) => void }> = [];
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly insert: Statement;
  private readonly deleteUpTo: Statement;
  private prunedUpTo = 0;
  private pruneTimer: NodeJS.Timeout | null = null;
  private pruneTarget = 0;
  private closed = false;

  /**
   * `movedUpTo`: the last entry already stored in the main database (its position table). A
   * journal file that is new or was lost (restored from an older backup) continues numbering
   * after it, so no new entry is mistaken for one already moved.
   */
  constructor(file: string, options: { movedUpTo: number; maxBatch?: number }) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = openJournalFile(file);
    this.walSync = new WalSync(file);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS webhook_journal (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        received_at INTEGER NOT NULL,
        phone_number_id TEXT NOT NULL,
        body TEXT NOT NULL
      );
    `);
    this.maxBatch = options.maxBatch ?? 256;
    const last = (this.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'webhook_journal'").get() as { seq: number } | undefined)?.seq ?? 0;
    if (last < options.movedUpTo) {
      this.db.prepare("DELETE FROM sqlite_sequence WHERE name = 'webhook_journal'").run();
      this.db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('webhook_journal', ?)").run(options.movedUpTo);
    }
    this.insert = this.db.prepare('INSERT INTO webhook_journal (received_at, phone_number_id, body) VALUES (?, ?, ?)');
    this.deleteUpTo = this.db.prepare('DELETE FROM webhook_journal WHERE seq <= ?');
    this.prune(options.movedUpTo, 0);
  }

  /** Resolves with the entry's number once the batch holding it is on disk; rejects if it could not be stored. */
  submit(raw: string, phoneNumberId: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ raw, phoneNumberId, resolve, reject });
      if (this.queue.length >= this.maxBatch) {
        this.flush();
      } else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Entries up to `seq` are stored in the main database: delete them, at most once every `delayMs`. */
  prune(seq: number, delayMs = 1000): void {
    this.pruneTarget = Math.max(this.pruneTarget, seq);
    if (this.closed || this.pruneTimer !== null || this.pruneTarget <= this.prunedUpTo) {
      return;
    }
    const run = () => {
      this.pruneTimer = null;
      try {
        this.deleteUpTo.run(this.pruneTarget);
        this.prunedUpTo = this.pruneTarget;
      } catch {
        // A full disk: the entries stay (already stored elsewhere, so harmless) until next time.
      }
    };
    if (delayMs === 0) {
      run();
    } else {
      this.pruneTimer = setTimeout(run, delayMs);
      this.pruneTimer.unref();
    }
  }

  close(): void {
    if (this.closed) {
      return;
    }
    this.closed = true;
    if (this.pruneTimer !== null) {
      clearTimeout(this.pruneTimer);
      this.pruneTimer = null;
    }
    this.flush();
    this.db.close();
    this.walSync.close();
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) {
      return;
    }
    const now = Date.now();
    let seqs: number[];
    try {
      seqs = this.db.transaction(() => batch.map(p => Number(this.insert.run(now, p.phoneNumberId, p.raw).lastInsertRowid)))();
    } catch (error) {
      // Nothing of the batch was stored (a full disk, an I/O error): none of it is acknowledged.
      batch.forEach(p => p.reject(error));
      return;
    }
    this.walSync.durable().then(
      () => batch.forEach((p, i) => p.resolve(seqs[i]!)),
      // Committed but maybe not on disk: not acknowledged. Meta retries; the wamid deduplicates.
      (error: unknown) => batch.forEach(p => p.reject(error))
    );
  }
}

/** Opens the journal file in WAL mode; its writer flushes commits itself (wal-sync.ts). */
export function openJournalFile(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  return db;
}
