import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegionStatsResponse, SeriesResponse, OverviewResponse } from '../../../../bot-service/contract/stats.ts';
import type { Service } from '../../../../bot-service/server.ts';
import { addDays, wibDay } from '../../../../bot-service/stats/time.ts';
import { startService, tempDir } from '../../helpers.ts';
import { addContacts, addCounts, signIn } from './support.ts';

let service: Service;
let cleanup: () => void;
let headers: Record<string, string>;
const today = wibDay(Date.now());
const yesterday = addDays(today, -1);

// Populations from the reference data (BPS 2020).
const SURABAYA = { code: '35.78', population: 2874314 };
const BATU = { code: '35.79', population: 213046 };

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  service = await startService(t.dir);
  headers = (await signIn(service, 'official')).headers;
  const db = service.db;
  addCounts(db, yesterday, 9, SURABAYA.code, { conversations: 1000, messages_in: 5000, selfcheck_tinggi: 7, hoax_claims: 3, handoffs: 4, feature_radar: 11 });
  addCounts(db, yesterday, 20, SURABAYA.code, { conversations: 437, messages_in: 2000, feature_radar: 2, feature_faq: 5 });
  addCounts(db, yesterday, 10, BATU.code, { conversations: 300, messages_in: 900, selfcheck_tinggi: 2 });
  addCounts(db, yesterday, 10, '35.07', { conversations: 200 });
  addCounts(db, yesterday, 11, '35.15', { conversations: 150 });
  addCounts(db, yesterday, 11, '35.25', { conversations: 120 });
  addCounts(db, yesterday, 12, '35.24', { conversations: 90 });
  addCounts(db, yesterday, 12, 'unknown', { conversations: 999, messages_in: 1200 });
  addCounts(db, today, 1, SURABAYA.code, { conversations: 50, messages_in: 80 });
  addContacts(db, yesterday, SURABAYA.code, [1, 2, 3, 4]);
  addContacts(db, yesterday, BATU.code, [4, 5]); // contact 4 wrote about both regions
  addContacts(db, today, SURABAYA.code, [1, 6], false);
});

afterAll(async () => {
  await service.close();
  cleanup();
});

const get = async <T>(url: string): Promise<{ status: number; body: T }> => {
  const res = await service.app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, body: res.json() as T };
};

describe('api/stats/regions', () => {
  it('answers all 38 regions and unknown, absolute and per 100,000 people, and the top five', async () => {
    const { status, body } = await get<RegionStatsResponse>(`/api/stats/regions?from=${yesterday}&to=${yesterday}&metric=conversations`);
    expect(status).toBe(200);
    expect(body.regions).toHaveLength(38);
    expect(body.regions[0]!.code).toBe('35.01');
    expect(body.regions.at(-1)!.code).toBe('35.79');
    expect(body.regions.filter(r => r.absolute === 0)).toHaveLength(32);
    const surabaya = body.regions.find(r => r.code === SURABAYA.code)!;
    expect(surabaya).toMatchObject({ absolute: 1437, value: 1437, population: SURABAYA.population, name: 'Kota Surabaya' });
    // 1437 / 2,874,314 * 100,000 = 49.994... -> 49.99
    expect(surabaya.per100k).toBe(49.99);
    expect(body.regions.find(r => r.code === BATU.code)!.per100k).toBe(140.81); // 300 / 213,046 * 100,000 = 140.814...
    expect(body.unknown).toMatchObject({ code: 'unknown', absolute: 999, per100k: null, population: null });
    expect(body.total).toBe(1437 + 300 + 200 + 150 + 120 + 90 + 999);
    expect(body.top.map(r => r.code)).toEqual(['35.78', '35.79', '35.07', '35.15', '35.25']);
  });

  it('ranks by rate when asked per 100k', async () => {
    const { body } = await get<RegionStatsResponse>(`/api/stats/regions?from=${yesterday}&to=${yesterday}&per100k=true`);
    expect(body.per100k).toBe(true);
    expect(body.top[0]).toMatchObject({ code: BATU.code, value: 140.81, absolute: 300 });
    const sby = body.regions.find(r => r.code === SURABAYA.code)!;
    expect(sby.value).toBe(sby.per100k);
  });

  it('counts each metric from its own counter, and contacts once over a range', async () => {
    const high = await get<RegionStatsResponse>(`/api/stats/regions?from=${yesterday}&to=${today}&metric=selfcheck_high`);
    expect(high.body.regions.find(r => r.code === SURABAYA.code)!.absolute).toBe(7);
    expect(high.body.total).toBe(9);
    const messages = await get<RegionStatsResponse>(`/api/stats/regions?from=${yesterday}&to=${today}&metric=messages`);
    expect(messages.body.regions.find(r => r.code === SURABAYA.code)!.absolute).toBe(7080);
    const contactsDay = await get<RegionStatsResponse>(`/api/stats/regions?from=${yesterday}&to=${yesterday}&metric=contacts`);
    expect(contactsDay.body.regions.find(r => r.code === SURABAYA.code)!.absolute).toBe(4);
    expect(contactsDay.body.total).toBe(5); // contact 4 once in the province
    const contactsRange = await get<RegionStatsResponse>(`/api/stats/regions?from=${yesterday}&to=${today}&metric=contacts`);
    expect(contactsRange.body.regions.find(r => r.code === SURABAYA.code)!.absolute).toBe(5); // 1..4 and 6
    expect(contactsRange.body.total).toBe(6);
  });

  it('defaults to today', async () => {
    const { body } = await get<RegionStatsResponse>('/api/stats/regions');
    expect([body.from, body.to, body.metric, body.per100k]).toEqual([today, today, 'conversations', false]);
    expect(body.regions.find(r => r.code === SURABAYA.code)!.absolute).toBe(50);
  });

  it('refuses bad input with the field and a reason', async () => {
    for (const [query, field] of [
      ['from=2020-02-30', 'from'],
      ['from=yesterday', 'from'],
      [`from=${today}&to=${yesterday}`, 'to'],
      ['from=2019-01-01&to=2020-06-01', 'to'],
      ['metric=deaths', 'metric'],
      ['per100k=yes', 'per100k'],
      ['region=35.78', 'query'], // an unknown parameter
    ]) {
      const { status, body } = await get<{ error: string }>(`/api/stats/regions?${query}`);
      expect(status, query).toBe(400);
      expect(body.error.startsWith(`${field}:`), body.error).toBe(true);
    }
  });
});

describe('api/stats/series and overview', () => {
  it('gives a region\'s days with zeros, its feature mix and self-check levels', async () => {
    const { status, body } = await get<SeriesResponse>(`/api/stats/regions/35.78/series?from=${addDays(yesterday, -1)}&to=${today}`);
    expect(status).toBe(200);
    expect(body.points.map(p => [p.key, p.conversations, p.contacts])).toEqual([
      [addDays(yesterday, -1), 0, 0],
      [yesterday, 1437, 4],
      [today, 50, 2],
    ]);
    expect(body.features).toMatchObject({ radar: 13, faq: 5, menu: 0 });
    expect(body.selfcheck).toEqual({ rendah: 0, sedang: 0, tinggi: 7 });
  });

  it('gives hours by hour, 24 a day', async () => {
    const { body } = await get<SeriesResponse>(`/api/stats/regions/35.78/series?from=${yesterday}&to=${yesterday}&granularity=hour`);
    expect(body.points).toHaveLength(24);
    expect(body.points[9]).toMatchObject({ key: `${yesterday}T09`, conversations: 1000, messagesIn: 5000, contacts: null, handoffs: 4, hoaxClaims: 3 });
    expect(body.points[20]!.conversations).toBe(437);
    expect(body.points[9]!.at).toBe(Date.parse(`${yesterday}T09:00:00+07:00`));
    const unknown = await get<SeriesResponse>(`/api/stats/regions/unknown/series?from=${yesterday}&to=${yesterday}`);
    expect(unknown.body.points[0]!.conversations).toBe(999);
  });

  it('refuses a code that is no region, and too long an hourly range', async () => {
    expect((await get('/api/stats/regions/35.99/series')).status).toBe(404);
    expect((await get('/api/stats/regions/jakarta/series')).status).toBe(400);
    const long = await get<{ error: string }>(`/api/stats/regions/35.78/series?from=${addDays(today, -40)}&to=${today}&granularity=hour`);
    expect(long.status).toBe(400);
    expect(long.body.error).toMatch(/^to:/);
  });

  it('sums the province for a day', async () => {
    const { body } = await get<OverviewResponse>(`/api/stats/overview?date=${yesterday}`);
    expect(body.partial).toBe(false);
    expect(body.totals).toMatchObject({ conversations: 3296, contacts: 5, messagesIn: 9100, handoffs: 4, hoaxClaims: 3 });
    expect(body.selfcheck.tinggi).toBe(9);
    expect((await get<OverviewResponse>('/api/stats/overview')).body).toMatchObject({ date: today, partial: true });
  });
});
