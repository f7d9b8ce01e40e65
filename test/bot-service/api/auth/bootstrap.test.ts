import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureBootstrapAdmin } from '../../../../bot-service/api/auth/bootstrap.ts';
import { createUser } from '../../../../bot-service/db/queries/users.ts';
import type { Service } from '../../../../bot-service/server.ts';
import { count, startService, tempDir } from '../../helpers.ts';
import { auditRows } from './support.ts';

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

const login = (username: string, password: string) => service.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('api/auth bootstrap admin', () => {
  it('creates admin on an empty user table, once; the password logs in', async () => {
    expect(ensureBootstrapAdmin(service.db, 'first-admin-pw')).toEqual({ created: true });
    expect(ensureBootstrapAdmin(service.db, 'another-password')).toEqual({ created: false });
    const res = await login('admin', 'first-admin-pw');
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'admin', role: 'admin' });
    expect((await login('admin', 'another-password')).statusCode).toBe(401);
    expect(auditRows(service, 'user.bootstrap')).toHaveLength(1);
  });

  it('does nothing without a password or when users exist', async () => {
    expect(ensureBootstrapAdmin(service.db, null)).toEqual({ created: false });
    expect(ensureBootstrapAdmin(service.db, '')).toEqual({ created: false });
    expect(count(service, 'SELECT COUNT(*) AS n FROM users')).toBe(0);
    createUser(service.db, { username: 'someone', password: 'whatever-pw', role: 'supervisor', hashCost: 10 });
    expect(ensureBootstrapAdmin(service.db, 'first-admin-pw')).toEqual({ created: false });
    expect(count(service, 'SELECT COUNT(*) AS n FROM users')).toBe(1);
  });
});
