import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as contract from '../../../../bot-service/contract/index.ts';
import type { Role, RouteDescription } from '../../../../bot-service/contract/index.ts';
import { createUser } from '../../../../bot-service/db/queries/users.ts';
import type { Service } from '../../../../bot-service/server.ts';
import { startService, tempDir } from '../../helpers.ts';

/**
 * Walks every route the contract lists with every role and with no session: no session is 401,
 * a role the route does not list is 403, a listed role gets past the guard (whatever the route
 * then says about the input). The contract is the list, so a new route is covered by default.
 */
const roles: Role[] = ['admin', 'supervisor', 'volunteer', 'official'];
const allRoutes: RouteDescription[] = Object.values(contract).flatMap(m => [...((m as { routes?: readonly RouteDescription[] }).routes ?? [])]);

let service: Service;
let cleanup: () => void;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  service = await startService(t.dir);
  for (const role of roles) {
    createUser(service.db, { username: `uji-${role}`, password: 'kata-sandi-uji-1', role, hashCost: 10 });
  }
});

/** A fresh session per call: some routes (logout, revoke) end the session they are called with. */
async function tokenFor(role: Role): Promise<string> {
  const res = await service.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `uji-${role}`, password: 'kata-sandi-uji-1' } });
  expect(res.statusCode).toBe(200);
  return res.json().token as string;
}
afterAll(async () => {
  await service.close();
  cleanup();
});

function call(route: RouteDescription, token: string | null) {
  const url = route.url.replace(/:(\w+)/g, (_m, name: string) => (name === 'date' ? '2020-04-02' : name === 'code' ? '35.78' : name === 'kind' ? 'faq' : '1'));
  return service.app.inject({
    method: route.method,
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(route.method === 'GET' ? {} : { payload: {} }),
  });
}

describe('api/every route with every role', () => {
  it('the contract lists the console routes', () => {
    expect(allRoutes.length).toBeGreaterThan(30);
  });

  for (const route of allRoutes) {
    if (route.url === '/api/stream') continue; // a WebSocket: its auth is tested in api/stream
    const name = `${route.method} ${route.url}`;
    if (route.roles === 'public') {
      it(`${name} is public`, async () => {
        expect([200, 400, 401, 429]).toContain((await call(route, null)).statusCode);
      });
      continue;
    }
    const allowed = route.roles;
    it(`${name}: none 401, ${roles.filter(r => !allowed.includes(r)).join('/') || 'no role'} 403, ${allowed.join('/')} allowed`, async () => {
      expect((await call(route, null)).statusCode).toBe(401);
      for (const role of roles) {
        const res = await call(route, await tokenFor(role));
        if (allowed.includes(role)) {
          expect([401, 403], `${role} on ${name}: ${res.body}`).not.toContain(res.statusCode);
          expect(res.statusCode, `${role} on ${name}: ${res.body}`).toBeLessThan(500);
        } else {
          expect(res.statusCode, `${role} on ${name}`).toBe(403);
        }
      }
    });
  }
});
