import { afterEach, describe, expect, it } from 'vitest';
import type { DailyReport, RegenerateResponse, StoredReportList } from '../../../../bot-service/contract/reports.ts';
import { createReportScheduler } from '../../../../bot-service/reports/scheduler.ts';
import type { Service } from '../../../../bot-service/server.ts';
import { createStatsProjector } from '../../../../bot-service/stats/projector.ts';
import { addDays, dayStartMs, wibDay } from '../../../../bot-service/stats/time.ts';
import { startService, tempDir } from '../../helpers.ts';
import { chat, statsEngine } from '../../stats/traffic.ts';
import { addCounts, signIn } from './support.ts';

let service: Service | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
  cleanup?.();
});

async function start(): Promise<Service> {
  const t = tempDir();
  cleanup = t.cleanup;
  service = await startService(t.dir, { engine: statsEngine });
  return service;
}

const audits = (s: Service, action: string) =>
  (s.db.prepare('SELECT actor_id, target, details FROM audit_log WHERE action = ? ORDER BY id').all(action) as Array<{ actor_id: number; target: string; details: string }>).map(
    r => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> })
  );

const today = () => wibDay(Date.now());

describe('api/reports/daily', () => {
  it('serves today so far as JSON, CSV and PDF with their types and file names; exports are audited', async () => {
    const s = await start();
    const projector = createStatsProjector({ db: s.db, events: s.events, log: s.log });
    const at = Date.now() - 2000;
    await chat(s, '6281400000001', 'surabaya', at);
    await chat(s, '6281400000001', 'Tolong, badan saya demam tinggi', at + 1000);
    projector.catchUp();
    const official = await signIn(s, 'official');
    const date = wibDay(at);

    const json = await s.app.inject({ method: 'GET', url: `/api/reports/daily?date=${date}`, headers: official.headers });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.headers['content-disposition']).toBe(`inline; filename="laporan-harian-${date}.json"`);
    expect(json.headers['x-report-source']).toBe('live');
    const report = json.json() as DailyReport;
    expect(report).toMatchObject({ date, partial: date === today(), totals: { conversations: 1, contacts: 1, messagesIn: 2 } });
    expect(report.regions.find(r => r.code === '35.78')!.conversations).toBe(1);
    // Aggregates only: neither the citizen's number nor their words are in it.
    expect(json.body).not.toContain('6281400000001');
    expect(json.body).not.toContain('demam');

    const csv = await s.app.inject({ method: 'GET', url: `/api/reports/daily?date=${date}&format=csv`, headers: official.headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="laporan-harian-${date}.csv"`);
    expect(csv.body.split('\r\n')[0]).toMatch(/^date,region_code,region_name,conversations,contacts,/);
    expect(csv.body).toContain(`${date},35.78,Kota Surabaya,1,1,`);

    const pdf = await s.app.inject({ method: 'GET', url: `/api/reports/daily?date=${date}&format=pdf`, headers: official.headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="laporan-harian-${date}.pdf"`);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    expect(audits(s, 'report.export')).toEqual([
      { actor_id: official.id, target: `report:${date}`, details: { format: 'csv', source: 'live', version: null } },
      { actor_id: official.id, target: `report:${date}`, details: { format: 'pdf', source: 'live', version: null } },
    ]);
  });

  it('refuses a bad or future date, or an unknown format, and audits nothing', async () => {
    const s = await start();
    const { headers } = await signIn(s, 'supervisor');
    const cases: Array<[string, RegExp]> = [
      ['', /^date:/],
      ['date=2020-13-01', /^date:/],
      ['date=03-04-2020', /^date:/],
      [`date=${addDays(today(), 1)}`, /^date: is in the future/],
      [`date=${today()}&format=xlsx`, /^format:/],
    ];
    for (const [query, error] of cases) {
      const res = await s.app.inject({ method: 'GET', url: `/api/reports/daily?${query}`, headers });
      expect(res.statusCode, query).toBe(400);
      expect((res.json() as { error: string }).error).toMatch(error);
    }
    const regen = await s.app.inject({ method: 'POST', url: `/api/reports/daily/${today()}/regenerate`, headers });
    expect(regen.statusCode).toBe(400);
    const badDay = await s.app.inject({ method: 'POST', url: '/api/reports/daily/2020-02-31/regenerate', headers });
    expect(badDay.statusCode).toBe(400);
    expect(audits(s, 'report.export')).toEqual([]);
    expect(audits(s, 'report.regenerate')).toEqual([]);
    expect(s.db.prepare('SELECT COUNT(*) FROM daily_reports').pluck().get()).toBe(0);
  });

  it('serves the stored report of a past day unchanged by later data, until it is regenerated on purpose', async () => {
    const s = await start();
    const yesterday = addDays(today(), -1);
    addCounts(s.db, yesterday, 10, '35.78', { conversations: 40, messages_in: 100 });
    // Shortly after midnight the scheduler stores the day before.
    const scheduler = createReportScheduler({ db: s.db, log: s.log, now: () => dayStartMs(today()) + 6 * 60_000 });
    expect(await scheduler.runOnce()).toEqual([yesterday]);
    expect(await scheduler.runOnce()).toEqual([]);

    const official = await signIn(s, 'official');
    const read = async () => {
      const res = await s.app.inject({ method: 'GET', url: `/api/reports/daily?date=${yesterday}`, headers: official.headers });
      return { source: res.headers['x-report-source'], report: res.json() as DailyReport };
    };
    const first = await read();
    expect(first.source).toBe('stored');
    expect(first.report.totals.conversations).toBe(40);

    // Late data for that day arrives (e.g. a message Meta retried): the stored report stays.
    addCounts(s.db, yesterday, 23, '35.07', { conversations: 5 });
    const again = await read();
    expect(again.report).toEqual(first.report);
    const csv = await s.app.inject({ method: 'GET', url: `/api/reports/daily?date=${yesterday}&format=csv`, headers: official.headers });
    expect(csv.body).toContain(`${yesterday},35.07,Kabupaten Malang,0,`);

    const list = await s.app.inject({ method: 'GET', url: '/api/reports', headers: official.headers });
    expect((list.json() as StoredReportList).reports).toEqual([
      expect.objectContaining({ date: yesterday, generatedBy: 'scheduler', version: 1 }),
    ]);

    // Officials may not rebuild it; a supervisor may, and it is audited.
    expect((await s.app.inject({ method: 'POST', url: `/api/reports/daily/${yesterday}/regenerate`, headers: official.headers })).statusCode).toBe(403);
    const supervisor = await signIn(s, 'supervisor');
    const regen = await s.app.inject({ method: 'POST', url: `/api/reports/daily/${yesterday}/regenerate`, headers: supervisor.headers });
    expect(regen.statusCode).toBe(200);
    expect((regen.json() as RegenerateResponse).report).toMatchObject({ date: yesterday, generatedBy: `user:${supervisor.id}`, version: 2 });
    expect(audits(s, 'report.regenerate')).toEqual([{ actor_id: supervisor.id, target: `report:${yesterday}`, details: { version: 2 } }]);
    const after = await read();
    expect(after.report.totals.conversations).toBe(45);
    expect(after.report.regions.find(r => r.code === '35.07')!.conversations).toBe(5);

    // The download of a stored report says which version was exported.
    await s.app.inject({ method: 'GET', url: `/api/reports/daily?date=${yesterday}&format=pdf`, headers: official.headers });
    expect(audits(s, 'report.export').at(-1)!.details).toEqual({ format: 'pdf', source: 'stored', version: 2 });
  });
});
