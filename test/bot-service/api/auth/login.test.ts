import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../../../bot-service/api/auth/sessions.ts';
import { createUser } from '../../../../bot-service/db/queries/users.ts';
import type { Service } from '../../../../bot-service/server.ts';
import { count, startService, tempDir } from '../../helpers.ts';
import { auditRows, bearer, roles, signIn } from './support.ts';

let service: Service;
let cleanup: () => void;

beforeEach(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  service = await startService(t.dir);
});

afterEach(async () => {
  await service.close();
  cleanup();
});

const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
  service.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
const me = (token?: string) => service.app.inject({ method: 'GET', url: '/api/auth/me', headers: token === undefined ? {} : bearer(token) });

describe('api/auth login', () => {
  it('gives a token and the user for the right password, for every role', async () => {
    for (const role of roles) {
      createUser(service.db, { username: `Login-${role}`, password: 'correct horse', role, displayName: `The ${role}`, hashCost: 10 });
      const res = await login(`login-${role}`, 'correct horse'); // usernames ignore case
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.user).toMatchObject({ username: `Login-${role}`, role, displayName: `The ${role}` });
      expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(body.expiresAt).toBeGreaterThan(Date.now() + 11 * 3600_000);
      const who = await me(body.token);
      expect(who.statusCode).toBe(200);
      expect(who.json().user.role).toBe(role);
    }
    expect(auditRows(service, 'auth.login')).toHaveLength(roles.length);
  });

  it('stores only a hash of the token', async () => {
    const user = await signIn(service, 'supervisor');
    const stored = service.db.prepare('SELECT token_hash FROM sessions').all() as Array<{ token_hash: string }>;
    expect(stored).toEqual([{ token_hash: hashToken(user.token) }]);
    const everything = JSON.stringify(service.db.prepare('SELECT * FROM sessions').all());
    expect(everything).not.toContain(user.token);
  });

  it('answers an unknown user exactly like a wrong password, in similar time', async () => {
    // Default cost here: the dummy hash an unknown user is checked against has it too.
    createUser(service.db, { username: 'siti', password: 'the right one', role: 'volunteer' });
    const timed = async (username: string) => {
      const started = performance.now();
      const res = await login(username, 'a wrong one');
      return { res, ms: performance.now() - started };
    };
    await timed('warmup-unknown');
    const wrong = await timed('siti');
    const unknown = await timed('nobody-here');
    expect(unknown.res.statusCode).toBe(401);
    expect(wrong.res.statusCode).toBe(401);
    expect(unknown.res.body).toBe(wrong.res.body);
    expect(unknown.res.headers['content-type']).toBe(wrong.res.headers['content-type']);
    expect(unknown.ms).toBeGreaterThan(wrong.ms * 0.4);
    expect(wrong.ms).toBeGreaterThan(unknown.ms * 0.4);
    const failures = auditRows(service, 'auth.login-failed');
    expect(failures.map(f => f.details.reason)).toEqual(['unknown-user', 'wrong-password', 'unknown-user']);
    expect(count(service, 'SELECT COUNT(*) AS n FROM sessions')).toBe(0);
  });

  it('refuses a disabled user like a wrong password', async () => {
    const { id } = createUser(service.db, { username: 'gone', password: 'still knows it', role: 'volunteer', hashCost: 10 });
    service.db.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(id);
    const res = await login('gone', 'still knows it');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: 'invalid username or password' });
  });

  it('answers bad input with 400 and a reason, and counts nothing', async () => {
    for (const payload of [{}, { username: 'a' }, { username: '', password: 'x' }, { username: 'a', password: 'b', extra: 1 }, 'not json', { username: 5, password: 'x' }]) {
      const res = await service.app.inject({ method: 'POST', url: '/api/auth/login', payload: payload as object, headers: { 'content-type': 'application/json' } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatch(payload === 'not json' ? /JSON/ : /^\w+: /);
    }
    expect(count(service, 'SELECT COUNT(*) AS n FROM login_throttle')).toBe(0);
    expect(count(service, 'SELECT COUNT(*) AS n FROM audit_log')).toBe(0);
  });
});

describe('api/auth sessions', () => {
  it('needs a valid bearer token: none, malformed or unknown is 401', async () => {
    expect((await me()).statusCode).toBe(401);
    expect((await service.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Basic abc' } })).statusCode).toBe(401);
    expect((await me('x'.repeat(43))).statusCode).toBe(401);
    const body = (await me()).json();
    expect(body.error).toBeTypeOf('string');
  });

  it('logout ends the session and is audited; other sessions stay', async () => {
    const user = await signIn(service, 'volunteer');
    const second = (await login(user.username, user.password)).json().token as string;
    const out = await service.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(user.token) });
    expect(out.statusCode).toBe(200);
    expect((await me(user.token)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);
    expect(auditRows(service, 'auth.logout')).toEqual([{ actor_id: user.id, target: `user:${user.id}`, details: {} }]);
    expect((await service.app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(401);
  });

  it('expires after 12 hours without use, and slides forward on use', async () => {
    const user = await signIn(service, 'official');
    const hash = hashToken(user.token);
    const row = () => service.db.prepare('SELECT last_used_at, expires_at FROM sessions WHERE token_hash = ?').get(hash) as { last_used_at: number; expires_at: number } | undefined;
    const twoHoursAgo = Date.now() - 2 * 3600_000;
    service.db.prepare('UPDATE sessions SET last_used_at = ?, expires_at = ? WHERE token_hash = ?').run(twoHoursAgo, twoHoursAgo + 12 * 3600_000, hash);
    const res = await me(user.token);
    expect(res.statusCode).toBe(200);
    expect(row()!.expires_at).toBeGreaterThan(Date.now() + 11.9 * 3600_000);
    expect(res.json().expiresAt).toBe(row()!.expires_at);

    service.db.prepare('UPDATE sessions SET expires_at = ? WHERE token_hash = ?').run(Date.now() - 1, hash);
    expect((await me(user.token)).statusCode).toBe(401);
    expect(row()).toBeUndefined(); // deleted on sight
  });
});
