import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedContent } from '../../../bot-service/content/seed.ts';
import { openDatabase, type Db } from '../../../bot-service/db/open.ts';
import { buildDailyReport, median, per100k } from '../../../bot-service/reports/daily.ts';
import { tempDir } from '../helpers.ts';
import { addContacts, addCounts } from '../api/stats/support.ts';

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

const DAY = '2020-04-02';
const BEFORE = '2020-04-01';
const at = (hhmm: string) => Date.parse(`${DAY}T${hhmm}:00+07:00`);

describe('reports/daily', () => {
  it('reports every region, the top five, the change from the day before and the totals', () => {
    addCounts(db, DAY, 8, '35.78', { conversations: 500, conversations_handed_off: 20, messages_in: 2100, messages_out: 2000, delivery_failures: 3 });
    addCounts(db, DAY, 9, '35.15', { conversations: 200, messages_in: 700 });
    addCounts(db, DAY, 9, '35.07', { conversations: 200, messages_in: 650 });
    addCounts(db, DAY, 10, '35.73', { conversations: 150 });
    addCounts(db, DAY, 10, '35.24', { conversations: 120 });
    addCounts(db, DAY, 11, '35.25', { conversations: 100, handoffs: 2, hoax_claims: 4, selfcheck_tinggi: 1, feature_radar: 9 });
    addCounts(db, DAY, 12, 'unknown', { conversations: 700 });
    addCounts(db, BEFORE, 8, '35.78', { conversations: 450, conversations_handed_off: 5 });
    addCounts(db, BEFORE, 8, '35.25', { conversations: 130 });
    addContacts(db, DAY, '35.78', [1, 2, 3]);
    addContacts(db, DAY, '35.15', [3, 4], false);
    addContacts(db, BEFORE, '35.78', [1]);

    const report = buildDailyReport(db, DAY, { now: Date.parse('2020-04-03T00:05:00+07:00') });
    expect(report).toMatchObject({ date: DAY, previousDate: BEFORE, timezone: 'Asia/Jakarta', partial: false });
    expect(report.regions).toHaveLength(39);
    expect(report.regions.at(-1)).toMatchObject({ code: 'unknown', conversations: 700, population: null, conversationsPer100k: null });

    const sby = report.regions.find(r => r.code === '35.78')!;
    expect(sby).toMatchObject({
      name: 'Kota Surabaya',
      conversations: 500,
      conversationsPreviousDay: 450,
      conversationsChange: 50,
      contacts: 3,
      contactsPreviousDay: 1,
      contactsChange: 2,
      newContacts: 3,
      messagesIn: 2100,
      deliveryFailures: 3,
      conversationsPer100k: per100k(500, 2874314),
    });
    expect(sby.conversationsPer100k).toBe(17.4);
    expect(report.regions.find(r => r.code === '35.25')).toMatchObject({ conversationsChange: -30, hoaxClaims: 4, handoffs: 2, selfcheck: { tinggi: 1 }, features: { radar: 9 } });

    // Ties by code; unknown is not a region and never in the top five.
    expect(report.topRegions.map(r => [r.rank, r.code, r.conversations])).toEqual([
      [1, '35.78', 500],
      [2, '35.07', 200],
      [3, '35.15', 200],
      [4, '35.73', 150],
      [5, '35.24', 120],
    ]);
    expect(report.totals).toMatchObject({
      conversations: 1970,
      contacts: 4,
      newContacts: 3,
      returningContacts: 1,
      messagesIn: 3450,
      messagesOut: 2000,
      deliveryFailures: 3,
      handoffs: 2,
      hoaxClaims: 4,
      conversationsBotOnly: 1950,
      botOnlyShare: 0.9898,
    });
    expect(report.previousTotals).toMatchObject({ conversations: 580, contacts: 1, conversationsBotOnly: 575 });
    expect(report.hourly).toHaveLength(24);
    expect(report.hourly[8]).toEqual({ hour: 8, conversations: 500, messagesIn: 2100 });
    expect(report.hourly[0]).toEqual({ hour: 0, conversations: 0, messagesIn: 0 });
  });

  it('gives handoff medians, still open, and the top hoax clusters with their published claims', () => {
    seedContent(db);
    const hoax = db.prepare('SELECT id, claim, verdict FROM hoaxes ORDER BY id LIMIT 1').get() as { id: string; claim: string; verdict: string };
    const add = db.prepare('INSERT INTO stats_handoffs (conversation_id, day, requested_at, claimed_at, first_reply_at, resolved_at) VALUES (?, ?, ?, ?, ?, ?)');
    add.run(1, DAY, at('09:00'), at('09:02'), at('09:05'), at('09:30'));
    add.run(2, DAY, at('10:00'), at('10:10'), at('10:11'), null);
    add.run(3, DAY, at('11:00'), at('11:04'), null, null);
    add.run(4, DAY, at('12:00'), null, null, null);
    add.run(5, BEFORE, at('12:00'), null, null, null);
    addCounts(db, DAY, 9, '35.78', { handoffs: 4, hoax_claims: 6 });
    const hoaxes = db.prepare('INSERT INTO stats_hoax_daily (day, hoax_id, claims) VALUES (?, ?, ?)');
    hoaxes.run(DAY, hoax.id, 4);
    hoaxes.run(DAY, '', 2);

    const report = buildDailyReport(db, DAY);
    // Waits 2, 10 and 4 minutes: median 4. First replies 5 and 11 minutes: median 8.
    expect(report.handoffs).toEqual({ count: 4, claimed: 3, medianWaitMs: 4 * 60_000, medianFirstReplyMs: 8 * 60_000, stillOpen: 3 });
    expect(report.hoax).toEqual({
      claims: 6,
      topClusters: [
        { hoaxId: hoax.id, claim: hoax.claim, verdict: hoax.verdict, claims: 4 },
        { hoaxId: null, claim: null, verdict: null, claims: 2 },
      ],
    });
    expect(report.totals.botOnlyShare).toBeNull();
  });

  it('states how each figure is defined, in Indonesian and English', () => {
    const report = buildDailyReport(db, DAY, { quietMinutes: 45 });
    const keys = report.definitions.map(d => d.key);
    for (const key of ['conversations', 'contacts', 'new_returning', 'messages', 'per100k', 'delivery_failures', 'features', 'selfcheck', 'hoax_claims', 'handoffs', 'bot_only', 'region', 'day', 'change']) {
      expect(keys).toContain(key);
    }
    for (const d of report.definitions) {
      expect(d.definition.id.length).toBeGreaterThan(30);
      expect(d.definition.en.length).toBeGreaterThan(30);
    }
    expect(report.definitions.find(d => d.key === 'conversations')!.definition.id).toContain('45 menit');
  });

  it('marks today as partial and computes medians and rates plainly', () => {
    expect(buildDailyReport(db, '2020-04-02', { now: Date.parse('2020-04-02T10:00:00+07:00') }).partial).toBe(true);
    expect(buildDailyReport(db, '2020-04-02', { now: Date.parse('2020-04-02T23:59:59+07:00') }).partial).toBe(true);
    expect(buildDailyReport(db, '2020-04-02', { now: Date.parse('2020-04-03T00:00:00+07:00') }).partial).toBe(false);
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(per100k(1, 100_000)).toBe(1);
    expect(per100k(1, 300_000)).toBe(0.33);
    expect(per100k(5, null)).toBeNull();
  });
});
