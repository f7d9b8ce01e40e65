import { afterEach, describe, expect, it } from 'vitest';
import { createFakeGraph } from '../../../simulator/fake-graph.ts';
import { envelope, messageValue, phoneNumberId } from '../fixtures/webhooks.ts';
import { accessToken, count, signedPost, startService, tempDir } from '../helpers.ts';
import { waitUntil } from '../graph-harness.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('outbox/restart', () => {
  it('sends after a restart what was queued or in flight at the stop', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const graph = createFakeGraph({ accessToken, phoneNumberId });
    const { graphUrl } = await graph.listen({ host: '127.0.0.1', port: 0 });
    cleanups.push(() => graph.close());
    graph.setDown('http');

    const first = await startService(t.dir, { env: { WA_GRAPH_URL: graphUrl } });
    for (const waId of ['6281234561001', '6281234561002']) {
      const res = await first.app.inject({ method: 'POST', url: '/webhooks/whatsapp', ...signedPost(envelope([messageValue(waId, { type: 'text', text: { body: 'halo' } })])) });
      expect(res.statusCode).toBe(200);
    }
    await waitUntil(() => count(first, "SELECT COUNT(*) AS n FROM outbound_messages WHERE kind = 'message' AND attempts >= 1") === 2, 5000);
    // One row caught mid-send, as if the process died between the commit and the Graph call.
    first.db.prepare("UPDATE outbound_messages SET status = 'sending' WHERE id = (SELECT MIN(id) FROM outbound_messages WHERE kind = 'message')").run();
    await first.close();

    graph.setDown(false);
    const second = await startService(t.dir, { env: { WA_GRAPH_URL: graphUrl } });
    cleanups.push(() => second.close());
    await graph.waitFor(r => r.to === '+6281234561001', 8000);
    await graph.waitFor(r => r.to === '+6281234561002', 8000);
    await waitUntil(() => count(second, "SELECT COUNT(*) AS n FROM outbound_messages WHERE status IN ('queued', 'sending')") === 0, 8000);
    expect(count(second, "SELECT COUNT(*) AS n FROM outbound_messages WHERE kind = 'message' AND status = 'accepted'")).toBe(2);
  });

  it('handles after a restart the messages that were stored but not yet answered', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const first = await startService(t.dir);
    // Stored by the journal, but the process stopped before the flow ran.
    first.db.exec("INSERT INTO contacts (wa_key, wa_id, last_inbound_ts, created_at) VALUES ('6281234561003', '6281234561003', strftime('%s','now'), 0)");
    first.db.exec("INSERT INTO webhook_events (received_at, body) VALUES (0, '{}')");
    first.db.exec(`INSERT INTO inbound_messages (wamid, contact_id, event_id, type, text, payload, wa_timestamp, received_at)
      VALUES ('wamid.stored1', 1, 1, 'text', 'halo', '{"type":"text","text":{"body":"halo"}}', strftime('%s','now'), 0)`);
    await first.close();
    const second = await startService(t.dir);
    cleanups.push(() => second.close());
    await second.dispatcher.whenIdle();
    expect(count(second, "SELECT COUNT(*) AS n FROM inbound_messages WHERE state = 'handled'")).toBe(1);
    expect(count(second, "SELECT COUNT(*) AS n FROM outbound_messages WHERE kind = 'message'")).toBe(1);
  });
});
