import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SystemInfoResponse } from '../../../bot-service/contract/system.ts';
import { describeDemoSeed, seedDemoHistory, seedDemoHistoryFile } from '../../../bot-service/demo/history.ts';
import { readDemoHistory } from '../../../bot-service/demo/marker.ts';
import { buildDailyReport } from '../../../bot-service/reports/daily.ts';
import type { Service } from '../../../bot-service/server.ts';
import { addDays, wibDay } from '../../../bot-service/stats/time.ts';
import { signIn } from '../api/stats/support.ts';
import { count, startService, tempDir } from '../helpers.ts';
import { chat, statsEngine } from '../stats/traffic.ts';

const open: Array<{ service: Service; cleanup: () => void }> = [];

async function fresh(env: Record<string, string> = {}, dir = tempDir()): Promise<Service> {
  const service = await startService(dir.dir, { engine: statsEngine, env });
  open.push({ service, cleanup: dir.cleanup });
  return service;
}

async function info(service: Service): Promise<SystemInfoResponse> {
  const { headers } = await signIn(service, 'volunteer');
  const res = await service.app.inject({ method: 'GET', url: '/api/system/info', headers });
  expect(res.statusCode).toBe(200);
  return res.json() as SystemInfoResponse;
}

afterEach(async () => {
  for (const { service, cleanup } of open.splice(0)) {
    await service.close();
    cleanup();
  }
});

describe('demo/first-start', () => {
  it('refuses a database that already holds real conversations, and adds nothing', async () => {
    const service = await fresh();
    await chat(service, '6281299900002', 'sidoarjo', Date.now());
    const contacts = count(service, 'SELECT COUNT(*) AS n FROM contacts');
    expect(count(service, 'SELECT COUNT(*) AS n FROM conversations')).toBe(1);

    const result = seedDemoHistory(service.db, { now: Date.now(), conversations: 3000 });
    expect(result).toEqual({ seeded: false, reason: 'real-data', history: null });
    expect(describeDemoSeed(result)).toMatch(/real conversations/);
    expect(count(service, 'SELECT COUNT(*) AS n FROM contacts')).toBe(contacts);
    expect(count(service, "SELECT COUNT(*) AS n FROM contacts WHERE wa_key LIKE 'demo-%'")).toBe(0);
    expect(count(service, 'SELECT COUNT(*) AS n FROM conversations')).toBe(1);
    expect(readDemoHistory(service.db)).toBeNull();
    expect(await info(service)).toEqual({ demo: false, demoHistory: null });
  });

  it('seeds a database file before the service opens it; the service then stores the demo days\' reports', async () => {
    const dir = tempDir();
    const now = Date.now();
    const today = wibDay(now);
    const result = seedDemoHistoryFile(join(dir.dir, 'bot.db'), { now, days: 2, conversations: 3000, seed: 7 });
    expect(result.seeded).toBe(true);
    expect(describeDemoSeed(result)).toMatch(/^Demo history: 3,000 made-up conversations/);

    const service = await fresh({ BOT_DEMO: 'true' }, dir);
    expect(await info(service)).toEqual({ demo: true, demoHistory: { from: addDays(today, -2), to: addDays(today, -1), conversations: 3000 } });
    // Even a small history reaches every region, with the five on top.
    const r = buildDailyReport(service.db, addDays(today, -1), { now });
    expect(r.regions.filter(x => x.code !== 'unknown' && x.conversations === 0)).toEqual([]);
    expect(r.topRegions.map(t => t.code)).toEqual(['35.78', '35.15', '35.07', '35.24', '35.25']);

    // The report scheduler runs at start and stores the days it finds counters for.
    const start = Date.now();
    while (count(service, 'SELECT COUNT(*) AS n FROM daily_reports') < 2 && Date.now() - start < 10_000) {
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    const stored = service.db.prepare('SELECT date, json FROM daily_reports ORDER BY date').all() as Array<{ date: string; json: string }>;
    expect(stored.map(s => s.date)).toEqual([addDays(today, -2), addDays(today, -1)]);
    const total = stored.reduce((sum, s) => sum + (JSON.parse(s.json) as { totals: { conversations: number } }).totals.conversations, 0);
    expect(total).toBe(3000);

    // Opening it again (the next `npm start`) keeps the history as it is.
    expect(seedDemoHistory(service.db, { now, days: 2, conversations: 3000, seed: 7 })).toMatchObject({ seeded: false, reason: 'already-seeded' });
    expect(count(service, 'SELECT COUNT(*) AS n FROM conversations')).toBe(3000);
  });

  it('makes the same history from the same seed, and another from another seed', async () => {
    const now = Date.parse('2020-04-04T09:00:00+07:00');
    const digest = (service: Service) =>
      service.db
        .prepare("SELECT group_concat(region_code || ':' || conversations || ':' || messages_in, ',') FROM (SELECT * FROM stats_hourly ORDER BY day, hour, region_code)")
        .pluck()
        .get();
    const a = await fresh();
    const b = await fresh();
    const c = await fresh();
    seedDemoHistory(a.db, { now, conversations: 2000, seed: 1 });
    seedDemoHistory(b.db, { now, conversations: 2000, seed: 1 });
    seedDemoHistory(c.db, { now, conversations: 2000, seed: 2 });
    expect(readDemoHistory(a.db)).toMatchObject({ from: '2020-04-01', to: '2020-04-03', conversations: 2000 });
    expect(digest(a)).toBe(digest(b));
    expect(digest(a)).not.toBe(digest(c));
  });

  it('rejects sizes it cannot make sensibly', async () => {
    const service = await fresh();
    expect(() => seedDemoHistory(service.db, { now: Date.now(), days: 0 })).toThrow(/days/);
    expect(() => seedDemoHistory(service.db, { now: Date.now(), conversations: 2 })).toThrow(/conversations/);
    expect(readDemoHistory(service.db)).toBeNull();
  });
});
