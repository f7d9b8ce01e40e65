import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../../bot-service/contract/auth.ts';
import { call, login, startApi, waitingConversation, type Harness, type TestUser } from '../inbox/fixtures.ts';

/** Every conversations route with every role and with none; officials never see a conversation. */

let h: Harness;
let waiting: number;
const users = {} as Record<Role, TestUser>;

beforeAll(async () => {
  h = await startApi();
  for (const role of ['admin', 'supervisor', 'volunteer', 'official'] as const) users[role] = await login(h.service, role);
  waiting = await waitingConversation(h.service);
});
afterAll(async () => {
  await h.close();
});

type Who = Role | 'none';
const cases = (ok: Partial<Record<Who, number>>): Array<[Who, number]> =>
  (['none', 'official', 'volunteer', 'supervisor', 'admin'] as Who[]).map(who => [who, who === 'none' ? 401 : (ok[who] ?? 403)]);
const userOf = (who: Who): TestUser | null => (who === 'none' ? null : users[who]);

describe('api/conversations role matrix', () => {
  it.each(cases({ supervisor: 200, admin: 200 }))('GET /api/conversations as %s -> %i', async (who, status) => {
    const res = await call(h.service, userOf(who), 'GET', '/api/conversations');
    expect(res.status).toBe(status);
    expect(typeof res.body.error === 'string' || Array.isArray(res.body.items)).toBe(true);
  });

  it.each(cases({ volunteer: 200, supervisor: 200, admin: 200 }))('GET /api/conversations/:id as %s -> %i', async (who, status) => {
    const res = await call(h.service, userOf(who), 'GET', `/api/conversations/${waiting}`);
    expect(res.status).toBe(status);
    if (status !== 200) expect(JSON.stringify(res.body)).not.toContain('relawan');
  });

  it.each(cases({ volunteer: 200, supervisor: 200, admin: 200 }))('POST /api/conversations/:id/viewing as %s -> %i', async (who, status) => {
    expect((await call(h.service, userOf(who), 'POST', `/api/conversations/${waiting}/viewing`, {})).status).toBe(status);
  });
});
