import { afterEach, describe, expect, it } from 'vitest';
import { createUser } from '../../../../bot-service/db/queries/users.ts';
import type { Service } from '../../../../bot-service/server.ts';
import { startService, tempDir } from '../../helpers.ts';

let service: Service | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await service?.close();
  cleanup?.();
});

async function login(s: Service, username: string, role: 'admin' | 'official'): Promise<string> {
  createUser(s.db, { username, password: 'kata-sandi-uji-1', role, hashCost: 10 });
  const res = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'kata-sandi-uji-1' } });
  return res.json().token as string;
}

describe('api/openapi', () => {
  it('describes every contract route, with roles, and needs a session', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    service = await startService(t.dir);
    expect((await service.app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(401);
    const token = await login(service, 'pejabat', 'official');
    const res = await service.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/auth/login'].post.security).toEqual([]);
    expect(doc.paths['/api/inbox/{id}/claim'].post.description).toMatch(/volunteer/);
    expect(doc.paths['/api/conversations'].get.parameters[0].in).toBe('query');
  });

  it('creates the bootstrap admin on a start with no users', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    service = await startService(t.dir, { env: { BOOTSTRAP_ADMIN_PASSWORD: 'rahasia-admin-1' } });
    const res = await service.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'rahasia-admin-1' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'admin', role: 'admin' });
  });
});
