import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookBodyLimit } from '../../../bot-service/routes/webhook.ts';
import type { Service } from '../../../bot-service/server.ts';
import { signedPost, tempDir } from '../helpers.ts';
import { envelope, nested, rawBody, serialize } from './webhook-arbitraries.ts';
import { snapshot, startServiceUnderFuzz, type LogEntry } from './service-under-fuzz.ts';

const numRuns = Number(process.env.FUZZ_RUNS ?? 200);

let t: ReturnType<typeof tempDir>;
let under: Awaited<ReturnType<typeof startServiceUnderFuzz>>;
let service: Service;

beforeAll(async () => {
  t = tempDir();
  under = await startServiceUnderFuzz(t.dir);
  service = under.service;
});
afterAll(async () => {
  await under.close();
  t.cleanup();
});

async function post(body: unknown): Promise<{ status: number; text: string; bytes: number }> {
  const { payload, headers } = signedPost(typeof body === 'string' ? body : serialize(body));
  const res = await service.app.inject({ method: 'POST', url: '/webhooks/whatsapp', payload, headers });
  return { status: res.statusCode, text: res.body, bytes: Buffer.byteLength(payload) };
}

/**
 * Posts a correctly signed body: the answer is 200 or 400 (413 only above the body limit, which is
 * above Meta's 3 MB), and a rejected body leaves every table as it was.
 */
async function check(body: unknown): Promise<number> {
  await service.whenIdle();
  const before = snapshot(service);
  const res = await post(body);
  const allowed = res.bytes > webhookBodyLimit ? [413] : [200, 400];
  if (!allowed.includes(res.status)) {
    throw new Error(`answered ${res.status} to ${res.bytes} bytes: ${res.text.slice(0, 300)}`);
  }
  if (res.status !== 200) {
    expect(snapshot(service)).toEqual(before);
  }
  return res.status;
}

const serverErrors = (logs: LogEntry[]) => logs.filter(l => l.msg === 'request failed' || l.msg === 'webhook could not be stored');

describe('fuzz/webhook', () => {
  it('Meta-shaped bodies with random, missing, wrong-typed, huge, unicode and deep values: only 200 or 400, a 400 changes nothing', async () => {
    const seen: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(envelope, async body => {
        const status = await check(body);
        seen[status] = (seen[status] ?? 0) + 1;
      }),
      // Huge generated values make shrinking slow: report the first counterexample as found.
      { numRuns, endOnFailure: true }
    );
    // Both outcomes must really have been exercised, or the generator is too tame or too wild.
    expect(seen[200]).toBeGreaterThan(numRuns / 10);
    expect(seen[400]).toBeGreaterThan(numRuns / 10);
    await service.whenIdle();
    expect(serverErrors(under.logs)).toEqual([]);
  }, 120_000);

  it('random JSON, truncated JSON, binary and deeply nested bodies: only 200 or 400, a 400 changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(rawBody, async raw => {
        await check(raw);
      }),
      { numRuns, endOnFailure: true }
    );
    expect(serverErrors(under.logs)).toEqual([]);
  }, 120_000);

  it('a valid message with a field nested 10,000 deep is answered 200 or 400, never 5xx', async () => {
    // JSON.parse takes it, but JSON.stringify (used to store the message) overflows the stack past ~5,000.
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '1',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '6231990000', phone_number_id: '106540352242922' },
                contacts: [{ profile: { name: 'x' }, wa_id: '6281234567001' }],
                messages: [{ from: '6281234567001', id: `wamid.deep.${Date.now()}`, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: 'hi' }, deep: nested(10_000) }],
              },
            },
          ],
        },
      ],
    };
    const status = await check(body);
    expect([200, 400]).toContain(status);
  });

  it('the service still works after the fuzzing: nothing crashed, the flow engine never threw, health is ok', async () => {
    await service.whenIdle();
    const health = await service.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    const engineFailures = under.logs.filter(l => l.msg === 'flow engine failed on a message' || l.msg === 'processing a contact failed; will retry');
    expect(engineFailures.map(l => ({ msg: l.msg, err: (l.err as { message?: string } | undefined)?.message }))).toEqual([]);
    expect(await check({ object: 'whatsapp_business_account', entry: [] })).toBe(200);
  });
});
