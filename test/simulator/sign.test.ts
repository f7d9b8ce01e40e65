import { afterEach, describe, expect, it } from 'vitest';
import { postWebhook, signatureFor, toMetaJson } from '../../simulator/sign.ts';
import { independentSignature, startReceiver } from './helpers.ts';

const SECRET = 'app-secret-123';

describe('simulator/sign', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  it('escapes every non-ASCII unit as lowercase \\uXXXX, emoji as a surrogate pair, and / as \\/', () => {
    const raw = toMetaJson({ text: { body: 'Halo 😷 café' }, url: 'https://x.id/a' });
    expect(raw).toBe('{"text":{"body":"Halo \\ud83d\\ude37 caf\\u00e9"},"url":"https:\\/\\/x.id\\/a"}');
    expect(/[^\x00-\x7f]/.test(raw)).toBe(false);
    expect(JSON.parse(raw)).toEqual({ text: { body: 'Halo 😷 café' }, url: 'https://x.id/a' });
  });

  it('signs the escaped bytes: equal to an independent HMAC, different from one over plain JSON', () => {
    const body = { name: 'Siti 👍🏽', n: 1 };
    const raw = toMetaJson(body);
    expect(signatureFor(raw, SECRET)).toBe(independentSignature(raw, SECRET));
    expect(signatureFor(raw, SECRET)).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(signatureFor(raw, SECRET)).not.toBe(independentSignature(JSON.stringify(body), SECRET));
  });

  it('postWebhook sends those exact bytes with a valid X-Hub-Signature-256', async () => {
    receiver = await startReceiver(() => 200);
    const body = { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { t: 'Sakit 🤒 demam' } }] }] };
    const res = await postWebhook(receiver.url, body, SECRET);
    expect(res).toEqual({ status: 200, text: 'ok' });
    const [got] = receiver.received;
    expect(got?.raw).toBe(toMetaJson(body));
    expect(got?.raw).toContain('\\ud83e\\udd12');
    expect(got?.headers['x-hub-signature-256']).toBe(independentSignature(got?.raw ?? '', SECRET));
    expect(got?.headers['content-type']).toBe('application/json');
  });

  it('postWebhook returns the receiver status and rejects when nothing listens', async () => {
    receiver = await startReceiver(() => 401);
    expect((await postWebhook(receiver.url, { a: 1 }, SECRET)).status).toBe(401);
    const url = receiver.url;
    await receiver.close();
    receiver = undefined;
    await expect(postWebhook(url, { a: 1 }, SECRET, { timeoutMs: 2000 })).rejects.toThrow();
  });

  it('can send a wrong or no signature on request', async () => {
    receiver = await startReceiver();
    await postWebhook(receiver.url, { a: 1 }, SECRET, { signature: 'sha256=00' });
    await postWebhook(receiver.url, { a: 1 }, SECRET, { signature: null });
    expect(receiver.received[0]?.headers['x-hub-signature-256']).toBe('sha256=00');
    expect(receiver.received[1]?.headers['x-hub-signature-256']).toBeUndefined();
  });
});
