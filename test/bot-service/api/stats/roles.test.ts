import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../../bot-service/contract/auth.ts';
import type { Service } from '../../../../bot-service/server.ts';
import { addDays, wibDay } from '../../../../bot-service/stats/time.ts';
import { startService, tempDir } from '../../helpers.ts';
import { roles, signIn } from './support.ts';

let service: Service;
let cleanup: () => void;
const users = {} as Record<Role, Record<string, string>>;
const today = wibDay(Date.now());
const yesterday = addDays(today, -1);

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  service = await startService(t.dir);
  for (const role of roles) {
    users[role] = (await signIn(service, role)).headers;
  }
});

afterAll(async () => {
  await service.close();
  cleanup();
});

const routes: Array<{ method: 'GET' | 'POST'; url: string; allowed: Role[] }> = [
  { method: 'GET', url: '/api/stats/regions', allowed: ['admin', 'supervisor', 'official', 'volunteer'] },
  { method: 'GET', url: '/api/stats/regions/35.78/series', allowed: ['admin', 'supervisor', 'official', 'volunteer'] },
  { method: 'GET', url: '/api/stats/overview', allowed: ['admin', 'supervisor', 'official', 'volunteer'] },
  { method: 'GET', url: `/api/reports/daily?date=${today}`, allowed: ['admin', 'supervisor', 'official'] },
  { method: 'GET', url: `/api/reports/daily?date=${today}&format=csv`, allowed: ['admin', 'supervisor', 'official'] },
  { method: 'GET', url: '/api/reports', allowed: ['admin', 'supervisor', 'official'] },
  { method: 'POST', url: `/api/reports/daily/${yesterday}/regenerate`, allowed: ['admin', 'supervisor'] },
];

describe('api/stats/roles', () => {
  it('answers every statistics and report route by role, and 401 without a session', async () => {
    for (const route of routes) {
      const none = await service.app.inject({ method: route.method, url: route.url });
      expect(none.statusCode, `${route.url} without a session`).toBe(401);
      const bad = await service.app.inject({ method: route.method, url: route.url, headers: { authorization: 'Bearer not-a-token' } });
      expect(bad.statusCode, `${route.url} with a made-up token`).toBe(401);
      for (const role of roles) {
        const res = await service.app.inject({ method: route.method, url: route.url, headers: users[role] });
        const expected = route.allowed.includes(role) ? 200 : 403;
        expect(res.statusCode, `${route.method} ${route.url} as ${role}: ${res.body.slice(0, 200)}`).toBe(expected);
        if (expected === 403) {
          expect(res.json()).toHaveProperty('error');
        }
      }
    }
  });
});
