import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../../bot-service/contract/auth.ts';
import { routes } from '../../../../bot-service/contract/hoax.ts';
import { call, clusterOf, forwards, login, newCitizen, otherRumour, rumour, startDesk, type Desk, type StaffUser } from '../../hoax/support.ts';

/**
 * Every hoax desk route with every role and with no session: supervisors and admins decide,
 * volunteers read, officials get nothing (claims are citizens' words).
 */

let desk: Desk;
let users: Record<Role, StaffUser>;
let ids: number[];

beforeAll(async () => {
  desk = await startDesk();
  const roles: Role[] = ['admin', 'supervisor', 'volunteer', 'official'];
  users = Object.fromEntries(await Promise.all(roles.map(async r => [r, await login(desk.service, r)] as const))) as Record<Role, StaffUser>;
  ids = [];
  for (const text of [rumour.original, otherRumour, 'Masjid Al Akbar Surabaya dijadikan rumah sakit darurat untuk 500 pasien corona selama Ramadan', 'Tes swab gratis di Grand City Surabaya hari ini saja, bawa KTP asli dan fotokopi KK']) {
    const waId = newCitizen();
    await forwards(desk.service, waId, text);
    ids.push(clusterOf(desk.service, waId));
  }
});
afterAll(async () => desk.close());

const requests = (): Array<{ method: 'GET' | 'POST'; url: string; body?: unknown; roles: readonly string[] }> => [
  { method: 'GET', url: '/api/hoax/clusters', roles: routes[0].roles },
  { method: 'GET', url: `/api/hoax/clusters/${ids[0]}`, roles: routes[1].roles },
  { method: 'POST', url: `/api/hoax/clusters/${ids[0]}/verdict`, body: { verdict: 'belum_jelas' }, roles: routes[2].roles },
  { method: 'POST', url: `/api/hoax/clusters/${ids[2]}/merge`, body: { clusterIds: [ids[3]] }, roles: routes[3].roles },
  { method: 'POST', url: `/api/hoax/clusters/${ids[1]}/split`, body: { claimIds: [999999] }, roles: routes[4].roles },
];

describe('api/hoax roles', () => {
  it('answers 401 without a session, on every route', async () => {
    for (const r of requests()) {
      const res = await call(desk.service, null, r.method, r.url, r.body);
      expect(res.status, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('lets volunteers read and supervisors and admins decide; officials get 403 everywhere', async () => {
    expect(routes.map(r => [r.method, r.roles])).toEqual([
      ['GET', ['volunteer', 'supervisor', 'admin']],
      ['GET', ['volunteer', 'supervisor', 'admin']],
      ['POST', ['supervisor', 'admin']],
      ['POST', ['supervisor', 'admin']],
      ['POST', ['supervisor', 'admin']],
    ]);
    for (const role of ['official', 'volunteer', 'supervisor', 'admin'] as const) {
      for (const r of requests()) {
        const res = await call(desk.service, users[role], r.method, r.url, r.body);
        const what = `${role} ${r.method} ${r.url}`;
        if (!r.roles.includes(role)) {
          expect(res.status, what).toBe(403);
          continue;
        }
        // Allowed: anything but a refusal of the role (the split names a claim that is not there;
        // the second merge finds its source merged already).
        expect([200, 409, 422], what).toContain(res.status);
      }
    }
    // Refused calls changed nothing: one verdict each by the supervisor and the admin, one merge.
    expect(desk.service.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'hoax.verdict'").pluck().get()).toBe(2);
    expect(desk.service.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'hoax.merge'").pluck().get()).toBe(1);
  });

  it('never shows an official a phone number or a claim, even through the list', async () => {
    const res = await call(desk.service, users.official, 'GET', '/api/hoax/clusters');
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).not.toMatch(/PLN|628/);
  });
});
