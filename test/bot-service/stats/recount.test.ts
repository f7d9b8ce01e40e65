import { afterEach, describe, expect, it } from 'vitest';
import { createStatsProjector } from '../../../bot-service/stats/projector.ts';
import { readRecountColumns, recountFromMessages, writeRecount } from '../../../bot-service/stats/recount.ts';
import { daysBetween, wibDay } from '../../../bot-service/stats/time.ts';
import { startWithGraph, waitUntil } from '../graph-harness.ts';
import { signedPost, tempDir } from '../helpers.ts';
import { contactOf, envelope } from '../fixtures/webhooks.ts';
import { chat, statsEngine } from './traffic.ts';

let close: (() => Promise<void>) | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
  cleanup?.();
});

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('stats/recount', () => {
  it('counters kept from events equal a recount from stored messages, after a day of traffic', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const h = await startWithGraph(t.dir, { engine: statsEngine, env: { WA_SEND_RATE: '2000' } });
    close = h.close;
    const { service, graph } = h;
    const projector = createStatsProjector({ db: service.db, events: service.events, log: service.log, delayMs: 1 });
    projector.start();

    // 25 citizens over the last 20 hours (usually across a WIB midnight), in sessions of a few
    // messages; some name a region late, some change it, some are never told, and a few sends fail.
    const rnd = random(7);
    const texts = ['halo', 'radar', 'faq', 'cek rendah', 'cek sedang', 'cek tinggi', 'hoaks bawang', 'hoaks x', 'diam', 'menu'];
    const regions = ['surabaya', 'malang', 'sidoarjo', 'gresik'];
    const now = Date.now();
    type Step = { waId: string; text: string; at: number };
    const steps: Step[] = [];
    for (let c = 0; c < 25; c++) {
      const waId = `62813${String(c).padStart(8, '0')}`;
      let at = now - 20 * 3600_000 + Math.floor(rnd() * 3600_000);
      const sessions = 1 + Math.floor(rnd() * 3);
      for (let sIdx = 0; sIdx < sessions; sIdx++) {
        const n = 1 + Math.floor(rnd() * 4);
        for (let i = 0; i < n; i++) {
          const roll = rnd();
          const text = roll < 0.25 ? regions[Math.floor(rnd() * regions.length)]! : texts[Math.floor(rnd() * texts.length)]!;
          steps.push({ waId, text, at });
          at += 20_000 + Math.floor(rnd() * 120_000);
        }
        at += 2 * 3600_000 + Math.floor(rnd() * 4 * 3600_000); // a quiet gap: the next session is a new conversation
        if (at > now - 60_000) {
          break;
        }
      }
    }
    // A citizen's messages arrive in order; citizens interleave.
    steps.sort((a, b) => a.at - b.at);
    graph.failNext({ code: 131026, count: 2, to: '6281300000003' });
    graph.failNext({ code: 131026, count: 1, to: '6281300000005', async: true });
    for (const step of steps) {
      await chat(service, step.waId, step.text, step.at);
    }
    // Meta delivers one webhook twice: stored and counted once.
    const dup = envelope([
      { contacts: [contactOf('6281300000001')], messages: [{ from: '6281300000001', id: 'wamid.dup-1', timestamp: String(Math.floor(now / 1000) - 30), type: 'text', text: { body: 'menu' } }] },
    ]);
    await service.app.inject({ method: 'POST', url: '/webhooks/whatsapp', ...signedPost(dup) });
    await service.app.inject({ method: 'POST', url: '/webhooks/whatsapp', ...signedPost(dup) });
    // A volunteer's reply in a conversation, and a template to a citizen outside any conversation.
    const conversationId = Number(service.db.prepare('SELECT MAX(id) FROM conversations').pluck().get());
    const contactId = Number(service.db.prepare('SELECT contact_id FROM conversations WHERE id = ?').pluck().get(conversationId));
    service.db.transaction(() => {
      service.outbox.enqueue({ contactId, conversationId, kind: 'message', body: { type: 'text', text: { body: 'Halo, saya relawan' } }, summary: 'relawan', author: 'user:1' });
      service.outbox.enqueue({ contactId, conversationId: null, kind: 'template', body: { type: 'template', template: { name: 'x', language: { code: 'id' } } }, summary: 'template', author: 'user:1' });
    })();
    service.events.announce();
    service.sender.wake();

    await service.whenIdle();
    await waitUntil(
      () =>
        Number(
          service.db
            .prepare("SELECT COUNT(*) FROM outbound_messages WHERE kind != 'read' AND status NOT IN ('delivered', 'read', 'failed')")
            .pluck()
            .get()
        ) === 0,
      10_000,
      'every send settled'
    );
    await graph.idle();
    await service.whenIdle();
    await projector.stop();
    projector.catchUp();

    const days = daysBetween(wibDay(now - 21 * 3600_000), wibDay(now));
    expect(Number(service.db.prepare("SELECT COUNT(*) FROM outbound_messages WHERE status = 'failed'").pluck().get())).toBeGreaterThanOrEqual(2);
    let conversations = 0;
    for (const day of days) {
      const counted = readRecountColumns(service.db, day);
      const recounted = recountFromMessages(service.db, day);
      expect(counted).toEqual(recounted);
      conversations += counted.hourly.reduce((n, r) => n + r.conversations, 0);
    }
    // The traffic really was varied: several regions, unknown included, many conversations.
    expect(conversations).toBe(Number(service.db.prepare('SELECT COUNT(*) FROM conversations').pluck().get()));
    const regionsSeen = new Set(days.flatMap(d => readRecountColumns(service.db, d).hourly.map(r => r.region_code)));
    expect(regionsSeen.size).toBeGreaterThanOrEqual(4);
    expect(regionsSeen.has('unknown')).toBe(true);
  });

  it('writeRecount repairs a day\'s counters to the recount', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const h = await startWithGraph(t.dir, { engine: statsEngine, statusWebhooks: false });
    close = h.close;
    const { service } = h;
    const at = Date.now() - 60_000;
    await chat(service, '6281300000099', 'surabaya', at);
    await chat(service, '6281300000099', 'radar', at + 1000);
    await service.whenIdle();
    const day = wibDay(at);
    // Damage the live counters (as a bug or a lost checkpoint would): the recount is unaffected.
    service.stats.catchUp();
    service.db.exec('DELETE FROM stats_hourly; DELETE FROM stats_daily; DELETE FROM stats_daily_province');
    expect(readRecountColumns(service.db, day).hourly).toEqual([]);
    const recount = recountFromMessages(service.db, day);
    expect(recount.province).toEqual({ contacts: 1, new_contacts: 1, returning_contacts: 0 });
    writeRecount(service.db, recount);
    expect(readRecountColumns(service.db, day)).toEqual(recount);
  });
});
