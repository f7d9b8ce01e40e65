import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGraph } from '../../../simulator/fake-graph.ts';
import type { Service } from '../../../bot-service/server.ts';
import { envelope, messageValue, wamid } from '../fixtures/webhooks.ts';
import { count, signedPost, tempDir } from '../helpers.ts';
import { startWithGraph, waitUntil } from '../graph-harness.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(options: Parameters<typeof startWithGraph>[1] = {}): Promise<{ service: Service; graph: FakeGraph; dir: string }> {
  const t = tempDir();
  const h = await startWithGraph(t.dir, options);
  cleanups.push(t.cleanup, h.close);
  return { service: h.service, graph: h.graph, dir: t.dir };
}

async function citizenSays(service: Service, waId: string, text: string): Promise<void> {
  const res = await service.app.inject({ method: 'POST', url: '/webhooks/whatsapp', ...signedPost(envelope([messageValue(waId, { type: 'text', text: { body: text } })])) });
  expect(res.statusCode).toBe(200);
}

const row = (service: Service, sql: string, ...p: unknown[]) => service.db.prepare(sql).get(...p) as Record<string, any>;

describe('outbox/sender delivery', () => {
  it('sends the reply to the citizen, marks the message read, and follows the status webhooks', async () => {
    const { service, graph } = await setup();
    await citizenSays(service, '6281234560001', 'halo');
    const sent = await graph.waitFor(r => r.to === '+6281234560001');
    expect(sent.body).toMatchObject({ messaging_product: 'whatsapp', type: 'text', text: { body: 'Anda menulis: halo' } });
    await graph.waitForRead(r => r.messageId.startsWith('wamid.'));
    await waitUntil(() => row(service, "SELECT status FROM outbound_messages WHERE kind = 'message'")?.status === 'read', 5000, 'read status');
    const out = row(service, "SELECT wamid, sent_at, delivered_at, read_at FROM outbound_messages WHERE kind = 'message'");
    expect(out.wamid).toBe(sent.wamid);
    expect(out.sent_at).not.toBeNull();
    expect(out.read_at).not.toBeNull();
  });

  it('marks only a citizen\'s latest message read when several wait, and keeps no outbox row for it', async () => {
    const { service, graph } = await setup({ statusWebhooks: false });
    const waId = '6281234560009';
    // Two messages in one webhook: handled in one slice, before the sender's next turn.
    const both = messageValue(waId, { type: 'text', text: { body: 'halo' } }) as { messages: Array<Record<string, unknown>> };
    const [first] = both.messages as [{ id: string; timestamp: string }];
    const secondId = wamid();
    both.messages.push({ from: waId, id: secondId, timestamp: String(Number(first.timestamp) + 1), type: 'text', text: { body: 'menu' } });
    const res = await service.app.inject({ method: 'POST', url: '/webhooks/whatsapp', ...signedPost(envelope([both])) });
    expect(res.statusCode).toBe(200);
    await waitUntil(() => graph.sent.length >= 2, 5000, 'both replies sent');
    await graph.waitForRead(r => r.messageId === secondId);
    await service.whenIdle();
    expect(graph.reads.map(r => r.messageId)).toEqual([secondId]);
    expect(count(service, "SELECT COUNT(*) AS n FROM outbound_messages WHERE kind = 'read'")).toBe(0);
  });

  it('keeps one citizen\'s messages in order, one in flight at a time', async () => {
    const { service, graph } = await setup({ statusWebhooks: false });
    const contact = row(service, "INSERT INTO contacts (wa_key, wa_id, last_inbound_ts, created_at) VALUES ('6281234560002', '6281234560002', ?, 0) RETURNING id", Math.floor(Date.now() / 1000));
    graph.setLatency(30);
    service.db.transaction(() => {
      for (let i = 1; i <= 5; i++) {
        service.outbox.enqueue({ contactId: contact.id, conversationId: null, kind: 'message', body: { type: 'text', text: { body: `pesan ${i}` } }, summary: null, author: 'bot' });
      }
    })();
    service.sender.wake();
    await waitUntil(() => graph.sent.length === 5);
    expect(graph.sent.map(s => (s.body.text as { body: string }).body)).toEqual(['pesan 1', 'pesan 2', 'pesan 3', 'pesan 4', 'pesan 5']);
  });

  it('keeps the number\'s rate limit', async () => {
    const { service, graph } = await setup({ statusWebhooks: false, env: { WA_SEND_RATE: '5' } });
    const now = Math.floor(Date.now() / 1000);
    service.db.transaction(() => {
      for (let i = 0; i < 12; i++) {
        const c = row(service, 'INSERT INTO contacts (wa_key, wa_id, last_inbound_ts, created_at) VALUES (?, ?, ?, 0) RETURNING id', `62812000${i}`, `62812000${i}`, now);
        service.outbox.enqueue({ contactId: c.id, conversationId: null, kind: 'message', body: { type: 'text', text: { body: 'x' } }, summary: null, author: 'bot' });
      }
    })();
    const started = Date.now();
    service.sender.wake();
    await new Promise(r => setTimeout(r, 600));
    // A full bucket of 5, plus at most 3 more refilled in 0.6 s.
    expect(graph.sent.length).toBeGreaterThanOrEqual(5);
    expect(graph.sent.length).toBeLessThanOrEqual(8);
    await waitUntil(() => graph.sent.length === 12, 5000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1200);
  });
});

describe('outbox/sender errors', () => {
  const retryable: Array<[string, number, number | undefined]> = [
    ['throughput limit 130429', 130429, 400],
    ['pair rate limit 131056', 131056, 400],
    ['unknown error 131000', 131000, 500],
    ['temporary downtime (HTTP 503, code 2)', 2, 503],
  ];
  for (const [name, code, httpStatus] of retryable) {
    it(`retries after ${name} and then delivers`, async () => {
      const { service, graph } = await setup({ statusWebhooks: false });
      graph.failNext({ code, httpStatus, count: 1, to: '6281234560010' });
      await citizenSays(service, '6281234560010', 'tolong');
      await graph.waitFor(r => r.to === '+6281234560010', 8000);
      await waitUntil(() => row(service, "SELECT status FROM outbound_messages WHERE kind = 'message'")?.status === 'accepted', 3000);
      const out = row(service, "SELECT attempts, error_code FROM outbound_messages WHERE kind = 'message'");
      expect(out.attempts).toBe(2);
      expect(out.error_code).toBeNull();
    });
  }

  it('retries a network failure (Graph API down) and delivers when it is back', async () => {
    const { service, graph } = await setup({ statusWebhooks: false });
    graph.setDown('reset');
    await citizenSays(service, '6281234560011', 'halo');
    await waitUntil(() => row(service, "SELECT attempts FROM outbound_messages WHERE kind = 'message'")?.attempts >= 1, 3000);
    graph.setDown(false);
    await graph.waitFor(r => r.to === '+6281234560011', 8000);
  });

  const permanent: Array<[number, RegExp]> = [
    [131047, /24-hour window/],
    [131026, /undeliverable/],
    [131051, /unsupported message type/],
    [131009, /parameter value not valid/],
  ];
  for (const [code, reason] of permanent) {
    it(`does not retry permanent error ${code}; the message is failed with its reason`, async () => {
      const { service, graph } = await setup({ statusWebhooks: false });
      graph.failNext({ code, httpStatus: 400, count: 1, to: '6281234560020' });
      await citizenSays(service, '6281234560020', 'halo');
      await waitUntil(() => row(service, "SELECT status FROM outbound_messages WHERE kind = 'message'")?.status === 'failed', 3000);
      const out = row(service, "SELECT attempts, error_code, error_reason FROM outbound_messages WHERE kind = 'message'");
      expect(out.attempts).toBe(1);
      expect(out.error_code).toBe(code);
      expect(out.error_reason).toMatch(reason);
      await new Promise(r => setTimeout(r, 1300));
      expect(graph.sent.filter(s => s.to === '+6281234560020')).toHaveLength(0);
      expect(graph.errors.filter(e => e.code === code)).toHaveLength(1);
    });
  }

  it('gives up on 131000 after three attempts', async () => {
    const { service, graph } = await setup({ statusWebhooks: false });
    graph.failNext({ code: 131000, httpStatus: 500, count: 5, to: '6281234560030' });
    await citizenSays(service, '6281234560030', 'halo');
    await waitUntil(() => row(service, "SELECT status FROM outbound_messages WHERE kind = 'message'")?.status === 'failed', 10_000);
    expect(row(service, "SELECT attempts FROM outbound_messages WHERE kind = 'message'").attempts).toBe(3);
  });
});

describe('outbox/24-hour window', () => {
  it('refuses a free-form message outside the window with the reason, and lets a template pass', async () => {
    const { service } = await setup({ statusWebhooks: false });
    const old = Math.floor(Date.now() / 1000) - 25 * 3600;
    const c = row(service, "INSERT INTO contacts (wa_key, wa_id, last_inbound_ts, created_at) VALUES ('6281234560040', '6281234560040', ?, 0) RETURNING id", old);
    const text = service.outbox.enqueue({ contactId: c.id, conversationId: null, kind: 'message', body: { type: 'text', text: { body: 'x' } }, summary: null, author: 'bot' });
    expect(text).toEqual({ ok: false, reason: expect.stringMatching(/24-hour/) });
    expect(count(service, 'SELECT COUNT(*) AS n FROM outbound_messages')).toBe(0);
    const template = service.outbox.enqueue({
      contactId: c.id, conversationId: null, kind: 'template', summary: 'klarifikasi',
      body: { type: 'template', template: { name: 'klarifikasi_hoaks', language: { code: 'id' } } }, author: 'bot',
    });
    expect(template.ok).toBe(true);
  });

  it('a free-form message whose window closed while it waited is failed, not sent', async () => {
    const { service, graph } = await setup({ statusWebhooks: false });
    const recent = Math.floor(Date.now() / 1000) - 60;
    const c = row(service, "INSERT INTO contacts (wa_key, wa_id, last_inbound_ts, created_at) VALUES ('6281234560041', '6281234560041', ?, 0) RETURNING id", recent);
    service.outbox.enqueue({ contactId: c.id, conversationId: null, kind: 'message', body: { type: 'text', text: { body: 'x' } }, summary: null, author: 'bot' });
    service.db.prepare('UPDATE contacts SET last_inbound_ts = ? WHERE id = ?').run(recent - 25 * 3600, c.id);
    service.sender.wake();
    await waitUntil(() => row(service, 'SELECT status FROM outbound_messages').status === 'failed');
    expect(row(service, 'SELECT error_reason FROM outbound_messages').error_reason).toMatch(/window closed/);
    expect(graph.sent).toHaveLength(0);
  });

  it('the bot does not start a flow on a message older than 24 hours, but stores and counts it', async () => {
    const { service, graph } = await setup({ statusWebhooks: false });
    const value = messageValue('6281234560042', { type: 'text', text: { body: 'pesan lama' } });
    (value.messages as Array<Record<string, unknown>>)[0]!.timestamp = String(Math.floor(Date.now() / 1000) - 26 * 3600);
    const res = await service.app.inject({ method: 'POST', url: '/webhooks/whatsapp', ...signedPost(envelope([value])) });
    expect(res.statusCode).toBe(200);
    await service.whenIdle();
    expect(row(service, 'SELECT state, conversation_id FROM inbound_messages')).toMatchObject({ state: 'late' });
    expect(row(service, 'SELECT conversation_id FROM inbound_messages').conversation_id).not.toBeNull();
    expect(count(service, "SELECT COUNT(*) AS n FROM outbound_messages WHERE kind = 'message'")).toBe(0);
    await graph.waitForRead(() => true, 3000);
  });
});
