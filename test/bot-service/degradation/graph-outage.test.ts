import { afterEach, describe, expect, it } from 'vitest';
import { createFlowEngine } from '../../../bot-service/flows/engine.ts';
import { envelope, messageValue } from '../fixtures/webhooks.ts';
import { startWithGraph, waitUntil } from '../graph-harness.ts';
import { count, signedPost, tempDir } from '../helpers.ts';

// Ten minutes in production terms; a few seconds here (bench/graph-outage.ts runs the full length).
const outageSeconds = Number(process.env.GRAPH_OUTAGE_SECONDS ?? 3);
const rate = 20;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** The most calls that arrived within any `windowMs`. */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('degradation/Graph API down', () => {
  it.each(['http', 'reset'] as const)(
    'down (%s) for a while: webhooks still acknowledged, the outbox grows, nothing is lost, then it drains at the rate limit',
    async mode => {
      const t = tempDir();
      cleanups.push(t.cleanup);
      const h = await startWithGraph(t.dir, { engine: createFlowEngine(), statusWebhooks: false, env: { WA_SEND_RATE: String(rate) } });
      cleanups.push(h.close);
      // Every call counts against the number's rate: replies and mark-as-read alike.
      const arrivals: number[] = [];
      const replyArrivals: number[] = [];
      const readsOf = new Map<string, number>(); // message id -> mark-as-read calls
      h.graph.onEvent(e => {
        if (e.type === 'sent') replyArrivals.push(Date.now());
        if (e.type === 'read') readsOf.set(e.record.messageId, (readsOf.get(e.record.messageId) ?? 0) + 1);
        if (e.type === 'sent' || e.type === 'read') arrivals.push(Date.now());
      });

      h.graph.setDown(mode);
      const citizens = 30;
      const messages = 60;
      const started = Date.now();
      for (let i = 0; i < messages; i++) {
        const waId = `62813555${String(i % citizens).padStart(4, '0')}`;
        const res = await h.service.app.inject({
          method: 'POST',
          url: '/webhooks/whatsapp',
          ...signedPost(envelope([messageValue(waId, { type: 'text', text: { body: i < citizens ? 'halo' : 'radar' } })])),
        });
        expect(res.statusCode).toBe(200);
        await new Promise(r => setTimeout(r, (outageSeconds * 1000) / messages));
      }
      await waitUntil(() => count(h.service, "SELECT COUNT(*) AS n FROM inbound_messages WHERE state = 'pending'") === 0, 10_000, 'messages handled');
      while (Date.now() - started < outageSeconds * 1000) await new Promise(r => setTimeout(r, 50));

      // During the outage: stored and decided, nothing accepted, everything still owed.
      const rows = count(h.service, 'SELECT COUNT(*) AS n FROM outbound_messages');
      const lastWamids = (
        h.service.db
          // Each citizen's last message in the order the flows handle them.
          .prepare(
            'SELECT wamid FROM (SELECT wamid, ROW_NUMBER() OVER (PARTITION BY contact_id ORDER BY wa_timestamp DESC, wamid DESC) AS r FROM inbound_messages) WHERE r = 1'
          )
          .pluck()
          .all() as string[]
      ).sort();
      expect(count(h.service, 'SELECT COUNT(*) AS n FROM inbound_messages')).toBe(messages);
      expect(count(h.service, "SELECT COUNT(*) AS n FROM outbound_messages WHERE kind = 'message'")).toBeGreaterThanOrEqual(messages);
      expect(count(h.service, "SELECT COUNT(*) AS n FROM outbound_messages WHERE status IN ('queued', 'sending')")).toBe(rows);
      expect(count(h.service, 'SELECT COUNT(*) AS n FROM outbound_messages WHERE attempts > 0')).toBeGreaterThan(0);
      expect(arrivals).toHaveLength(0);

      h.graph.setDown(false);
      const upAt = Date.now();
      // Retries back off (up to 60 s per row), so the drain may start a little after the Graph is back.
      await waitUntil(() => count(h.service, "SELECT COUNT(*) AS n FROM outbound_messages WHERE status IN ('queued', 'sending')") === 0, 90_000, 'outbox drained');
      const drainedAt = Date.now();

      expect(count(h.service, "SELECT COUNT(*) AS n FROM outbound_messages WHERE status = 'failed'")).toBe(0);
      expect(replyArrivals).toHaveLength(rows);
      // Mark-as-read calls wait in memory while the Graph is down; marking a citizen's latest message
      // read marks the earlier ones too, so one call each for the latest message, once.
      await waitUntil(() => readsOf.size === citizens, 30_000, 'messages marked read');
      expect([...readsOf.keys()].sort()).toEqual(lastWamids);
      expect([...readsOf.values()].every(calls => calls === 1)).toBe(true);
      const sentIds = h.graph.sent.map(s => String(s.body.biz_opaque_callback_data));
      expect(new Set(sentIds).size).toBe(sentIds.length);
      // At the rate limit: a full bucket's burst, then `rate` a second; never faster (arrival times
      // jitter by a few ms against the sender's clock, hence the +2).
      expect(busiestWindow(arrivals, 1000)).toBeLessThanOrEqual(2 * rate + 2);
      expect(busiestWindow(arrivals, 3000)).toBeLessThanOrEqual(4 * rate + 2);
      const spanSeconds = (Math.max(...arrivals) - Math.min(...arrivals)) / 1000;
      expect(spanSeconds).toBeGreaterThanOrEqual(((arrivals.length - rate) / rate) * 0.9);
      console.info(`Graph down (${mode}) ${outageSeconds} s: ${rows} outbox rows owed, drained ${((drainedAt - upAt) / 1000).toFixed(1)} s after it came back, sends spread over ${spanSeconds.toFixed(1)} s`);
    },
    120_000
  );
});
