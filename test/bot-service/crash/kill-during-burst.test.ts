import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeGraph } from '../../../simulator/fake-graph.ts';
import { defaultSendConcurrency } from '../../../bot-service/outbox/sender.ts';
import { signBody } from '../../../bot-service/whatsapp/signature.ts';
import { envelope, phoneNumberId } from '../fixtures/webhooks.ts';
import { accessToken, appSecret, tempDir, verifyToken } from '../helpers.ts';
import { spawnService, type ServiceProcess } from './service-process.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

type Msg = { wamid: string; body: string };

function burst(count: number): Msg[] {
  const now = Math.floor(Date.now() / 1000);
  return Array.from({ length: count }, (_, i) => {
    const waId = `6281300${String(i % 40).padStart(5, '0')}`;
    const wamid = `wamid.crash.${i}.${Math.random().toString(36).slice(2, 8)}`;
    const body = JSON.stringify(
      envelope([{ contacts: [{ profile: { name: `Warga ${i % 40}` }, wa_id: waId }], messages: [{ from: waId, id: wamid, timestamp: String(now + Math.floor(i / 40)), type: 'text', text: { body: `pesan ${i}` } }] }])
    );
    return { wamid, body };
  });
}

/** Posts like Meta: concurrently; returns the wamids answered 200. */
async function deliver(url: string, messages: Msg[], concurrency: number, onAck?: () => void): Promise<Set<string>> {
  const acked = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < messages.length) {
      const m = messages[next++]!;
      try {
        const res = await fetch(`${url}/webhooks/whatsapp`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(m.body, appSecret) },
          body: m.body,
        });
        await res.text();
        if (res.status === 200) {
          acked.add(m.wamid);
          onAck?.();
        }
      } catch {
        // connection refused or reset: not acknowledged, Meta will retry
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return acked;
}

describe('crash/kill during a burst', () => {
  it('after SIGKILL, restart and redelivery, every message is stored exactly once and every one is answered', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const graph = createFakeGraph({ accessToken, phoneNumberId });
    const { graphUrl } = await graph.listen({ host: '127.0.0.1', port: 0 });
    cleanups.push(() => graph.close());
    const env = {
      BOT_DATA_DIR: t.dir, BOT_PORT: '0', WA_APP_SECRET: appSecret, WA_VERIFY_TOKEN: verifyToken,
      WA_ACCESS_TOKEN: accessToken, WA_PHONE_NUMBER_ID: phoneNumberId, WA_GRAPH_URL: graphUrl, WA_SEND_RATE: '2000',
    };
    const messages = burst(400);

    let first: ServiceProcess | null = await spawnService(env);
    cleanups.push(() => void first?.child.kill('SIGKILL'));
    let acks = 0;
    const killAfter = 60 + Math.floor(Math.random() * 200);
    const acked = await deliver(first.url, messages, 16, () => {
      if (++acks === killAfter) first!.child.kill('SIGKILL');
    });
    await first.exited;
    first = null;
    expect(acked.size).toBeGreaterThanOrEqual(killAfter);
    expect(acked.size).toBeLessThan(messages.length);

    const second = await spawnService(env);
    cleanups.push(() => void second.child.kill('SIGKILL'));
    // Meta redelivers everything we did not acknowledge, and duplicates happen: send some acked ones again too.
    const redeliver = messages.filter(m => !acked.has(m.wamid)).concat(messages.filter(m => acked.has(m.wamid)).slice(0, 20));
    const reacked = await deliver(second.url, redeliver, 16);
    expect(reacked.size).toBe(redeliver.length);

    const db = new Database(join(t.dir, 'bot.db'), { readonly: true });
    cleanups.push(() => {
      db.close();
    });
    const deadline = Date.now() + 20_000;
    const pending = () =>
      (db.prepare("SELECT (SELECT COUNT(*) FROM inbound_messages WHERE state = 'pending') + (SELECT COUNT(*) FROM outbound_messages WHERE status IN ('queued', 'sending')) AS n").get() as { n: number }).n;
    while (pending() > 0 && Date.now() < deadline) await new Promise(r => setTimeout(r, 100));
    expect(pending()).toBe(0);

    const rows = db.prepare('SELECT wamid, COUNT(*) AS n FROM inbound_messages GROUP BY wamid').all() as Array<{ wamid: string; n: number }>;
    expect(rows).toHaveLength(messages.length);
    expect(rows.every(r => r.n === 1)).toBe(true);
    for (const m of acked) expect(rows.some(r => r.wamid === m)).toBe(true);
    // Every reply the bot decided on reached the Graph API; a reply can go twice only if the kill fell
    // between the Graph call and the commit of its result (counted, not hidden).
    const decided = db.prepare("SELECT id FROM outbound_messages WHERE kind = 'message'").all() as Array<{ id: number }>;
    expect(decided.length).toBeGreaterThan(0);
    const sentIds = graph.sent.map(s => String(s.body.biz_opaque_callback_data));
    for (const { id } of decided) expect(sentIds).toContain(`out:${id}`);
    const duplicates = sentIds.length - new Set(sentIds).size;
    expect(duplicates).toBeLessThanOrEqual(defaultSendConcurrency); // at most what was in flight at the kill
    const failed = db.prepare("SELECT COUNT(*) AS n FROM outbound_messages WHERE status = 'failed'").get() as { n: number };
    expect(failed.n).toBe(0);
    second.child.kill('SIGTERM');
    await second.exited;
  }, 90_000);
});
