import { afterEach, describe, expect, it } from 'vitest';
import type { Service } from '../../../bot-service/server.ts';
import { createStatsProjector } from '../../../bot-service/stats/projector.ts';
import { addDays, dayStartMs, wibDay } from '../../../bot-service/stats/time.ts';
import { startService, tempDir } from '../helpers.ts';
import { chat, statsEngine } from './traffic.ts';

let service: Service | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
  cleanup?.();
});

async function start(dir?: string): Promise<Service> {
  const t = dir === undefined ? tempDir() : { dir, cleanup: () => {} };
  if (dir === undefined) {
    cleanup = t.cleanup;
  }
  service = await startService(t.dir, { engine: statsEngine });
  return service;
}

const hourly = (s: Service, day: string) =>
  s.db
    .prepare('SELECT hour, region_code, conversations, messages_in, feature_radar, feature_menu FROM stats_hourly WHERE day = ? ORDER BY hour, region_code')
    .all(day)
    .filter((r: any) => r.conversations + r.messages_in + r.feature_radar + r.feature_menu !== 0) as Array<{
    hour: number;
    region_code: string;
    conversations: number;
    messages_in: number;
    feature_radar: number;
    feature_menu: number;
  }>;
const total = (s: Service, column: string, day: string) =>
  Number(s.db.prepare(`SELECT COALESCE(SUM(${column}), 0) FROM stats_hourly WHERE day = ?`).pluck().get(day));
const daily = (s: Service, day: string) =>
  s.db.prepare('SELECT region_code, contacts, new_contacts, returning_contacts FROM stats_daily WHERE day = ? AND contacts > 0 ORDER BY region_code').all(day);

describe('stats/projector', () => {
  it('puts 23:59:59 WIB and 00:00:00 WIB on different days (WIB midnight is 17:00 UTC)', async () => {
    const s = await start();
    const projector = createStatsProjector({ db: s.db, events: s.events, log: s.log });
    // The most recent WIB midnight, so both messages are inside the 24-hour window.
    const midnight = dayStartMs(wibDay(Date.now()));
    expect(new Date(midnight).getUTCHours()).toBe(17);
    const today = wibDay(midnight);
    const yesterday = addDays(today, -1);
    await chat(s, '6281200000001', 'halo', midnight - 1000);
    await chat(s, '6281200000001', 'surabaya', midnight);
    projector.catchUp();

    // One conversation, started on the day before; its region (named after midnight) counts for both messages.
    expect(hourly(s, yesterday)).toEqual([{ hour: 23, region_code: '35.78', conversations: 1, messages_in: 1, feature_radar: 0, feature_menu: 0 }]);
    expect(hourly(s, today).filter(r => r.messages_in > 0)).toEqual([
      { hour: 0, region_code: '35.78', conversations: 0, messages_in: 1, feature_radar: 0, feature_menu: expect.any(Number) },
    ]);
    // The citizen is a contact on both days: new on the first, returning on the second.
    expect(daily(s, yesterday)).toEqual([{ region_code: '35.78', contacts: 1, new_contacts: 1, returning_contacts: 0 }]);
    expect(daily(s, today)).toEqual([{ region_code: '35.78', contacts: 1, new_contacts: 0, returning_contacts: 1 }]);
    expect(total(s, 'messages_out', yesterday) + total(s, 'messages_out', today)).toBe(2);
  });

  it('moves a conversation with everything it counted when its region changes', async () => {
    const s = await start();
    const projector = createStatsProjector({ db: s.db, events: s.events, log: s.log });
    const t0 = Date.now() - 60_000;
    const day = wibDay(t0);
    await chat(s, '6281200000002', 'radar', t0);
    projector.catchUp();
    expect(hourly(s, day).map(r => [r.region_code, r.conversations, r.messages_in, r.feature_radar])).toEqual([['unknown', 1, 1, 1]]);
    expect(daily(s, day)).toEqual([{ region_code: 'unknown', contacts: 1, new_contacts: 1, returning_contacts: 0 }]);

    await chat(s, '6281200000002', 'malang', t0 + 1000);
    projector.catchUp();
    const rows = hourly(s, day);
    expect(rows.map(r => r.region_code)).toEqual(['35.07']);
    expect(total(s, 'conversations', day)).toBe(1);
    expect(total(s, 'messages_in', day)).toBe(2);
    expect(total(s, 'feature_radar', day)).toBe(1);
    expect(daily(s, day)).toEqual([{ region_code: '35.07', contacts: 1, new_contacts: 1, returning_contacts: 0 }]);
    expect(s.db.prepare('SELECT contacts FROM stats_daily_province WHERE day = ?').pluck().get(day)).toBe(1);

    // The citizen corrects it: it moves again, nothing is left behind.
    await chat(s, '6281200000002', 'surabaya', t0 + 2000);
    projector.catchUp();
    const unknownOrMalang = s.db
      .prepare("SELECT COUNT(*) FROM stats_hourly WHERE day = ? AND region_code IN ('unknown', '35.07') AND (conversations != 0 OR messages_in != 0 OR messages_out != 0 OR feature_radar != 0)")
      .pluck()
      .get(day);
    expect(unknownOrMalang).toBe(0);
    expect(Number(s.db.prepare("SELECT SUM(messages_in) FROM stats_hourly WHERE day = ? AND region_code = '35.78'").pluck().get(day))).toBe(3);
    expect(daily(s, day)).toEqual([{ region_code: '35.78', contacts: 1, new_contacts: 1, returning_contacts: 0 }]);
  });

  it('counts features, self-check levels, handoffs and hoax claims', async () => {
    const s = await start();
    const projector = createStatsProjector({ db: s.db, events: s.events, log: s.log });
    const t0 = Date.now() - 120_000;
    const day = wibDay(t0);
    const steps = ['sidoarjo', 'radar', 'radar', 'faq', 'radar', 'cek rendah', 'cek tinggi', 'hoaks bawang', 'hoaks lain'];
    for (const [i, text] of steps.entries()) {
      await chat(s, '6281200000003', text, t0 + i * 1000);
    }
    projector.catchUp();
    const sum = (c: string) => total(s, c, day);
    // radar, radar (consecutive: once), faq, radar again: two radar uses.
    expect([sum('feature_radar'), sum('feature_faq'), sum('feature_selfcheck'), sum('feature_hoax'), sum('feature_menu')]).toEqual([2, 1, 1, 1, 1]);
    expect([sum('selfcheck_rendah'), sum('selfcheck_sedang'), sum('selfcheck_tinggi')]).toEqual([1, 0, 1]);
    expect([sum('handoffs'), sum('conversations_handed_off'), sum('hoax_claims')]).toEqual([1, 1, 2]);
    expect(s.db.prepare('SELECT hoax_id, claims FROM stats_hoax_daily WHERE day = ? ORDER BY hoax_id').all(day)).toEqual([
      { hoax_id: '', claims: 1 },
      { hoax_id: 'hoaks-bawang', claims: 1 },
    ]);
    const handoff = s.db.prepare('SELECT priority, claimed_at, resolved_at FROM stats_handoffs').all();
    expect(handoff).toEqual([{ priority: 50, claimed_at: null, resolved_at: null }]);
    expect(Number(s.db.prepare("SELECT SUM(handoffs) FROM stats_hourly WHERE day = ? AND region_code = '35.15'").pluck().get(day))).toBe(1);
  });

  it('follows a handoff through the inbox: claim, first volunteer reply, resolve', async () => {
    const s = await start();
    const projector = createStatsProjector({ db: s.db, events: s.events, log: s.log });
    const t0 = Date.now() - 60_000;
    await chat(s, '6281200000008', 'surabaya', t0);
    await chat(s, '6281200000008', 'relawan', t0 + 1000);
    projector.catchUp();
    const conv = s.db.prepare('SELECT id, contact_id FROM conversations').get() as { id: number; contact_id: number };
    const requestedAt = Number(s.db.prepare('SELECT requested_at FROM stats_handoffs').pluck().get());
    // What the inbox appends (bot-service/inbox/actions.ts): state changes as conversation.updated.
    const inbox = (at: number, data: Record<string, unknown>) => {
      s.db.transaction(() => s.events.append({ type: 'conversation.updated', contactId: conv.contact_id, conversationId: conv.id, at, data }))();
    };
    inbox(requestedAt + 120_000, { action: 'claimed', state: 'assigned', assignedTo: 1 });
    inbox(requestedAt + 150_000, { action: 'released', state: 'waiting', assignedTo: null });
    inbox(requestedAt + 200_000, { action: 'claimed', state: 'assigned', assignedTo: 2 });
    s.db.transaction(() =>
      s.outbox.enqueue({ contactId: conv.contact_id, conversationId: conv.id, kind: 'message', body: { type: 'text', text: { body: 'Halo' } }, summary: 'Halo', author: 'user:2' }, requestedAt + 300_000)
    )();
    inbox(requestedAt + 900_000, { action: 'resolved', state: 'bot' });
    projector.catchUp();
    expect(s.db.prepare('SELECT claimed_at, first_reply_at, resolved_at FROM stats_handoffs').get()).toEqual({
      claimed_at: requestedAt + 120_000,
      first_reply_at: requestedAt + 300_000,
      resolved_at: requestedAt + 900_000,
    });
    // A release back to the queue is not a new handoff; a later one after the bot took over is.
    expect(total(s, 'handoffs', wibDay(t0))).toBe(1);
    await chat(s, '6281200000008', 'relawan', t0 + 2000);
    projector.catchUp();
    expect([...new Set([wibDay(t0), wibDay(Date.now())])].reduce((n, d) => n + total(s, 'handoffs', d), 0)).toBe(2);
    expect(total(s, 'conversations_handed_off', wibDay(t0))).toBe(1);
  });

  it('is idempotent across a restart: the checkpoint commits with the counters', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    let s = await start(t.dir);
    let projector = createStatsProjector({ db: s.db, events: s.events, log: s.log });
    const t0 = Date.now() - 60_000;
    const day = wibDay(t0);
    await chat(s, '6281200000004', 'gresik', t0);
    await chat(s, '6281200000005', 'gresik', t0 + 10);
    projector.catchUp();
    const before = hourly(s, day);
    expect(before.map(r => r.conversations).reduce((a, b) => a + b, 0)).toBe(2);
    const seq = projector.checkpoint();
    expect(seq).toBe(s.events.lastSeq());
    expect(projector.catchUp()).toBe(0);
    await s.close();

    s = await start(t.dir);
    projector = createStatsProjector({ db: s.db, events: s.events, log: s.log });
    expect(projector.checkpoint()).toBe(seq);
    expect(projector.catchUp()).toBe(0);
    expect(hourly(s, day)).toEqual(before);

    // New traffic after the restart is added once, on top.
    await chat(s, '6281200000006', 'gresik', t0 + 20);
    projector.catchUp();
    expect(total(s, 'conversations', day)).toBe(3);
    expect(total(s, 'messages_in', day)).toBe(3);
  });

  it('counts the same whatever the batch boundaries (a message and its conversation in different batches)', async () => {
    const s = await start();
    const t0 = Date.now() - 120_000;
    for (const [i, text] of ['halo', 'radar', 'malang', 'cek tinggi', 'hoaks x'].entries()) {
      await chat(s, '6281200000010', text, t0 + i * 1000);
      await chat(s, '6281200000011', text === 'malang' ? 'gresik' : text, t0 + i * 1000 + 500);
    }
    // Rows left at zero by a move are no difference: compare what counts.
    const counts = (row: Record<string, unknown>) =>
      Object.entries(row).some(([k, v]) => !['day', 'hour', 'region_code', 'contact_id'].includes(k) && v !== 0);
    const snapshot = () =>
      ['stats_hourly', 'stats_daily', 'stats_daily_province', 'stats_day_contacts', 'stats_handoffs', 'stats_hoax_daily'].map(table =>
        (s.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`).all() as Array<Record<string, unknown>>).filter(counts)
      );
    createStatsProjector({ db: s.db, events: s.events, log: s.log, batchSize: 1 }).catchUp();
    const oneByOne = snapshot();
    s.db.exec(`DELETE FROM stats_hourly; DELETE FROM stats_conversation_hourly; DELETE FROM stats_conversations; DELETE FROM stats_day_contacts;
      DELETE FROM stats_daily; DELETE FROM stats_daily_province; DELETE FROM stats_contacts; DELETE FROM stats_pending_inbound;
      DELETE FROM stats_handoffs; DELETE FROM stats_hoax_daily; UPDATE stats_checkpoint SET seq = 0`);
    createStatsProjector({ db: s.db, events: s.events, log: s.log, batchSize: 1000 }).catchUp();
    expect(snapshot()).toEqual(oneByOne);
    expect(total(s, 'messages_in', wibDay(t0))).toBe(10);
  });

  it('follows the event log by itself once started', async () => {
    const s = await start();
    const projector = createStatsProjector({ db: s.db, events: s.events, log: s.log, delayMs: 1 });
    projector.start();
    const t0 = Date.now() - 1000;
    await chat(s, '6281200000007', 'surabaya', t0);
    const day = wibDay(t0);
    for (let i = 0; i < 200 && total(s, 'messages_in', day) === 0; i++) {
      await new Promise(r => setTimeout(r, 10));
    }
    await projector.stop();
    expect(total(s, 'messages_in', day)).toBe(1);
    expect(total(s, 'conversations', day)).toBe(1);
  });
});
