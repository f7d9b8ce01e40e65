import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { openDatabase, type Db } from '../../../bot-service/db/open.ts';
import { createReportScheduler } from '../../../bot-service/reports/scheduler.ts';
import { tempDir } from '../helpers.ts';
import { addCounts } from '../api/stats/support.ts';

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openDatabase(`${t.dir}/bot.db`);
});
afterEach(() => {
  db.close();
  cleanup();
});

const log = pino({ level: 'silent' });
const wib = (s: string) => Date.parse(`${s}+07:00`);
const stored = () => db.prepare('SELECT date, generated_by AS by, version FROM daily_reports ORDER BY date').all();

describe('reports/scheduler', () => {
  it('stores the day before shortly after 00:00 WIB, once', async () => {
    addCounts(db, '2020-04-01', 10, '35.78', { conversations: 10 });
    addCounts(db, '2020-04-02', 10, '35.78', { conversations: 20 });
    let now = wib('2020-04-03T00:01:00');
    let caughtUp = 0;
    const scheduler = createReportScheduler({ db, log, now: () => now, catchUp: () => caughtUp++ });
    // 00:01 WIB: the 2nd is not due yet (late work may still land); the 1st is.
    expect(await scheduler.runOnce()).toEqual(['2020-04-01']);
    now = wib('2020-04-03T00:05:00');
    expect(await scheduler.runOnce()).toEqual(['2020-04-02']);
    expect(await scheduler.runOnce()).toEqual([]);
    expect(stored()).toEqual([
      { date: '2020-04-01', by: 'scheduler', version: 1 },
      { date: '2020-04-02', by: 'scheduler', version: 1 },
    ]);
    expect(caughtUp).toBe(3);
    const json = JSON.parse(db.prepare("SELECT json FROM daily_reports WHERE date = '2020-04-02'").pluck().get() as string);
    expect(json).toMatchObject({ date: '2020-04-02', partial: false, totals: { conversations: 20 } });
  });

  it('after downtime makes the missing days of the last week, not older ones', async () => {
    addCounts(db, '2020-03-01', 10, '35.78', { conversations: 1 });
    const scheduler = createReportScheduler({ db, log, now: () => wib('2020-04-10T08:00:00'), lookbackDays: 3 });
    expect(await scheduler.runOnce()).toEqual(['2020-04-07', '2020-04-08', '2020-04-09']);
  });

  it('makes nothing before there is any traffic, and runs on start', async () => {
    const scheduler = createReportScheduler({ db, log, now: () => wib('2020-04-10T08:00:00') });
    expect(await scheduler.runOnce()).toEqual([]);
    addCounts(db, '2020-04-09', 10, '35.78', { conversations: 1 });
    scheduler.start();
    for (let i = 0; i < 200 && stored().length === 0; i++) {
      await new Promise(r => setTimeout(r, 10));
    }
    await scheduler.stop();
    expect(stored()).toEqual([{ date: '2020-04-09', by: 'scheduler', version: 1 }]);
  });
});
