import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../../bot-service/contract/auth.ts';
import { call, insertCanned, login, startApi, waitingConversation, type Harness, type TestUser } from './fixtures.ts';

/**
 * Every inbox route with every role and with none. Staff (volunteer, supervisor, admin) act on
 * a conversation of their own each time, so the answer reflects the role alone.
 */

let h: Harness;
const users = {} as Record<Role, TestUser>;
let helper: TestUser;

beforeAll(async () => {
  h = await startApi();
  for (const role of ['admin', 'supervisor', 'volunteer', 'official'] as const) users[role] = await login(h.service, role);
  helper = await login(h.service, 'volunteer');
  // Room for every conversation these tests hand out.
  for (const u of [helper, users.volunteer, users.supervisor, users.admin]) {
    await call(h.service, u, 'POST', '/api/inbox/presence', { status: 'online', capacity: 50 });
  }
});
afterAll(async () => {
  await h.close();
});

type Who = Role | 'none';
const everyone: Who[] = ['none', 'official', 'volunteer', 'supervisor', 'admin'];
const expected = (who: Who, ok: number): number => (who === 'none' ? 401 : who === 'official' ? 403 : ok);
const userOf = (who: Who): TestUser | null => (who === 'none' ? null : users[who]);

/** A conversation held by `who` (by the helper volunteer for none and official). */
async function heldBy(who: Who): Promise<number> {
  const id = await waitingConversation(h.service);
  const holder = who === 'none' || who === 'official' ? helper : users[who];
  const claimed = await call(h.service, holder, 'POST', `/api/inbox/${id}/claim`);
  if (claimed.status !== 200) throw new Error(`claim failed: ${claimed.status}`);
  return id;
}

describe('api/inbox role matrix', () => {
  it.each(everyone)('GET /api/inbox as %s', async who => {
    expect((await call(h.service, userOf(who), 'GET', '/api/inbox')).status).toBe(expected(who, 200));
  });

  it.each(everyone)('POST /api/inbox/presence as %s', async who => {
    expect((await call(h.service, userOf(who), 'POST', '/api/inbox/presence', { status: 'online', capacity: 50 })).status).toBe(expected(who, 200));
  });

  it.each(everyone)('POST /api/inbox/:id/claim as %s', async who => {
    const id = await waitingConversation(h.service);
    expect((await call(h.service, userOf(who), 'POST', `/api/inbox/${id}/claim`)).status).toBe(expected(who, 200));
  });

  it.each(everyone)('POST /api/inbox/:id/release as %s', async who => {
    const id = await heldBy(who);
    expect((await call(h.service, userOf(who), 'POST', `/api/inbox/${id}/release`)).status).toBe(expected(who, 200));
  });

  it.each(everyone)('POST /api/inbox/:id/transfer as %s', async who => {
    const id = await heldBy(who);
    const to = who === 'none' || who === 'official' ? users.volunteer : helper;
    expect((await call(h.service, userOf(who), 'POST', `/api/inbox/${id}/transfer`, { toUserId: to.id })).status).toBe(expected(who, 200));
  });

  it.each(everyone)('POST /api/inbox/:id/reply as %s', async who => {
    const id = await heldBy(who);
    const cannedId = insertCanned(h.service, 'Halo {nama}');
    expect((await call(h.service, userOf(who), 'POST', `/api/inbox/${id}/reply`, { kind: 'canned', cannedId })).status).toBe(expected(who, 200));
  });

  it.each(everyone)('POST /api/inbox/:id/notes as %s', async who => {
    const id = await heldBy(who);
    expect((await call(h.service, userOf(who), 'POST', `/api/inbox/${id}/notes`, { text: 'catatan' })).status).toBe(expected(who, 200));
  });

  it.each(everyone)('POST /api/inbox/:id/resolve as %s', async who => {
    const id = await heldBy(who);
    expect((await call(h.service, userOf(who), 'POST', `/api/inbox/${id}/resolve`, {})).status).toBe(expected(who, 200));
  });

  it('changes nothing when refused for the role', async () => {
    const id = await heldBy('official');
    const before = h.service.db.prepare('SELECT state, assigned_to FROM conversations WHERE id = ?').get(id);
    for (const path of ['release', 'resolve']) {
      await call(h.service, users.official, 'POST', `/api/inbox/${id}/${path}`, {});
      await call(h.service, null, 'POST', `/api/inbox/${id}/${path}`, {});
    }
    expect(h.service.db.prepare('SELECT state, assigned_to FROM conversations WHERE id = ?').get(id)).toEqual(before);
    expect(h.service.db.prepare('SELECT COUNT(*) FROM conversation_notes WHERE conversation_id = ?').pluck().get(id)).toBe(0);
  });
});
