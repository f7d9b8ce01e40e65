import { afterEach, describe, expect, it } from 'vitest';
import type { FlowEngine } from '../../../bot-service/flows/types.ts';
import type { Service } from '../../../bot-service/server.ts';
import { contactOf, envelope, wamid } from '../fixtures/webhooks.ts';
import { signedPost, startService, tempDir } from '../helpers.ts';

let service: Service | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await service?.close();
  cleanup?.();
});

describe('pipeline/order', () => {
  it('handles one citizen\'s messages one at a time in timestamp order, whatever order they arrive in', async () => {
    const seen: Array<{ contact: number; text: string | null }> = [];
    const engine: FlowEngine = {
      handle(ctx) {
        seen.push({ contact: ctx.contact.id, text: ctx.message.text });
        return { replies: [], flowState: { last: ctx.message.text } };
      },
    };
    const t = tempDir();
    cleanup = t.cleanup;
    service = await startService(t.dir, { engine });
    const base = Math.floor(Date.now() / 1000) - 60;
    const msg = (waId: string, offset: number) => ({ from: waId, id: wamid(), timestamp: String(base + offset), type: 'text', text: { body: `${waId.slice(-1)}${offset}` } });
    // Arrival order scrambled across three POSTs; all in one event-loop turn (one group commit).
    const posts = [
      envelope([{ contacts: [contactOf('6281000000001')], messages: [msg('6281000000001', 3), msg('6281000000001', 1)] }]),
      envelope([{ contacts: [contactOf('6281000000002')], messages: [msg('6281000000002', 2), msg('6281000000002', 1)] }]),
      envelope([{ contacts: [contactOf('6281000000001')], messages: [msg('6281000000001', 2)] }]),
    ];
    await Promise.all(posts.map(p => service!.app.inject({ method: 'POST', url: '/webhooks/whatsapp', ...signedPost(p) })));
    await service.whenIdle();
    const texts = (c: string) => seen.filter(s => s.text?.startsWith(c)).map(s => s.text);
    expect(texts('1')).toEqual(['11', '12', '13']);
    expect(texts('2')).toEqual(['21', '22']);
    const state = service.db.prepare("SELECT flow_state FROM contacts WHERE wa_key = '6281000000001'").get() as { flow_state: string };
    expect(JSON.parse(state.flow_state)).toEqual({ last: '13' });
  });

  it('starts a new conversation after the quiet period, and keeps one inside it', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    service = await startService(t.dir);
    const now = Math.floor(Date.now() / 1000);
    const send = (offsetSec: number) =>
      service!.app.inject({
        method: 'POST', url: '/webhooks/whatsapp',
        ...signedPost(envelope([{ contacts: [contactOf('6281000000003')], messages: [{ from: '6281000000003', id: wamid(), timestamp: String(now + offsetSec), type: 'text', text: { body: 'x' } }] }])),
      });
    await send(-3 * 3600);
    await service.whenIdle();
    await send(-3 * 3600 + 600);
    await service.whenIdle();
    await send(0);
    await service.whenIdle();
    const rows = service.db.prepare('SELECT conversation_id FROM inbound_messages ORDER BY wa_timestamp').all() as Array<{ conversation_id: number }>;
    expect(rows[0]!.conversation_id).toBe(rows[1]!.conversation_id);
    expect(rows[2]!.conversation_id).not.toBe(rows[1]!.conversation_id);
    const first = service.db.prepare('SELECT ended_at, state FROM conversations WHERE id = ?').get(rows[0]!.conversation_id) as { ended_at: number | null; state: string };
    expect(first.ended_at).not.toBeNull();
  });

  it('appends every change to the event log with increasing sequence numbers', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    service = await startService(t.dir);
    await service.app.inject({ method: 'POST', url: '/webhooks/whatsapp', ...signedPost(envelope([{ contacts: [contactOf('6281000000004')], messages: [{ from: '6281000000004', id: wamid(), timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: 'x' } }] }])) });
    await service.whenIdle();
    const events = service.events.readAfter(0);
    expect(events.map(e => e.type)).toEqual(expect.arrayContaining(['message.received', 'conversation.started', 'message.queued']));
    const seqs = events.map(e => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(service.events.readAfter(seqs[1]!).map(e => e.seq)).toEqual(seqs.slice(2));
  });
});
