import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../bot-service/contract/auth.ts';
import type { DailyReport } from '../../../bot-service/contract/reports.ts';
import type { SystemInfoResponse } from '../../../bot-service/contract/system.ts';
import { seedDemoHistory, type SeedDemoResult } from '../../../bot-service/demo/history.ts';
import { TOP_FIVE } from '../../../bot-service/demo/plan.ts';
import { DEMO_TEXT } from '../../../bot-service/demo/rows.ts';
import { buildDailyReport } from '../../../bot-service/reports/daily.ts';
import type { Service } from '../../../bot-service/server.ts';
import { readRecountColumns, recountFromMessages } from '../../../bot-service/stats/recount.ts';
import { addDays, dayStartMs, wibDay } from '../../../bot-service/stats/time.ts';
import { roles, signIn } from '../api/stats/support.ts';
import { count, startService, tempDir } from '../helpers.ts';
import { chat, statsEngine } from '../stats/traffic.ts';

let service: Service;
let cleanup: () => void;
let result: SeedDemoResult;
const headers = {} as Record<Role, Record<string, string>>;
const now = Date.now();
const today = wibDay(now);
const days = [addDays(today, -3), addDays(today, -2), addDays(today, -1)];

/** Row counts and counter sums that any change to the history would move. */
function snapshot(s: Service): Record<string, number> {
  const q = (sql: string) => Number(s.db.prepare(sql).pluck().get());
  return {
    contacts: q('SELECT COUNT(*) FROM contacts'),
    conversations: q('SELECT COUNT(*) FROM conversations'),
    inbound: q('SELECT COUNT(*) FROM inbound_messages'),
    outbound: q('SELECT COUNT(*) FROM outbound_messages'),
    hourlyConversations: q('SELECT COALESCE(SUM(conversations), 0) FROM stats_hourly'),
    hourlyMessages: q('SELECT COALESCE(SUM(messages_in + messages_out), 0) FROM stats_hourly'),
    dayContacts: q('SELECT COUNT(*) FROM stats_day_contacts'),
    handoffs: q('SELECT COUNT(*) FROM stats_handoffs'),
  };
}

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  service = await startService(t.dir, { engine: statsEngine, env: { BOT_DEMO: 'true' } });
  for (const role of roles) {
    headers[role] = (await signIn(service, role)).headers;
  }
  const started = performance.now();
  result = seedDemoHistory(service.db, { now });
  const ms = performance.now() - started;
  if (result.seeded) {
    const h = result.history;
    process.stdout.write(
      `demo history: ${h.conversations} conversations, ${h.contacts} contacts, ${h.messagesIn} messages in, ${h.messagesOut} out, ${h.from}..${h.to}: seeded in ${(ms / 1000).toFixed(2)} s\n`
    );
  }
}, 120_000);

afterAll(async () => {
  await service.close();
  cleanup();
});

const report = (day: string): DailyReport => buildDailyReport(service.db, day, { now });

describe('demo/history', () => {
  it('seeds about 110,000 conversations over the three WIB days before today, none today', () => {
    expect(result.seeded).toBe(true);
    if (!result.seeded) return;
    expect(result.history).toMatchObject({ from: days[0], to: days[2], conversations: 110_000 });
    const perDay = service.db
      .prepare('SELECT started_at FROM conversations')
      .pluck()
      .all()
      .reduce((m: Map<string, number>, at) => m.set(wibDay(Number(at)), (m.get(wibDay(Number(at))) ?? 0) + 1), new Map<string, number>());
    expect([...perDay.keys()].sort()).toEqual(days);
    for (const day of days) {
      expect(perDay.get(day)).toBeGreaterThan(30_000);
    }
    // Today stays for live traffic: no demo message of any kind falls on it.
    const start = dayStartMs(today);
    expect(count(service, 'SELECT COUNT(*) AS n FROM inbound_messages WHERE received_at >= ?', start)).toBe(0);
    expect(count(service, 'SELECT COUNT(*) AS n FROM outbound_messages WHERE created_at >= ? OR failed_at >= ?', start, start)).toBe(0);
    expect(count(service, 'SELECT COUNT(*) AS n FROM stats_hourly WHERE day >= ?', today)).toBe(0);
  });

  it('puts Surabaya, Sidoarjo, Malang, Lamongan and Gresik on top, in that order, on every seeded day', () => {
    for (const day of days) {
      const r = report(day);
      expect(r.topRegions.map(t => t.code)).toEqual([...TOP_FIVE]);
      expect(r.topRegions.map(t => t.name)).toEqual(['Kota Surabaya', 'Kabupaten Sidoarjo', 'Kabupaten Malang', 'Kabupaten Lamongan', 'Kabupaten Gresik']);
    }
  });

  it('gives every one of the 38 regions conversations each day, and a small share no region', () => {
    for (const day of days) {
      const r = report(day);
      const known = r.regions.filter(x => x.code !== 'unknown');
      expect(known).toHaveLength(38);
      expect(known.filter(x => x.conversations === 0).map(x => x.code)).toEqual([]);
      const unknown = r.regions.find(x => x.code === 'unknown')!.conversations;
      expect(unknown / r.totals.conversations).toBeGreaterThan(0.02);
      expect(unknown / r.totals.conversations).toBeLessThan(0.06);
    }
  });

  it('keeps counters that agree with a recount of the stored conversations and messages', () => {
    for (const day of days) {
      expect(readRecountColumns(service.db, day)).toEqual(recountFromMessages(service.db, day));
    }
  });

  it('looks like real use: returning citizens, evening peaks, features, self check-ups, handoffs and hoax claims', () => {
    const r = report(days[1]!);
    const t = r.totals;
    expect(t.messagesIn).toBeGreaterThan(t.conversations);
    expect(t.messagesOut).toBeGreaterThan(t.messagesIn);
    expect(t.newContacts).toBeGreaterThan(0);
    expect(t.returningContacts / t.contacts).toBeGreaterThan(0.05);
    expect(t.deliveryFailures).toBeGreaterThan(0);
    expect(Object.values(r.features).every(n => n > 0)).toBe(true);
    const checks = r.selfcheck.rendah + r.selfcheck.sedang + r.selfcheck.tinggi;
    expect(r.selfcheck.tinggi / checks).toBeGreaterThan(0.01);
    expect(r.selfcheck.tinggi / checks).toBeLessThan(0.1);
    expect(r.handoffs.count).toBeGreaterThan(0);
    expect(r.handoffs.claimed).toBe(r.handoffs.count);
    expect(r.handoffs.stillOpen).toBe(0);
    expect(r.handoffs.medianWaitMs).toBeGreaterThan(0);
    expect(r.handoffs.medianFirstReplyMs).toBeGreaterThan(r.handoffs.medianWaitMs!);
    expect(r.hoax.claims).toBeGreaterThan(0);
    expect(r.hoax.topClusters.some(c => c.hoaxId !== null && c.claim !== null)).toBe(true);
    expect(r.totals.botOnlyShare).toBeGreaterThan(0.9);
    // Quiet at 03:00 WIB, busy in the morning and the evening.
    expect(r.hourly[9]!.conversations).toBeGreaterThan(4 * r.hourly[3]!.conversations);
    expect(r.hourly[20]!.conversations).toBeGreaterThan(4 * r.hourly[3]!.conversations);
    // Flags on the conversations the monitor shows.
    expect(count(service, 'SELECT COUNT(*) AS n FROM conversations WHERE flags & 1')).toBeGreaterThan(0);
    expect(count(service, 'SELECT COUNT(*) AS n FROM conversations WHERE flags & 2')).toBeGreaterThan(0);
  });

  it('marks every citizen and message as demo, and leaves the volunteer queue empty', () => {
    expect(count(service, "SELECT COUNT(*) AS n FROM contacts WHERE wa_key NOT GLOB 'demo-[0-9][0-9][0-9][0-9][0-9][0-9]'")).toBe(0);
    expect(count(service, "SELECT COUNT(*) AS n FROM contacts WHERE profile_name NOT LIKE 'Warga Demo %' OR wa_id IS NOT NULL")).toBe(0);
    const texts = new Set<string>(Object.values(DEMO_TEXT));
    const inbound = service.db.prepare('SELECT DISTINCT text FROM inbound_messages').pluck().all() as string[];
    const outbound = service.db.prepare('SELECT DISTINCT text FROM outbound_messages').pluck().all() as string[];
    expect([...inbound, ...outbound].filter(x => !texts.has(x))).toEqual([]);
    expect(inbound.every(x => x.startsWith('(pesan demo'))).toBe(true);
    expect(count(service, "SELECT COUNT(*) AS n FROM conversations WHERE state != 'closed' OR ended_at IS NULL")).toBe(0);
  });

  it('leaves every reference intact, with foreign keys checked again afterwards', () => {
    expect(service.db.pragma('foreign_key_check')).toEqual([]);
    expect(service.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('serves the seeded days through the heatmap API and the CSV report', async () => {
    const regions = await service.app.inject({
      method: 'GET',
      url: `/api/stats/regions?from=${days[0]}&to=${days[2]}&metric=conversations`,
      headers: headers.official,
    });
    expect(regions.statusCode).toBe(200);
    const body = regions.json() as { top: Array<{ code: string }>; total: number; regions: Array<{ absolute: number }> };
    expect(body.top.map(r => r.code)).toEqual([...TOP_FIVE]);
    expect(body.total).toBe(110_000);
    expect(body.regions.every(r => r.absolute > 0)).toBe(true);

    const contacts = await service.app.inject({ method: 'GET', url: `/api/stats/regions?from=${days[0]}&to=${days[2]}&metric=contacts`, headers: headers.official });
    const distinct = (contacts.json() as { total: number }).total;
    // Over three days a returning citizen counts once.
    expect(distinct).toBe(result.seeded ? result.history.contacts : -1);

    const csv = await service.app.inject({ method: 'GET', url: `/api/reports/daily?date=${days[1]}&format=csv`, headers: headers.supervisor });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 38 + 1);
    const header = lines[0]!.split(',');
    const at = header.indexOf('conversations');
    const rows = lines.slice(1).map(l => l.split(','));
    expect(rows.filter(r => Number(r[at]) > 0)).toHaveLength(39);
    expect(rows.reduce((sum, r) => sum + Number(r[at]), 0)).toBe(report(days[1]!).totals.conversations);
  });

  it('tells every signed-in role about the demo history at /api/system/info', async () => {
    expect((await service.app.inject({ method: 'GET', url: '/api/system/info' })).statusCode).toBe(401);
    for (const role of roles) {
      const res = await service.app.inject({ method: 'GET', url: '/api/system/info', headers: headers[role] });
      expect(res.statusCode, role).toBe(200);
      expect(res.json() as SystemInfoResponse).toEqual({ demo: true, demoHistory: { from: days[0], to: days[2], conversations: 110_000 } });
    }
    const openapi = await service.app.inject({ method: 'GET', url: '/api/openapi.json', headers: headers.volunteer });
    expect((openapi.json() as { paths: Record<string, { get?: { description: string } }> }).paths['/api/system/info']?.get?.description).toBe(
      'Roles: admin, supervisor, volunteer, official.'
    );
  });

  it('changes nothing when asked again, even on a later day', () => {
    const before = snapshot(service);
    const again = seedDemoHistory(service.db, { now: now + 2 * 86_400_000 });
    expect(again).toMatchObject({ seeded: false, reason: 'already-seeded', history: { from: days[0], to: days[2], conversations: 110_000 } });
    expect(snapshot(service)).toEqual(before);
  });

  it('leaves live traffic to the pipeline: a real citizen today is counted once, the demo days stay', async () => {
    const before = days.map(d => report(d).totals);
    await chat(service, '6281299900001', 'surabaya', now);
    const start = Date.now();
    let todayCount = 0;
    while (Date.now() - start < 5000) {
      todayCount = count(service, 'SELECT COALESCE(SUM(conversations), 0) AS n FROM stats_hourly WHERE day = ?', today);
      if (todayCount > 0) break;
      await new Promise(resolve => setTimeout(resolve, 20));
    }
    expect(todayCount).toBe(1);
    expect(count(service, "SELECT COUNT(*) AS n FROM stats_hourly WHERE day = ? AND region_code = '35.78' AND conversations = 1", today)).toBe(1);
    expect(days.map(d => report(d).totals)).toEqual(before);
  });
});
