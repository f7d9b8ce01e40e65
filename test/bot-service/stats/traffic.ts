import type { FlowEngine, FlowResult } from '../../../bot-service/flows/types.ts';
import type { Service } from '../../../bot-service/server.ts';
import { contactOf, envelope, wamid } from '../fixtures/webhooks.ts';
import { signedPost } from '../helpers.ts';

/** Region names the test engine understands, as a citizen would type them. */
export const regionCodes: Record<string, string> = { surabaya: '35.78', malang: '35.07', sidoarjo: '35.15', gresik: '35.25' };

/**
 * A small scripted flow engine for the statistics tests. It behaves like the real one where the
 * counters look: a typed region name sets the citizen's region, keywords enter features, the
 * self check-up reports its level (tinggi goes to a volunteer) and forwarded hoaxes are claims.
 */
export const statsEngine: FlowEngine = {
  handle(ctx) {
    const text = (ctx.message.text ?? '').toLowerCase().trim();
    const reply = { body: { type: 'text', text: { body: `ok: ${text}` } }, summary: `ok ${text}` };
    const result: FlowResult = { replies: [reply], flowState: null, conversation: {} };
    const region = regionCodes[text];
    if (region !== undefined) {
      result.contact = { regionCode: region };
      result.conversation = { feature: 'menu' };
    } else if (text === 'radar') {
      result.conversation = { feature: 'radar' };
    } else if (text === 'faq') {
      result.conversation = { feature: 'faq' };
      result.signals = [{ kind: 'faq', faqId: 'faq-1', confident: true }];
    } else if (text.startsWith('cek ')) {
      const level = text.slice(4) as 'rendah' | 'sedang' | 'tinggi';
      result.conversation = level === 'tinggi' ? { feature: 'selfcheck', handoff: { priority: 50, reason: 'selfcheck-tinggi' } } : { feature: 'selfcheck' };
      result.signals = [{ kind: 'selfcheck', level }];
    } else if (text.startsWith('hoaks')) {
      result.conversation = { feature: 'hoax' };
      result.signals = [{ kind: 'hoax-claim', text: null, mediaSha256: null, matchedHoaxId: text === 'hoaks bawang' ? 'hoaks-bawang' : null }];
    } else if (text === 'relawan') {
      result.conversation = { feature: 'hotline', handoff: { priority: 10, reason: 'asked' } };
    } else if (text === 'diam') {
      result.replies = [];
      result.conversation = undefined;
    } else {
      result.conversation = { feature: 'menu' };
    }
    return result;
  },
};

/** Posts one signed text message from a citizen, written at `at` (epoch ms). */
export async function sendText(service: Service, waId: string, text: string, at: number): Promise<void> {
  const body = envelope([
    {
      contacts: [contactOf(waId)],
      messages: [{ from: waId, id: wamid(), timestamp: String(Math.floor(at / 1000)), type: 'text', text: { body: text } }],
    },
  ]);
  const res = await service.app.inject({ method: 'POST', url: '/webhooks/whatsapp', ...signedPost(body) });
  if (res.statusCode !== 200) {
    throw new Error(`webhook answered ${res.statusCode}: ${res.body}`);
  }
}

/** Sends, then waits until the pipeline has handled it (order of a real chat). */
export async function chat(service: Service, waId: string, text: string, at: number): Promise<void> {
  await sendText(service, waId, text, at);
  await service.dispatcher.whenIdle();
}
