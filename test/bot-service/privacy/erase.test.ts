import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maskPhone } from '../../../bot-service/api/phone.ts';
import { eraseContact } from '../../../bot-service/privacy/erase.ts';
import type { Service } from '../../../bot-service/server.ts';
import { tempDir } from '../helpers.ts';
import { addNote, counts, startWithCitizens, whereFound, type Citizen } from './citizens.ts';

let service: Service;
let close: () => Promise<void>;
let cleanup: () => void;
let a: Citizen;
let b: Citizen;

beforeEach(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  ({ service, close, a, b } = await startWithCitizens(t.dir));
});

afterEach(async () => {
  await close();
  cleanup();
});

describe('privacy/eraseContact', () => {
  it('leaves no trace of the citizen in any table and keeps every count', async () => {
    const db = service.db;
    // A text that slipped into event data (the hoax-claim signal carries one) and a volunteer's note.
    service.events.append({ type: 'flow.signal', contactId: a.contactId, conversationId: a.conversationId, data: { kind: 'hoax-claim', text: `${a.secret} hoaks` } });
    const noted = addNote(db, a.conversationId, `catatan: ${a.name} minta ditelepon`);
    const before = counts(db);
    // Before: the fixture really put the citizen everywhere we will look.
    expect(whereFound(db, a.waId).length).toBeGreaterThan(2);
    expect(whereFound(db, a.secret)).toEqual(expect.arrayContaining(['inbound_messages.text', 'inbound_messages.payload', 'outbound_messages.body', 'webhook_events.body', 'events.data']));

    const result = eraseContact(db, a.contactId, null, { reason: 'citizen request', via: 'citizen' });
    expect(result).toMatchObject({ inboundMessages: 2, outboundMessages: expect.any(Number), events: 1, notes: noted ? 1 : 0 });
    expect(result!.webhookEvents).toBeGreaterThanOrEqual(3); // two with messages + status webhooks

    for (const needle of [a.waId, a.name, a.secret, a.waId.slice(2), ...a.wamids]) {
      expect(whereFound(db, needle), needle).toEqual([]);
    }
    // Counts, conversation and region data stay (one more event: the erasure itself).
    expect(counts(db)).toEqual({ ...before, events: before.events! + 1 });
    const contact = db.prepare('SELECT wa_key, wa_id, user_id, profile_name, flow_state FROM contacts WHERE id = ?').get(a.contactId) as Record<string, string | null>;
    expect(contact).toMatchObject({ wa_id: null, user_id: null, profile_name: null, flow_state: null });
    expect(maskPhone(contact.wa_key!)).toBe('(dihapus)');

    // The other citizen is untouched, including their part of the delivery they shared.
    expect(whereFound(db, b.secret)).toEqual(expect.arrayContaining(['inbound_messages.text', 'webhook_events.body']));
    expect(whereFound(db, b.name)).toEqual(expect.arrayContaining(['contacts.profile_name', 'webhook_events.body']));
    const shared = db.prepare('SELECT body FROM webhook_events ORDER BY id LIMIT 1').get() as { body: string };
    expect(JSON.parse(shared.body).entry[0].changes.map((c: { value: { messages: unknown[] } }) => c.value.messages.length)).toEqual([0, 1]);

    const logged = db.prepare("SELECT actor_id, target, details FROM audit_log WHERE action = 'contact.erase'").all() as Array<{ actor_id: number | null; target: string; details: string }>;
    expect(logged).toHaveLength(1);
    expect(logged[0]!.target).toBe(`contact:${a.contactId}`);
    expect(JSON.parse(logged[0]!.details)).toMatchObject({ reason: 'citizen request', via: 'citizen' });
    expect(service.events.readAfter(0, 100_000).at(-1)).toMatchObject({ type: 'contact.updated', contactId: a.contactId, data: { erased: true } });
  });

  it('runs inside the caller\'s transaction: a rollback undoes it', () => {
    const db = service.db;
    expect(() =>
      db.transaction(() => {
        eraseContact(db, a.contactId, null);
        expect(whereFound(db, a.secret)).toEqual([]);
        throw new Error('flow failed');
      })()
    ).toThrow('flow failed');
    expect(whereFound(db, a.secret).length).toBeGreaterThan(0);
    expect(db.transaction(() => eraseContact(db, a.contactId, null))()).not.toBeNull();
    expect(whereFound(db, a.secret)).toEqual([]);
  });

  it('cancels replies still queued, is idempotent, and returns null for an unknown contact', () => {
    const db = service.db;
    service.outbox.enqueue({ contactId: a.contactId, conversationId: a.conversationId, kind: 'template', body: { type: 'template', template: { name: 'x' } }, summary: a.secret, author: 'system' });
    // Stop the sender from picking it up first: it is due in an hour.
    db.prepare("UPDATE outbound_messages SET next_attempt_at = ? WHERE status = 'queued'").run(Date.now() + 3600_000);
    const first = eraseContact(db, a.contactId, null)!;
    expect(first.cancelledOutbound).toBe(1);
    expect(db.prepare("SELECT status, error_reason FROM outbound_messages WHERE contact_id = ? ORDER BY id DESC LIMIT 1").get(a.contactId)).toEqual({ status: 'failed', error_reason: 'contact erased' });
    const second = eraseContact(db, a.contactId, null)!;
    expect(second).toMatchObject({ inboundMessages: 0, outboundMessages: 0, webhookEvents: 0, events: 0, cancelledOutbound: 0 });
    expect(eraseContact(db, 99_999, null)).toBeNull();
  });

  it('a citizen who writes again after erasure starts as a new contact', async () => {
    eraseContact(service.db, a.contactId, null);
    const { envelope, messageValue } = await import('../fixtures/webhooks.ts');
    const { signedPost } = await import('../helpers.ts');
    await service.app.inject({ method: 'POST', url: '/webhooks/whatsapp', ...signedPost(envelope([messageValue(a.waId, { type: 'text', text: { body: 'halo lagi' } })])) });
    await service.whenIdle();
    const rows = service.db.prepare('SELECT id FROM contacts WHERE wa_key = ?').all(a.waId) as Array<{ id: number }>;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(a.contactId);
  });
});
