import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/server.ts';
import { independentSignature, postJson, startReceiver } from './helpers.ts';

const SECRET = 'sim-secret';
const TOKEN = 'sim-token';
const PNID = '106540352242922';
const WA = '6281234567001';

describe('simulator/server', () => {
  let bot: Awaited<ReturnType<typeof startReceiver>>;
  let sim: Simulator;
  let botAnswer: (i: number) => number;

  beforeEach(async () => {
    botAnswer = () => 200;
    bot = await startReceiver(i => botAnswer(i));
    sim = await startSimulator({
      port: 0,
      appSecret: SECRET,
      accessToken: TOKEN,
      phoneNumberId: PNID,
      displayPhoneNumber: '62315550123',
      botWebhookUrl: bot.url,
      statusWebhooks: false,
      retryDelaysMs: [0, 20],
    });
  });

  afterEach(async () => {
    await sim.close();
    await bot.close();
  });

  const api = (path: string, body?: unknown) => (body === undefined ? fetch(`${sim.url}${path}`).then(r => r.json()) : postJson(`${sim.url}${path}`, body));
  const botSends = (body: unknown) => postJson(`${sim.graphUrl}/${PNID}/messages`, { messaging_product: 'whatsapp', ...(body as object) }, TOKEN);
  const inbound = (i: number) => (bot.received[i]?.json as any).entry[0].changes[0].value;

  it('exposes url and a graphUrl with the version', () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.graphUrl).toBe(`${sim.url}/v25.0`);
  });

  it('sends a citizen’s text as a signed Meta webhook and answers with the wamid and the bot’s status', async () => {
    const res = await api(`/sim/api/citizens/${WA}/send`, { name: 'Budi Santoso', type: 'text', text: 'Halo 😷', forwarded: true });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ wamid: expect.stringMatching(/^wamid\./), botStatus: 200 });
    const [got] = bot.received;
    expect(got?.headers['x-hub-signature-256']).toBe(independentSignature(got?.raw ?? '', SECRET));
    expect(got?.raw).toContain('\\ud83d\\ude37');
    const value = inbound(0);
    expect(value.metadata).toEqual({ display_phone_number: '62315550123', phone_number_id: PNID });
    expect(value.contacts).toEqual([{ profile: { name: 'Budi Santoso' }, wa_id: WA }]);
    expect(value.messages[0]).toMatchObject({ from: WA, id: res.json.wamid, type: 'text', text: { body: 'Halo 😷' }, context: { forwarded: true } });
    const citizens = await api('/sim/api/citizens');
    expect(citizens).toEqual([expect.objectContaining({ waId: WA, name: 'Budi Santoso' })]);
  });

  it('keeps the chat in order in both directions, with the bot’s full Graph body', async () => {
    await api(`/sim/api/citizens/${WA}/send`, { type: 'text', text: 'menu' });
    const list = {
      to: `+${WA}`,
      type: 'interactive',
      interactive: { type: 'list', body: { text: 'Pilih' }, action: { button: 'Menu', sections: [{ title: 'Fitur', rows: [{ id: 'radar', title: 'Radar' }] }] } },
    };
    const sent = await botSends(list);
    expect(sent.status).toBe(200);
    const chat = await api(`/sim/api/citizens/${WA}/messages`);
    expect(chat.map((e: any) => e.from)).toEqual(['citizen', 'bot']);
    expect(chat[1]).toMatchObject({ wamid: sent.json.messages[0].id, type: 'interactive', body: { messaging_product: 'whatsapp', ...list } });
    expect(chat[0].seq).toBeLessThan(chat[1].seq);
  });

  it('points a list reply’s context at the bot message that offered the row', async () => {
    await api(`/sim/api/citizens/${WA}/send`, { type: 'text', text: 'menu' });
    const listSend = await botSends({
      to: `+${WA}`,
      type: 'interactive',
      interactive: { type: 'list', body: { text: 'Pilih' }, action: { button: 'Menu', sections: [{ rows: [{ id: 'radar', title: 'Radar COVID-19' }] }] } },
    });
    await botSends({ to: `+${WA}`, type: 'text', text: { body: 'pesan lain' } });
    await api(`/sim/api/citizens/${WA}/send`, { type: 'list_reply', id: 'radar', title: 'Radar COVID-19' });
    expect(inbound(1).messages[0]).toMatchObject({
      type: 'interactive',
      context: { from: '62315550123', id: listSend.json.messages[0].id },
      interactive: { type: 'list_reply', list_reply: { id: 'radar', title: 'Radar COVID-19' } },
    });
    await api(`/sim/api/citizens/${WA}/send`, { type: 'button_reply', id: 'ya', title: 'Ya', contextId: 'wamid.GIVEN' });
    expect(inbound(2).messages[0].context.id).toBe('wamid.GIVEN');
  });

  it('sends locations (name is the place’s name there) and images whose media the bot can download', async () => {
    await api(`/sim/api/citizens/${WA}/send`, { name: 'Budi', type: 'text', text: 'x' });
    await api(`/sim/api/citizens/${WA}/send`, { type: 'location', latitude: -7.27516, longitude: 112.72263, name: 'Kota Surabaya' });
    expect(inbound(1).messages[0].location).toEqual({ latitude: -7.27516, longitude: 112.72263, name: 'Kota Surabaya' });
    expect(inbound(1).contacts[0].profile.name).toBe('Budi');
    await api(`/sim/api/citizens/${WA}/send`, { type: 'image', caption: 'hoaks?' });
    const image = inbound(2).messages[0].image;
    expect(image).toMatchObject({ mime_type: 'image/jpeg', caption: 'hoaks?' });
    const meta = await (await fetch(`${sim.graphUrl}/${image.id}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
    expect(meta.sha256).toBe(image.sha256);
  });

  it('turns the citizen’s ticks blue when the bot marks a later message read', async () => {
    const a = await api(`/sim/api/citizens/${WA}/send`, { type: 'text', text: 'satu' });
    const b = await api(`/sim/api/citizens/${WA}/send`, { type: 'text', text: 'dua' });
    let chat = await api(`/sim/api/citizens/${WA}/messages`);
    expect(chat.map((e: any) => e.status)).toEqual(['delivered', 'delivered']);
    const read = await botSends({ status: 'read', message_id: b.json.wamid });
    expect(read.json).toEqual({ success: true });
    chat = await api(`/sim/api/citizens/${WA}/messages`);
    expect(chat.map((e: any) => [e.wamid, e.status])).toEqual([
      [a.json.wamid, 'read'],
      [b.json.wamid, 'read'],
    ]);
  });

  it('reports a non-200 from the bot and redelivers the same bytes until 200', async () => {
    botAnswer = i => (i === 0 ? 500 : 200);
    const res = await api(`/sim/api/citizens/${WA}/send`, { type: 'text', text: 'halo' });
    expect(res.json.botStatus).toBe(500);
    const got = await bot.waitFor(2);
    expect(got[1]?.raw).toBe(got[0]?.raw);
    await new Promise(r => setTimeout(r, 30));
    const [entry] = await api(`/sim/api/citizens/${WA}/messages`);
    expect(entry).toMatchObject({ botStatus: 200, attempts: 2, status: 'delivered' });
  });

  it('reuses a given wamid and timestamp, to simulate duplicates and late redelivery', async () => {
    const first = await api(`/sim/api/citizens/${WA}/send`, { type: 'text', text: 'sama' });
    await api(`/sim/api/citizens/${WA}/send`, { type: 'text', text: 'sama', wamid: first.json.wamid, timestamp: 1700000000 });
    expect(inbound(1).messages[0]).toMatchObject({ id: first.json.wamid, timestamp: '1700000000' });
  });

  it('rejects a malformed send with 400 and posts nothing', async () => {
    expect((await api(`/sim/api/citizens/${WA}/send`, { type: 'text' })).status).toBe(400);
    expect((await api(`/sim/api/citizens/abc/send`, { type: 'text', text: 'x' })).status).toBe(400);
    expect((await api(`/sim/api/citizens/${WA}/send`, { type: 'location', latitude: 200, longitude: 1 })).status).toBe(400);
    expect(bot.received).toHaveLength(0);
  });

  it('drives fault injection over HTTP', async () => {
    const set = await api('/sim/api/faults', { action: 'failNext', code: 131056, count: 1 });
    expect(set.json.pending).toEqual([expect.objectContaining({ code: 131056, count: 1 })]);
    const failed = await botSends({ to: `+${WA}`, type: 'text', text: { body: 'x' } });
    expect(failed.json.error.code).toBe(131056);
    await api('/sim/api/faults', { action: 'down', down: true });
    expect((await botSends({ to: `+${WA}`, type: 'text', text: { body: 'x' } })).status).toBe(503);
    await api('/sim/api/faults', { action: 'clear' });
    expect((await botSends({ to: `+${WA}`, type: 'text', text: { body: 'x' } })).status).toBe(200);
    expect((await api('/sim/api/faults', { action: 'explode' })).status).toBe(400);
  });

  it('posts a raw body with a valid, invalid or missing signature', async () => {
    const body = { object: 'whatsapp_business_account', entry: [] };
    await api('/sim/api/webhooks', { body });
    await api('/sim/api/webhooks', { body, signature: 'invalid' });
    await api('/sim/api/webhooks', { body, signature: 'missing' });
    const [valid, invalid, missing] = bot.received;
    expect(valid?.headers['x-hub-signature-256']).toBe(independentSignature(valid?.raw ?? '', SECRET));
    expect(invalid?.headers['x-hub-signature-256']).not.toBe(independentSignature(invalid?.raw ?? '', SECRET));
    expect(missing?.headers['x-hub-signature-256']).toBeUndefined();
  });

  it('streams live events over SSE', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${sim.url}/sim/api/events`, { signal: ctrl.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let seen = '';
    await api(`/sim/api/citizens/${WA}/send`, { type: 'text', text: 'lewat SSE' });
    while (!seen.includes('lewat SSE')) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += decoder.decode(value);
    }
    ctrl.abort();
    const events = seen.split('\n\n').filter(l => l.startsWith('data: ')).map(l => JSON.parse(l.slice(6)));
    expect(events[0]).toEqual({ type: 'hello' });
    expect(events).toContainEqual(expect.objectContaining({ type: 'message', waId: WA, entry: expect.objectContaining({ from: 'citizen' }) }));
  });

  it('serves the phone page with its script and styles, and the places list', async () => {
    const page = await fetch(`${sim.url}/`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('src="/phone.js"');
    expect(html).toContain('data-testid="composer-input"');
    const js = await fetch(`${sim.url}/phone.js`);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await js.text()).toContain('/sim/api/events');
    expect((await fetch(`${sim.url}/phone-render.js`)).status).toBe(200);
    expect((await fetch(`${sim.url}/phone.css`)).headers.get('content-type')).toMatch(/^text\/css/);
    const places = await api('/sim/api/places');
    expect(places.filter((p: any) => p.regionCode)).toHaveLength(38);
    expect(places.some((p: any) => p.regionCode === null)).toBe(true);
  });
});
