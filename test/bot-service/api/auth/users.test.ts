import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../../bot-service/contract/auth.ts';
import type { Service } from '../../../../bot-service/server.ts';
import { count, startService, tempDir } from '../../helpers.ts';
import { auditRows, bearer, roles, signIn, signInAll, type TestUser } from './support.ts';

let service: Service;
let cleanup: () => void;
let users: Record<Role, TestUser>;

beforeEach(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  service = await startService(t.dir);
  users = await signInAll(service);
});

afterEach(async () => {
  await service.close();
  cleanup();
});

type Call = { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: object };
const call = (c: Call, token?: string) =>
  service.app.inject({ method: c.method, url: c.url, payload: c.payload, headers: token === undefined ? {} : bearer(token) });
const me = (token: string) => service.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
const login = (username: string, password: string) => service.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('api/auth role matrix', () => {
  it('every route: none → 401, wrong role → 403, allowed role → 2xx', async () => {
    const target = await signIn(service, 'volunteer');
    const matrix: Array<{ call: Call; allowed: Role[]; ok: number }> = [
      { call: { method: 'GET', url: '/api/auth/me' }, allowed: roles, ok: 200 },
      { call: { method: 'GET', url: '/api/users' }, allowed: ['admin'], ok: 200 },
      { call: { method: 'POST', url: '/api/users', payload: { username: 'new-$', password: 'long enough', role: 'official' } }, allowed: ['admin'], ok: 201 },
      { call: { method: 'PATCH', url: `/api/users/${target.id}`, payload: { displayName: 'Relawan' } }, allowed: ['admin'], ok: 200 },
      { call: { method: 'POST', url: `/api/users/${target.id}/revoke-sessions` }, allowed: ['admin'], ok: 200 },
      { call: { method: 'GET', url: '/api/audit' }, allowed: ['admin'], ok: 200 },
    ];
    let made = 0;
    for (const { call: c, allowed, ok } of matrix) {
      expect((await call(c)).statusCode, `${c.method} ${c.url} without a session`).toBe(401);
      for (const role of roles) {
        const payload = c.payload && 'username' in c.payload ? { ...c.payload, username: `new-${++made}` } : c.payload;
        const res = await call({ ...c, payload }, users[role].token);
        expect(res.statusCode, `${c.method} ${c.url} as ${role}: ${res.body}`).toBe(allowed.includes(role) ? ok : 403);
        if (res.statusCode >= 400) expect(res.json().error).toBeTypeOf('string');
      }
    }
    // Logout last: it ends each session.
    expect((await call({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(401);
    for (const role of roles) {
      expect((await call({ method: 'POST', url: '/api/auth/logout' }, users[role].token)).statusCode).toBe(200);
    }
  });
});

describe('api/auth users', () => {
  const admin = () => users.admin.token;

  it('creates a user who can then log in; audited; usernames unique regardless of case', async () => {
    const res = await call({ method: 'POST', url: '/api/users', payload: { username: 'Sari', password: 'relawan-2020', role: 'volunteer', displayName: 'Sari W.' } }, admin());
    expect(res.statusCode).toBe(201);
    const created = res.json().user;
    expect(created).toMatchObject({ username: 'Sari', role: 'volunteer', displayName: 'Sari W.', disabled: false, lastLoginAt: null });
    expect(res.body).not.toContain('scrypt');
    expect((await login('sari', 'relawan-2020')).statusCode).toBe(200);
    const dup = await call({ method: 'POST', url: '/api/users', payload: { username: 'SARI', password: 'something-else', role: 'official' } }, admin());
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatch(/^username: /);
    expect(auditRows(service, 'user.create')).toEqual([{ actor_id: users.admin.id, target: `user:${created.id}`, details: { username: 'Sari', role: 'volunteer' } }]);
    const list = (await call({ method: 'GET', url: '/api/users' }, admin())).json().users as Array<{ username: string; lastLoginAt: number | null }>;
    expect(list.find(u => u.username === 'Sari')!.lastLoginAt).toBeGreaterThan(0);
  });

  it('refuses bad input with 400 and a reason, changing nothing', async () => {
    const before = count(service, 'SELECT COUNT(*) AS n FROM users');
    const bad: Array<[Call, RegExp]> = [
      [{ method: 'POST', url: '/api/users', payload: { username: 'ab', password: 'long enough', role: 'volunteer' } }, /^username: /],
      [{ method: 'POST', url: '/api/users', payload: { username: 'good', password: 'short', role: 'volunteer' } }, /^password: /],
      [{ method: 'POST', url: '/api/users', payload: { username: 'good', password: 'long enough', role: 'root' } }, /^role: /],
      [{ method: 'POST', url: '/api/users', payload: { username: 'with space', password: 'long enough', role: 'volunteer' } }, /^username: /],
      [{ method: 'POST', url: '/api/users', payload: { username: 'good', password: 'long enough', role: 'volunteer', admin: true } }, /^body: /],
      [{ method: 'PATCH', url: `/api/users/${users.volunteer.id}`, payload: {} }, /nothing to change/],
      [{ method: 'PATCH', url: `/api/users/${users.volunteer.id}`, payload: { role: 'boss' } }, /^role: /],
      [{ method: 'PATCH', url: `/api/users/${users.volunteer.id}`, payload: { disabled: 'yes' } }, /^disabled: /],
      [{ method: 'PATCH', url: '/api/users/abc', payload: { disabled: true } }, /^id: /],
      [{ method: 'POST', url: '/api/users/0/revoke-sessions' }, /^id: /],
    ];
    for (const [c, reason] of bad) {
      const res = await call(c, admin());
      expect(res.statusCode, `${c.method} ${c.url} ${JSON.stringify(c.payload)}`).toBe(400);
      expect(res.json().error).toMatch(reason);
    }
    expect(count(service, 'SELECT COUNT(*) AS n FROM users')).toBe(before);
    expect((await me(users.volunteer.token)).json().user.role).toBe('volunteer');
    expect(count(service, "SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'user.%'")).toBe(0);
    expect((await call({ method: 'PATCH', url: '/api/users/9999', payload: { disabled: true } }, admin())).statusCode).toBe(404);
    expect((await call({ method: 'POST', url: '/api/users/9999/revoke-sessions' }, admin())).statusCode).toBe(404);
  });

  it('a role change ends the user\'s sessions at once; audited with from/to', async () => {
    const v = users.volunteer;
    const res = await call({ method: 'PATCH', url: `/api/users/${v.id}`, payload: { role: 'supervisor' } }, admin());
    expect(res.statusCode).toBe(200);
    expect(res.json().user.role).toBe('supervisor');
    expect((await me(v.token)).statusCode).toBe(401);
    const again = await login(v.username, v.password);
    expect(again.json().user.role).toBe('supervisor');
    const [entry] = auditRows(service, 'user.update');
    expect(entry).toEqual({ actor_id: users.admin.id, target: `user:${v.id}`, details: { role: { from: 'volunteer', to: 'supervisor' }, revokedSessions: 1 } });
  });

  it('disabling ends the sessions and refuses login; a display name change keeps them', async () => {
    const o = users.official;
    expect((await call({ method: 'PATCH', url: `/api/users/${o.id}`, payload: { displayName: 'Dinkes' } }, admin())).statusCode).toBe(200);
    expect((await me(o.token)).statusCode).toBe(200);
    expect((await call({ method: 'PATCH', url: `/api/users/${o.id}`, payload: { disabled: true } }, admin())).json().user.disabled).toBe(true);
    expect((await me(o.token)).statusCode).toBe(401);
    expect((await login(o.username, o.password)).statusCode).toBe(401);
    await call({ method: 'PATCH', url: `/api/users/${o.id}`, payload: { disabled: false } }, admin());
    expect((await login(o.username, o.password)).statusCode).toBe(200);
  });

  it('a password reset ends the sessions; only the new password works', async () => {
    const s = users.supervisor;
    expect((await call({ method: 'PATCH', url: `/api/users/${s.id}`, payload: { password: 'brand-new-pass' } }, admin())).statusCode).toBe(200);
    expect((await me(s.token)).statusCode).toBe(401);
    expect((await login(s.username, s.password)).statusCode).toBe(401);
    expect((await login(s.username, 'brand-new-pass')).statusCode).toBe(200);
    expect(auditRows(service, 'user.update')[0]!.details).toMatchObject({ passwordReset: true });
  });

  it('keeps at least one active admin', async () => {
    const a = users.admin;
    const res = await call({ method: 'PATCH', url: `/api/users/${a.id}`, payload: { role: 'supervisor' } }, a.token);
    expect(res.statusCode).toBe(409);
    expect((await call({ method: 'PATCH', url: `/api/users/${a.id}`, payload: { disabled: true } }, a.token)).statusCode).toBe(409);
    expect((await me(a.token)).json().user.role).toBe('admin');
    const second = await signIn(service, 'admin');
    expect((await call({ method: 'PATCH', url: `/api/users/${a.id}`, payload: { disabled: true } }, second.token)).statusCode).toBe(200);
  });

  it('revoke-sessions ends every session of the user', async () => {
    const v = users.volunteer;
    const other = (await login(v.username, v.password)).json().token as string;
    const res = await call({ method: 'POST', url: `/api/users/${v.id}/revoke-sessions` }, admin());
    expect(res.json()).toEqual({ revoked: 2 });
    expect((await me(v.token)).statusCode).toBe(401);
    expect((await me(other)).statusCode).toBe(401);
    expect(auditRows(service, 'user.revoke-sessions')).toHaveLength(1);
  });
});
