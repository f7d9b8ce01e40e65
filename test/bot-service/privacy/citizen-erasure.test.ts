import { afterEach, describe, expect, it } from 'vitest';
import { processErasureRequests } from '../../../bot-service/privacy/erasure-requests.ts';
import { createFlowEngine } from '../../../bot-service/flows/engine.ts';
import { envelope, messageValue } from '../fixtures/webhooks.ts';
import { signedPost, tempDir } from '../helpers.ts';
import { startWithGraph, waitUntil } from '../graph-harness.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('privacy/"hapus data saya" from the citizen', () => {
  it('confirms, then erases the number and texts once the confirmation is sent; counts stay', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const h = await startWithGraph(t.dir, { engine: createFlowEngine(), statusWebhooks: false });
    cleanups.push(h.close);
    const say = async (text: string) => {
      const res = await h.service.app.inject({ method: 'POST', url: '/webhooks/whatsapp', ...signedPost(envelope([messageValue('6281234569999', { type: 'text', text: { body: text } })])) });
      expect(res.statusCode).toBe(200);
      await h.service.whenIdle();
    };
    await say('halo, apa gejala corona?');
    await say('hapus data saya');
    const confirmation = await h.graph.waitFor(r => r.to === '+6281234569999' && JSON.stringify(r.body).includes('hapus data'), 5000);
    expect(confirmation).toBeTruthy();
    await waitUntil(() => processErasureRequests(h.service.db).length > 0 || h.service.db.prepare("SELECT COUNT(*) AS n FROM contacts WHERE wa_key = '6281234569999'").pluck().get() === 0, 5000);
    const db = h.service.db;
    expect(db.prepare("SELECT COUNT(*) FROM contacts WHERE wa_key LIKE '%6281234569999%' OR wa_id LIKE '%6281234569999%'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM inbound_messages WHERE text IS NOT NULL').pluck().get()).toBe(0);
    expect(db.prepare("SELECT COUNT(*) FROM inbound_messages").pluck().get()).toBe(2);
    expect(db.prepare("SELECT COUNT(*) FROM webhook_events WHERE body LIKE '%6281234569999%'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM conversations').pluck().get()).toBeGreaterThanOrEqual(1);
  });
});
