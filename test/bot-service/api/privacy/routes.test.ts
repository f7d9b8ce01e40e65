import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../../bot-service/contract/auth.ts';
import type { Service } from '../../../../bot-service/server.ts';
import { tempDir } from '../../helpers.ts';
import { startWithCitizens, whereFound, count, type Citizen } from '../../privacy/citizens.ts';
import { auditRows, bearer, roles, signInAll, type TestUser } from '../auth/support.ts';

let service: Service;
let close: () => Promise<void>;
let cleanup: () => void;
let a: Citizen;
let b: Citizen;
let users: Record<Role, TestUser>;

beforeEach(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  ({ service, close, a, b } = await startWithCitizens(t.dir));
  users = await signInAll(service);
});

afterEach(async () => {
  await close();
  cleanup();
});

const post = (url: string, payload: unknown, token?: string) =>
  service.app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : bearer(token)) },
  });

const hasAssignment = () => service.db.prepare("SELECT 1 FROM pragma_table_info('conversations') WHERE name = 'assigned_to'").get() !== undefined;

describe('api/privacy reveal', () => {
  it('role matrix: none 401, official 403, volunteer 403 unless assigned, supervisor and admin see the number; audited', async () => {
    const url = `/api/contacts/${a.contactId}/reveal`;
    const reason = 'menelepon balik warga';
    expect((await post(url, { reason })).statusCode).toBe(401);
    const expected: Record<Role, number> = { admin: 200, supervisor: 200, volunteer: 403, official: 403 };
    for (const role of roles) {
      const res = await post(url, { reason }, users[role].token);
      expect(res.statusCode, role).toBe(expected[role]);
      if (res.statusCode === 200) {
        expect(res.json()).toEqual({ phone: a.waId });
        expect(res.headers['cache-control']).toBe('no-store');
      }
    }
    const entries = auditRows(service, 'contact.reveal');
    expect(entries.map(e => e.actor_id)).toEqual([users.admin.id, users.supervisor.id]);
    expect(entries[0]).toMatchObject({ target: `contact:${a.contactId}`, details: { reason, role: 'admin' } });
    expect(JSON.stringify(entries)).not.toContain(a.waId);
  });

  it('a volunteer sees the number only while the conversation is assigned to them', async () => {
    const url = `/api/contacts/${a.contactId}/reveal`;
    const v = users.volunteer;
    if (!hasAssignment()) {
      // Until the inbox migration adds conversations.assigned_to, volunteers are never allowed.
      expect((await post(url, { reason: 'perlu telepon' }, v.token)).statusCode).toBe(403);
      return;
    }
    const assign = (userId: number | null, state: string) =>
      service.db.prepare('UPDATE conversations SET state = ?, assigned_to = ? WHERE id = ?').run(state, userId, a.conversationId);
    assign(v.id, 'assigned');
    expect((await post(url, { reason: 'perlu telepon' }, v.token)).json()).toEqual({ phone: a.waId });
    // Not for another citizen, and not once released.
    expect((await post(`/api/contacts/${b.contactId}/reveal`, { reason: 'perlu telepon' }, v.token)).statusCode).toBe(403);
    assign(null, 'waiting');
    expect((await post(url, { reason: 'perlu telepon' }, v.token)).statusCode).toBe(403);
    expect(auditRows(service, 'contact.reveal')).toHaveLength(1);
  });

  it('bad input is 400 with a reason and reveals nothing; unknown contact 404', async () => {
    const s = users.supervisor.token;
    for (const [url, body, field] of [
      [`/api/contacts/${a.contactId}/reveal`, {}, 'reason'],
      [`/api/contacts/${a.contactId}/reveal`, { reason: '  ' }, 'reason'],
      [`/api/contacts/${a.contactId}/reveal`, { reason: 'x'.repeat(501) }, 'reason'],
      [`/api/contacts/${a.contactId}/reveal`, { reason: 'valid reason', phone: true }, 'body'],
      ['/api/contacts/abc/reveal', { reason: 'valid reason' }, 'id'],
    ] as const) {
      const res = await post(url, body, s);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.startsWith(`${field}: `), res.body).toBe(true);
      expect(res.body).not.toContain(a.waId);
    }
    expect((await post('/api/contacts/99999/reveal', { reason: 'valid reason' }, s)).statusCode).toBe(404);
    expect(auditRows(service, 'contact.reveal')).toEqual([]);
  });
});

describe('api/privacy erase', () => {
  it('role matrix: none 401, official and volunteer 403, supervisor and admin erase; audited with the reason', async () => {
    expect((await post(`/api/contacts/${a.contactId}/erase`, { reason: 'permintaan warga' })).statusCode).toBe(401);
    for (const role of ['official', 'volunteer'] as const) {
      expect((await post(`/api/contacts/${a.contactId}/erase`, { reason: 'permintaan warga' }, users[role].token)).statusCode, role).toBe(403);
    }
    expect(whereFound(service.db, a.secret).length).toBeGreaterThan(0);
    const res = await post(`/api/contacts/${a.contactId}/erase`, { reason: 'permintaan warga' }, users.supervisor.token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ contactId: a.contactId, erased: { inboundMessages: 2 } });
    expect(whereFound(service.db, a.secret)).toEqual([]);
    expect(whereFound(service.db, a.waId)).toEqual([]);
    expect((await post(`/api/contacts/${b.contactId}/erase`, { reason: 'permintaan warga' }, users.admin.token)).statusCode).toBe(200);
    const entries = auditRows(service, 'contact.erase');
    expect(entries.map(e => [e.actor_id, e.details.reason, e.details.via])).toEqual([
      [users.supervisor.id, 'permintaan warga', 'console'],
      [users.admin.id, 'permintaan warga', 'console'],
    ]);
    // Revealing an erased contact: gone.
    expect((await post(`/api/contacts/${a.contactId}/reveal`, { reason: 'cek nomor' }, users.admin.token)).statusCode).toBe(410);
  });

  it('bad input is 400 and changes nothing; unknown contact 404', async () => {
    const s = users.supervisor.token;
    const before = count(service.db, 'SELECT COUNT(*) AS n FROM audit_log');
    for (const body of [{}, { reason: 'ab' }, { reason: 'ok reason', all: true }, 'not json', '"a string"']) {
      const res = await post(`/api/contacts/${a.contactId}/erase`, body, s);
      expect(res.statusCode).toBe(400);
    }
    expect((await post('/api/contacts/0/erase', { reason: 'ok reason' }, s)).statusCode).toBe(400);
    expect((await post('/api/contacts/99999/erase', { reason: 'ok reason' }, s)).statusCode).toBe(404);
    expect(whereFound(service.db, a.secret).length).toBeGreaterThan(0);
    expect(count(service.db, 'SELECT COUNT(*) AS n FROM audit_log')).toBe(before);
  });
});
