import type { Logger } from '../logger.ts';
import type { Db } from './open.ts';

/** A round that copied fewer pages than this left the writer little to copy and flush. */
const SMALL_ROUND_PAGES = 256;

/** What one PASSIVE checkpoint saw: the WAL's length and how much of it is now in the database file. */
export type CheckpointRound = { walPages: number; copiedUpTo: number };

/**
 * Copies the WAL into the database file from a connection of its own, so that the connection
 * doing the writing does not wait for the bulk of it (that connection runs with
 * `wal_autocheckpoint = 0`).
 *
 * Why: a checkpoint runs inside the commit that crosses the threshold and copies every page the
 * WAL holds, with two fsyncs. In the processing thread at 1,000 messages a second that was a
 * commit of 100-160 ms about once a second (bench, a million contacts), and every reply queued
 * behind it. PASSIVE checkpoints never block the writer and are never blocked by it.
 *
 * The WAL file starts over, instead of growing, only when the writer begins a transaction while
 * every frame in it is already copied. A busy writer commits between any round and its next
 * transaction, so that moment never comes by itself (in the bench the WAL grew by 40 MB a
 * second). So once the WAL is long, `onWalLong` asks the writer to run a PASSIVE checkpoint
 * itself between two of its transactions: it copies only what it wrote since this round, and
 * its next transaction starts the WAL over.
 */
export class Checkpointer {
  private readonly db: Db;
  private readonly log: Logger;
  private readonly intervalMs: number;
  private readonly longWalPages: number;
  private readonly onWalLong: (round: CheckpointRound) => void;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    db: Db,
    log: Logger,
    options: {
      intervalMs?: number;
      /** From this many pages (4 KB each) the writer is asked to start the WAL over. */
      longWalPages?: number;
      onWalLong: (round: CheckpointRound) => void;
    }
  ) {
    this.db = db;
    this.log = log;
    this.intervalMs = options.intervalMs ?? 1000;
    this.longWalPages = options.longWalPages ?? 40_000;
    this.onWalLong = options.onWalLong;
  }

  /** One PASSIVE checkpoint, now. */
  round(): CheckpointRound {
    const [row] = this.db.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
    return { walPages: Math.max(0, row?.log ?? 0), copiedUpTo: Math.max(0, row?.checkpointed ?? 0) };
  }

  /** A round every `intervalMs` until `stop`. */
  start(): void {
    if (this.timer !== null) {
      return;
    }
    this.timer = setInterval(() => {
      try {
        let round = this.round();
        if (round.walPages >= this.longWalPages) {
          // Rounds in a row, each copying (and flushing) what was written during the last, so
          // that the writer's own checkpoint has only a few milliseconds' writes to flush.
          for (let i = 0; i < 4; i++) {
            const before = round.copiedUpTo;
            round = this.round();
            if (round.copiedUpTo - before < SMALL_ROUND_PAGES) {
              break;
            }
          }
          this.onWalLong(round);
        }
      } catch (error) {
        // The disk is full or failing: the WAL keeps everything; the next round tries again.
        this.log.error({ err: error }, 'checkpoint failed; retrying');
      }
    }, this.intervalMs);
  }

  stop(): void {
    if (this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }
}
