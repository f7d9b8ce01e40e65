import type { Db } from './db/open.ts';
import type { EventLog } from './events/event-log.ts';
import { notifyQueuePositions } from './inbox/queue-notices.ts';
import type { Logger } from './logger.ts';
import type { Outbox } from './outbox/outbox.ts';
import { processErasureRequests } from './privacy/erasure-requests.ts';
import { applyRetention } from './privacy/retention.ts';

export type JobDeps = { db: Db; events: EventLog; outbox: Outbox; log: Logger; wakeSender: () => void; retentionDays: number };

type Job = { name: string; everyMs: number; run: () => unknown };

/**
 * The service's periodic work: queue notices to waiting citizens, erasures once their
 * confirmation is sent, and the daily retention sweep. A failing job is logged and tried again
 * at its next turn; it never stops the others.
 */
export function startJobs(deps: JobDeps): { stop: () => void } {
  const jobs: Job[] = [
    {
      name: 'queue-notices',
      everyMs: 60_000,
      run: async () => {
        if ((await notifyQueuePositions(deps.db, deps.outbox, Date.now())) > 0) {
          deps.wakeSender();
          deps.events.announce();
        }
      },
    },
    {
      name: 'erasures',
      everyMs: 5_000,
      run: () => {
        if (processErasureRequests(deps.db).length > 0) {
          deps.events.announce();
        }
      },
    },
    {
      name: 'retention',
      everyMs: 6 * 60 * 60_000,
      run: async () => {
        const counts = await applyRetention(deps.db, { days: deps.retentionDays });
        deps.log.info({ counts, days: deps.retentionDays }, 'retention sweep done');
      },
    },
  ];
  const timers = jobs.map(job => {
    let running = false;
    const timer = setInterval(async () => {
      if (running) {
        return;
      }
      running = true;
      try {
        await job.run();
      } catch (error) {
        deps.log.error({ err: error, job: job.name }, 'periodic job failed');
      } finally {
        running = false;
      }
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  return { stop: () => timers.forEach(t => clearInterval(t)) };
}
