import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processErasureRequests, requestErasure } from '../../../bot-service/privacy/erasure-requests.ts';
import type { Service } from '../../../bot-service/server.ts';
import { tempDir } from '../helpers.ts';
import { startWithCitizens, whereFound, type Citizen } from './citizens.ts';

let service: Service;
let close: () => Promise<void>;
let cleanup: () => void;
let a: Citizen;

beforeEach(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  ({ service, close, a } = await startWithCitizens(t.dir));
});

afterEach(async () => {
  await close();
  cleanup();
});

describe('privacy/erasure requests', () => {
  it('waits until the confirmation has left, then erases', () => {
    const db = service.db;
    const confirmation = db.transaction(() => {
      const queued = service.outbox.enqueue({ contactId: a.contactId, conversationId: a.conversationId, kind: 'template', body: { type: 'template', template: { name: 'hapus_ok' } }, summary: 'data dihapus', author: 'bot' });
      requestErasure(db, a.contactId);
      requestErasure(db, a.contactId); // asking twice is one request
      return queued.ok ? queued.id : 0;
    })();
    db.prepare('UPDATE outbound_messages SET next_attempt_at = ? WHERE id = ?').run(Date.now() + 3600_000, confirmation);
    expect(processErasureRequests(db)).toEqual([]);
    expect(whereFound(db, a.waId).length).toBeGreaterThan(0);

    db.prepare("UPDATE outbound_messages SET status = 'accepted', wamid = 'wamid.confirm' WHERE id = ?").run(confirmation);
    expect(processErasureRequests(db)).toEqual([a.contactId]);
    expect(whereFound(db, a.waId)).toEqual([]);
    expect(whereFound(db, a.secret)).toEqual([]);
    expect(processErasureRequests(db)).toEqual([]);
    const logged = db.prepare("SELECT details FROM audit_log WHERE action = 'contact.erase'").get() as { details: string };
    expect(JSON.parse(logged.details)).toMatchObject({ via: 'citizen', reason: 'citizen request' });
  });

  it('erases anyway after the longest wait, cancelling what could not be sent', () => {
    const db = service.db;
    service.outbox.enqueue({ contactId: a.contactId, conversationId: a.conversationId, kind: 'template', body: { type: 'template', template: { name: 'x' } }, summary: null, author: 'bot' });
    db.prepare("UPDATE outbound_messages SET next_attempt_at = ? WHERE status = 'queued'").run(Date.now() + 3600_000);
    requestErasure(db, a.contactId, { now: Date.now() - 11 * 60_000 });
    expect(processErasureRequests(db)).toEqual([a.contactId]);
    expect(whereFound(db, a.waId)).toEqual([]);
  });
});
