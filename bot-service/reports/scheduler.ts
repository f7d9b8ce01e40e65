import type { Db } from '../db/open.ts';
import { firstCountedDay, getStoredReportMeta } from '../db/queries/stats.ts';
import type { Logger } from '../logger.ts';
import { addDays, DAY_MS, dayStartMs, daysBetween, wibDay } from '../stats/time.ts';
import { storeDailyReport } from './store.ts';

const RETRY_MS = 10 * 60_000;

export type ReportSchedulerOptions = {
  db: Db;
  log: Logger;
  /** The clock (epoch ms); tests move it. */
  now?: () => number;
  /** Bring the counters up to date first (the stats projector's catchUp). */
  catchUp?: () => unknown;
  /** How long after 00:00 WIB the day before is stored, so late work lands first. */
  afterMidnightMs?: number;
  /** After downtime, missing reports of up to this many past days are made. */
  lookbackDays?: number;
  quietMinutes?: number;
};

export type ReportScheduler = {
  /** Makes any missing report now, then again shortly after each WIB midnight. */
  start(): void;
  stop(): Promise<void>;
  /** Makes the missing reports that are due; returns their dates. */
  runOnce(): Promise<string[]>;
};

/**
 * Stores each day's report shortly after 00:00 WIB. A stored report is what the report route
 * serves for that day from then on, so it does not change when later data arrives; only the
 * regenerate route replaces it. A day already stored is never rebuilt here.
 */
export function createReportScheduler(options: ReportSchedulerOptions): ReportScheduler {
  const { db, log } = options;
  const now = options.now ?? Date.now;
  const afterMidnight = options.afterMidnightMs ?? 5 * 60_000;
  const lookback = options.lookbackDays ?? 7;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<string[]> | null = null;
  let stopped = true;

  function dueDays(at: number): string[] {
    const today = wibDay(at);
    // Until a few minutes after midnight the day before is not due yet.
    const last = at >= dayStartMs(today) + afterMidnight ? addDays(today, -1) : addDays(today, -2);
    const first = firstCountedDay(db);
    if (first === null) {
      return [];
    }
    const from = first > addDays(today, -lookback) ? first : addDays(today, -lookback);
    return daysBetween(from, last).filter(day => getStoredReportMeta(db, day) === undefined);
  }

  async function runOnce(): Promise<string[]> {
    options.catchUp?.();
    const made: string[] = [];
    for (const day of dueDays(now())) {
      const meta = await storeDailyReport(db, day, 'scheduler', { now: now(), quietMinutes: options.quietMinutes });
      log.info({ date: day, version: meta.version, pdfBytes: meta.pdfBytes }, 'daily report stored');
      made.push(day);
    }
    return made;
  }

  function schedule(retry: boolean): void {
    if (stopped) {
      return;
    }
    const at = now();
    const next = dayStartMs(wibDay(at)) + DAY_MS + afterMidnight;
    timer = setTimeout(tick, retry ? RETRY_MS : Math.max(1000, next - at));
    timer.unref();
  }

  function tick(): void {
    timer = null;
    let failed = false;
    running = runOnce();
    running
      .catch(error => {
        failed = true;
        log.error({ err: error }, 'daily report: could not store; trying again in 10 minutes');
      })
      .finally(() => {
        running = null;
        schedule(failed);
      });
  }

  return {
    start() {
      if (!stopped) {
        return;
      }
      stopped = false;
      tick();
    },
    async stop() {
      stopped = true;
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
      await running?.catch(() => undefined);
    },
    runOnce,
  };
}
