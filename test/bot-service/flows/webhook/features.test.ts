import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlowEngine } from '../../../../bot-service/flows/engine.ts';
import { validateOutbound } from '../../../../bot-service/flows/limits.ts';
import type { OutboundBody } from '../../../../bot-service/flows/types.ts';
import type { FakeGraph } from '../../../../simulator/fake-graph.ts';
import type { Service } from '../../../../bot-service/server.ts';
import { envelope, messageValue } from '../../fixtures/webhooks.ts';
import { signedPost, tempDir } from '../../helpers.ts';
import { startWithGraph, waitUntil } from '../../graph-harness.ts';

/**
 * Every feature end to end: a signed webhook in (as Meta sends it), the real engine, the outbox,
 * and the reply arriving at the fake Graph API, reached by tapping the menu row and by typing.
 * Every reply sent is checked against WhatsApp's limits.
 */
let service: Service;
let graph: FakeGraph;
let close: () => Promise<void>;
let cleanup: () => void;
let citizen = 0;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  const h = await startWithGraph(t.dir, { engine: createFlowEngine(), statusWebhooks: false, env: { WA_SEND_RATE: '500' } });
  ({ service, graph, close } = h);
});
afterAll(async () => {
  await close();
  cleanup();
});

const newCitizen = () => `628139${String(++citizen).padStart(7, '0')}`;

async function send(waId: string, message: Record<string, unknown>): Promise<string> {
  const before = graph.sent.filter(s => s.to === `+${waId}`).length;
  const res = await service.app.inject({ method: 'POST', url: '/webhooks/whatsapp', ...signedPost(envelope([messageValue(waId, message)])) });
  expect(res.statusCode).toBe(200);
  await service.whenIdle();
  await waitUntil(() => graph.sent.filter(s => s.to === `+${waId}`).length > before, 5000, `a reply to ${waId}`);
  const replies = graph.sent.filter(s => s.to === `+${waId}`).slice(before);
  for (const r of replies) {
    const { messaging_product: _p, recipient_type: _r, to: _t, biz_opaque_callback_data: _b, ...body } = r.body;
    expect(validateOutbound(body as OutboundBody), JSON.stringify(body)).toEqual([]);
  }
  return replies.map(r => JSON.stringify(r.body)).join('\n');
}
const typed = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'text', text: { body: text }, ...extra });
const tapped = (id: string, title: string) => ({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id, title } } });
const featureOf = (waId: string) =>
  (service.db.prepare('SELECT v.feature FROM conversations v JOIN contacts c ON c.id = v.contact_id WHERE c.wa_key = ? ORDER BY v.id DESC').get(waId) as { feature: string | null }).feature;

describe('flows through the signed webhook', () => {
  const rows: Array<[string, string, string, string]> = [
    ['menu_radar', 'Radar COVID-19', 'radar', 'radar'],
    ['menu_data', 'Data Terkini Jatim', 'data', 'data'],
    ['menu_tanya_jawab', 'Tanya Jawab COVID-19', 'tanya', 'faq'],
    ['menu_cek_mandiri', 'Cek Mandiri', 'cek mandiri', 'selfcheck'],
    ['menu_tips', 'Tips & Rekomendasi', 'tips', 'tips'],
    ['menu_cek_hoaks', 'Cek Hoaks', 'cek hoaks', 'hoax'],
    ['menu_rs_rujukan', 'RS Rujukan & Hotline', 'rs rujukan', 'hospital'],
    ['menu_relawan', 'Ngobrol dengan Relawan', 'relawan', 'hotline'],
    ['menu_info', 'Info Terkini', 'info', 'info'],
  ];
  for (const [id, title, keyword, feature] of rows) {
    it(`${title}: by tapping the menu row and by typing "${keyword}"`, async () => {
      const a = newCitizen();
      await send(a, typed('halo'));
      await send(a, tapped(`menu:${id}`, title));
      expect(featureOf(a)).toBe(feature);
      const b = newCitizen();
      await send(b, typed('halo'));
      await send(b, typed(keyword.toUpperCase()));
      expect(featureOf(b)).toBe(feature);
    });
  }

  it('the menu is a WhatsApp list reached by a greeting, and by a number', async () => {
    const a = newCitizen();
    const menu = await send(a, typed('selamat pagi'));
    expect(menu).toContain('"type":"list"');
    await send(a, typed('5'));
    expect(featureOf(a)).toBe('tips');
  });

  it('radar from a location pin answers with the region and nearest hospitals', async () => {
    const a = newCitizen();
    await send(a, typed('radar'));
    const reply = await send(a, { type: 'location', location: { latitude: -7.4478, longitude: 112.7183 } });
    expect(reply).toContain('Sidoarjo');
    expect(reply).toMatch(/km/);
  });

  it('a typed question gets the FAQ answer as written in the content', async () => {
    const a = newCitizen();
    const answer = service.db.prepare("SELECT answer FROM faq WHERE id = 'faq_apa_itu_covid19'").pluck().get() as string;
    const reply = await send(a, typed('apa itu covid 19?'));
    expect(JSON.parse(`[${reply.split('\n').join(',')}]`).some((b: { text?: { body?: string } }) => b.text?.body?.includes(answer.slice(0, 80)))).toBe(true);
  });

  it('a forwarded known hoax gets its verdict and clarification', async () => {
    const a = newCitizen();
    const clarification = service.db.prepare("SELECT clarification FROM hoaxes WHERE id = 'hx_bawang_putih'").pluck().get() as string;
    const reply = await send(a, typed('Kabar gembira!! corona bisa sembuh semalam dgn air rebusan bawang putih, sebarkan ke semua kontak!!', { context: { forwarded: true } }));
    expect(reply).toContain(clarification.slice(0, 40));
  });

  it('the self check-up by typed numbers to "tinggi" hands over to a volunteer at high priority', async () => {
    const a = newCitizen();
    await send(a, typed('cek mandiri'));
    await send(a, typed('1')); // severe shortness of breath: the emergency exit
    const conv = service.db
      .prepare('SELECT v.state, v.priority FROM conversations v JOIN contacts c ON c.id = v.contact_id WHERE c.wa_key = ? ORDER BY v.id DESC')
      .get(a) as { state: string; priority: number };
    expect(conv.state).toBe('waiting');
    expect(conv.priority).toBeGreaterThanOrEqual(50);
  });
});
