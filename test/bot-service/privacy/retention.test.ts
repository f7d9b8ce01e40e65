import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyRetention } from '../../../bot-service/privacy/retention.ts';
import type { Service } from '../../../bot-service/server.ts';
import { tempDir } from '../helpers.ts';
import { addNote, counts, startWithCitizens, whereFound, type Citizen } from './citizens.ts';

let service: Service;
let close: () => Promise<void>;
let cleanup: () => void;
let a: Citizen;
let b: Citizen;

const day = 24 * 60 * 60 * 1000;

beforeEach(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  ({ service, close, a, b } = await startWithCitizens(t.dir));
});

afterEach(async () => {
  await close();
  cleanup();
});

/** Moves everything about citizen A back in time by `days`, as if it had happened then. */
function age(c: Citizen, days: number): void {
  const db = service.db;
  const shift = days * day;
  db.transaction(() => {
    db.prepare('UPDATE inbound_messages SET received_at = received_at - ? WHERE contact_id = ?').run(shift, c.contactId);
    db.prepare('UPDATE outbound_messages SET created_at = created_at - ? WHERE contact_id = ?').run(shift, c.contactId);
    db.prepare('UPDATE events SET at = at - ? WHERE contact_id = ?').run(shift, c.contactId);
    db.prepare('UPDATE contacts SET last_inbound_ts = last_inbound_ts - ? WHERE id = ?').run(shift / 1000, c.contactId);
    db.prepare('UPDATE webhook_events SET received_at = received_at - ? WHERE instr(body, ?) > 0').run(shift, c.waId);
    db.prepare("UPDATE conversation_notes SET created_at = created_at - ? WHERE conversation_id = ?").run(shift, c.conversationId);
  })();
}

describe('privacy/applyRetention', () => {
  it('removes texts older than the limit everywhere, keeps newer ones and every count', async () => {
    const db = service.db;
    // The two citizens shared one delivery: give Budi his own so only Siti's bodies age.
    db.prepare('UPDATE webhook_events SET body = ? WHERE id = (SELECT MIN(id) FROM webhook_events)').run(
      JSON.stringify({ entry: [{ changes: [{ value: { contacts: [{ profile: { name: a.name }, wa_id: a.waId }], messages: [{ from: a.waId, text: { body: `${a.secret} 1` } }] } }] }] })
    );
    service.events.append({ type: 'flow.signal', contactId: a.contactId, conversationId: a.conversationId, data: { kind: 'hoax-claim', text: `${a.secret} hoaks` } });
    const noted = addNote(db, a.conversationId, `catatan ${a.secret}`);
    age(a, 91);
    const before = counts(db);

    const result = await applyRetention(db, { days: 90, batchSize: 1 });
    expect(result).toMatchObject({ inboundMessages: 2, events: 1, contactNames: 1, notes: noted ? 1 : 0 });
    expect(result.outboundMessages).toBeGreaterThanOrEqual(2);
    expect(result.webhookEvents).toBeGreaterThanOrEqual(2);

    expect(whereFound(db, a.secret)).toEqual([]);
    expect(whereFound(db, a.name)).toEqual([]);
    expect(whereFound(db, b.secret)).toEqual(expect.arrayContaining(['inbound_messages.text', 'inbound_messages.payload', 'outbound_messages.body', 'webhook_events.body']));
    expect(whereFound(db, b.name)).toContain('contacts.profile_name');
    expect(counts(db)).toEqual(before);

    // Idempotent: a second run finds nothing to do.
    expect(Object.values(await applyRetention(db, { days: 90 })).every(n => n === 0)).toBe(true);
  });

  it('keeps what is younger than the limit, and replies not yet sent', async () => {
    const db = service.db;
    age(a, 30);
    db.prepare("UPDATE outbound_messages SET status = 'queued', next_attempt_at = ? WHERE id = (SELECT MAX(id) FROM outbound_messages WHERE contact_id = ? AND kind = 'message')").run(Date.now() + 3600_000, a.contactId);
    const result = await applyRetention(db, { days: 90 });
    expect(Object.values(result).every(n => n === 0)).toBe(true);
    age(a, 61);
    await applyRetention(db, { days: 90 });
    expect(whereFound(db, a.secret).sort()).toEqual(['outbound_messages.body', 'outbound_messages.text']);
  });

  it('refuses a nonsensical limit', async () => {
    await expect(applyRetention(service.db, { days: 0 })).rejects.toThrow(/at least 1/);
    await expect(applyRetention(service.db, { days: 1.5 })).rejects.toThrow(/whole number/);
  });
});
