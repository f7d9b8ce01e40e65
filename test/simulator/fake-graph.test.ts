import Fastify from 'fastify';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeGraph, type FakeGraph, type FakeGraphOptions } from '../../simulator/fake-graph.ts';
import { independentSignature, postJson, startReceiver } from './helpers.ts';

const TOKEN = 'EAAG-test-token';
const PNID = '106540352242922';
const SECRET = 'app-secret';
const text = (to = '+6281234567001', body = 'halo') => ({ messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'text', text: { body } });

describe('simulator/fake-graph', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function start(extra: Partial<FakeGraphOptions> = {}) {
    const graph = createFakeGraph({ accessToken: TOKEN, phoneNumberId: PNID, displayPhoneNumber: '62315550123', ...extra });
    const { graphUrl } = await graph.listen();
    cleanups.push(() => graph.close());
    return { graph, send: (body: unknown, token = TOKEN, pnid = PNID) => postJson(`${graphUrl}/${pnid}/messages`, body, token), graphUrl };
  }

  async function receiver(answer?: Parameters<typeof startReceiver>[0]) {
    const r = await startReceiver(answer);
    cleanups.push(() => r.close());
    return r;
  }

  it('accepts a valid send with Meta’s success body and records it', async () => {
    const { graph, send } = await start();
    const res = await send(text('+6281234567001', 'Halo *Budi*'));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: '+6281234567001', wa_id: '6281234567001' }],
      messages: [{ id: expect.stringMatching(/^wamid\.[A-Za-z0-9+/]+=*$/) }],
    });
    expect(graph.sent).toHaveLength(1);
    expect(graph.sent[0]).toMatchObject({ to: '+6281234567001', waId: '6281234567001', type: 'text', wamid: res.json.messages[0].id, phoneNumberId: PNID });
    expect(graph.sent[0]?.body).toEqual(text('+6281234567001', 'Halo *Budi*'));
  });

  it('answers 401 with code 190 for a wrong or missing token, and 100 for an unknown phone number id', async () => {
    const { graph, send } = await start();
    const wrong = await send(text(), 'nope');
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toMatchObject({ code: 190, type: 'OAuthException', fbtrace_id: expect.any(String) });
    const none = await postJson(`${(await start()).graphUrl}/${PNID}/messages`, text());
    expect(none.status).toBe(401);
    const unknown = await send(text(), TOKEN, '999');
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' });
    expect(graph.sent).toHaveLength(0);
  });

  it('rejects an invalid body with the exact 131009 error shape, and a missing param with 100', async () => {
    const { graph, send } = await start();
    const res = await send({ ...text(), text: { body: 'x'.repeat(4097) } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: {
        message: '(#131009) Parameter value is not valid',
        type: 'OAuthException',
        code: 131009,
        error_data: { messaging_product: 'whatsapp', details: expect.stringContaining('4096') },
        fbtrace_id: expect.any(String),
      },
    });
    const missing = await send({ to: '+6281234567001', type: 'text', text: { body: 'x' } });
    expect(missing.status).toBe(400);
    expect(missing.json.error).toMatchObject({ code: 100, message: '(#100) The parameter messaging_product is required.' });
    const notJson = await fetch(`${(await start()).graphUrl}/${PNID}/messages`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: '{oops' });
    expect(notJson.status).toBe(400);
    expect(graph.sent).toHaveLength(0);
    expect(graph.errors.map(e => e.code)).toEqual([131009, 100]);
  });

  it('marks as read (with typing indicator) and answers {"success":true}', async () => {
    const { graph, send } = await start();
    const res = await send({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.ABC', typing_indicator: { type: 'text' } });
    expect(res).toMatchObject({ status: 200, json: { success: true } });
    expect(graph.reads[0]).toMatchObject({ messageId: 'wamid.ABC', typing: true });
    expect(graph.sent).toHaveLength(0);
  });

  it('failNext answers the next N matching sends with Meta’s error, then recovers', async () => {
    const { graph, send } = await start();
    graph.failNext({ code: 130429, count: 2 });
    const a = await send(text());
    expect(a.status).toBe(400);
    expect(a.json.error).toMatchObject({ code: 130429, message: '(#130429) Rate limit hit', error_data: { messaging_product: 'whatsapp' } });
    expect((await send(text())).json.error.code).toBe(130429);
    expect((await send(text())).status).toBe(200);

    graph.failNext({ code: 131047, to: '6281234567002' });
    expect((await send(text('+6281234567001'))).status).toBe(200);
    const other = await send(text('+6281234567002'));
    expect(other.json.error).toMatchObject({ code: 131047, message: '(#131047) Re-engagement message' });

    graph.failNext({ code: 2 });
    const down = await send(text());
    expect(down.status).toBe(503);
    expect(down.json.error).toMatchObject({ code: 2, is_transient: true });

    graph.failNext({ code: 131000, httpStatus: 502 });
    expect((await send(text())).status).toBe(502);
    expect(graph.sent).toHaveLength(2);
    expect(graph.errors.filter(e => e.injected)).toHaveLength(5);
  });

  it('setDown answers 503 or drops the connection; setLatency delays the answer', async () => {
    const { graph, send } = await start();
    graph.setDown(true);
    const res = await send(text());
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe(2);
    graph.setDown('reset');
    await expect(send(text())).rejects.toThrow();
    graph.setDown(false);
    graph.setLatency(150);
    const t0 = Date.now();
    expect((await send(text())).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('does not throttle by default, and answers 130429 above rateLimitPerSecond', async () => {
    const { send } = await start();
    const all = await Promise.all(Array.from({ length: 60 }, () => send(text())));
    expect(all.every(r => r.status === 200)).toBe(true);

    const limited = await start({ rateLimitPerSecond: 5 });
    const burst = await Promise.all(Array.from({ length: 8 }, () => limited.send(text())));
    expect(burst.filter(r => r.status === 200)).toHaveLength(5);
    expect(burst.filter(r => r.json?.error?.code === 130429)).toHaveLength(3);
  });

  it('waitFor resolves on a matching send and rejects on timeout', async () => {
    const { graph, send } = await start();
    const waiting = graph.waitFor(r => r.waId === '6281234567009', 2000);
    await send(text('+6281234567001'));
    await send(text('+6281234567009', 'akhirnya'));
    expect((await waiting).body).toMatchObject({ text: { body: 'akhirnya' } });
    await expect(graph.waitFor(r => r.waId === 'never', 50)).rejects.toThrow(/no matching send/);
    graph.clear();
    expect(graph.sent).toHaveLength(0);
  });

  it('mounts on an existing Fastify instance', async () => {
    const graph = createFakeGraph({ accessToken: TOKEN, phoneNumberId: PNID });
    const app = Fastify();
    app.get('/other', async () => ({ ok: true }));
    await graph.mount(app);
    cleanups.push(async () => {
      await graph.close();
      await app.close();
    });
    const res = await app.inject({ method: 'POST', url: `/v25.0/${PNID}/messages`, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, payload: text() });
    expect(res.statusCode).toBe(200);
    expect((await app.inject({ url: '/other' })).json()).toEqual({ ok: true });
  });

  it('posts signed sent, delivered, read status webhooks, in order, after an accepted send', async () => {
    const bot = await receiver();
    const { graph, send } = await start({
      webhook: { url: bot.url, appSecret: SECRET, phoneNumberId: PNID, displayPhoneNumber: '62315550123' },
      statusDelaysMs: { sent: 5, delivered: 5, read: 5 },
      contactName: () => 'Budi',
    });
    const res = await send(text());
    const wamid = res.json.messages[0].id;
    const got = await bot.waitFor(3);
    await graph.idle();
    for (const r of got) expect(r.headers['x-hub-signature-256']).toBe(independentSignature(r.raw, SECRET));
    const statuses = got.map(r => (r.json as any).entry[0].changes[0].value.statuses[0]);
    expect(statuses.map(s => s.status)).toEqual(['sent', 'delivered', 'read']);
    expect(statuses.every(s => s.id === wamid && s.recipient_id === '6281234567001' && /^\d{10}$/.test(s.timestamp))).toBe(true);
    expect(statuses[0].pricing).toMatchObject({ pricing_model: 'PMP', category: 'service' });
    expect(statuses[2].pricing).toBeUndefined();
    const value = (got[0]?.json as any).entry[0].changes[0].value;
    expect(value.metadata).toEqual({ display_phone_number: '62315550123', phone_number_id: PNID });
    expect(value.contacts).toEqual([{ profile: { name: 'Budi' }, wa_id: '6281234567001' }]);
    expect(graph.statusPosts.map(p => [p.status, p.ok])).toEqual([['sent', true], ['delivered', true], ['read', true]]);
  });

  it('redelivers a status webhook the bot did not answer 200, like Meta', async () => {
    const bot = await receiver(i => (i === 0 ? 500 : 200));
    const { graph, send } = await start({
      webhook: { url: bot.url, appSecret: SECRET, phoneNumberId: PNID, displayPhoneNumber: '62315550123' },
      statusDelaysMs: { sent: 1, delivered: 200, read: 200 },
      readMode: 'never',
      retryDelaysMs: [0, 20],
    });
    await send(text());
    const got = await bot.waitFor(2);
    expect(got[0]?.raw).toBe(got[1]?.raw);
    await graph.idle();
    expect(graph.statusPosts.find(p => p.status === 'sent')).toMatchObject({ ok: true, attempts: 2 });
  });

  it('in on-open read mode posts read only when the chat is opened', async () => {
    const bot = await receiver();
    const { graph, send } = await start({
      webhook: { url: bot.url, appSecret: SECRET, phoneNumberId: PNID, displayPhoneNumber: '62315550123' },
      statusDelaysMs: { sent: 1, delivered: 1, read: 1 },
      readMode: 'on-open',
    });
    await send(text());
    await bot.waitFor(2);
    await new Promise(r => setTimeout(r, 60));
    expect(bot.received).toHaveLength(2);
    expect(graph.openChat('6281234567001')).toBe(1);
    const got = await bot.waitFor(3);
    expect((got[2]?.json as any).entry[0].changes[0].value.statuses[0].status).toBe('read');
  });

  it('in auto read mode, opening the chat reads at once and never posts read twice', async () => {
    const bot = await receiver();
    const { graph, send } = await start({
      webhook: { url: bot.url, appSecret: SECRET, phoneNumberId: PNID, displayPhoneNumber: '62315550123' },
      statusDelaysMs: { sent: 1, delivered: 1, read: 150 },
    });
    await send(text());
    await bot.waitFor(2);
    expect(graph.openChat('6281234567001')).toBe(1);
    await bot.waitFor(3);
    await graph.idle();
    await new Promise(r => setTimeout(r, 200));
    const statuses = bot.received.map(r => (r.json as any).entry[0].changes[0].value.statuses[0].status);
    expect(statuses).toEqual(['sent', 'delivered', 'read']);
  });

  it('an async fault accepts the send, then reports failed with the error and no contacts', async () => {
    const bot = await receiver();
    const { graph, send } = await start({
      webhook: { url: bot.url, appSecret: SECRET, phoneNumberId: PNID, displayPhoneNumber: '62315550123' },
      statusDelaysMs: { sent: 1, delivered: 1, read: 1 },
      contactName: () => 'Budi',
    });
    graph.failNext({ code: 131026, async: true });
    expect((await send(text())).status).toBe(200);
    const [got] = await bot.waitFor(1);
    const value = (got?.json as any).entry[0].changes[0].value;
    expect(value.statuses[0]).toMatchObject({ status: 'failed', errors: [{ code: 131026, title: 'Message Undeliverable' }] });
    expect(value.contacts).toBeUndefined();
    await new Promise(r => setTimeout(r, 30));
    expect(bot.received).toHaveLength(1);
  });

  it('serves media: GET /{media-id} then the URL with the same token, bytes matching sha256', async () => {
    const { graph, graphUrl } = await start();
    const bytes = Buffer.from('gambar hoaks');
    const media = graph.media.add(bytes, 'image/jpeg');
    const auth = { authorization: `Bearer ${TOKEN}` };
    const meta = await (await fetch(`${graphUrl}/${media.id}`, { headers: auth })).json();
    expect(meta).toMatchObject({ messaging_product: 'whatsapp', mime_type: 'image/jpeg', id: media.id, file_size: String(bytes.length) });
    expect(meta.sha256).toBe(createHash('sha256').update(bytes).digest('base64'));
    expect((await fetch(meta.url)).status).toBe(401);
    const file = await fetch(meta.url, { headers: auth });
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await file.arrayBuffer())).toEqual(bytes);
  });
});
