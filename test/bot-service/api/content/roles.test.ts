import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../../bot-service/contract/auth.ts';
import { contentKinds, type ContentKind } from '../../../../bot-service/contract/content.ts';
import { call, login, startApi, type Harness, type TestUser } from '../inbox/fixtures.ts';
import { fresh, samples } from './samples.ts';

/**
 * Every content route of every kind with every role and with none. Supervisors and admins do
 * everything; volunteers only read the kinds the composer needs; officials nothing.
 */

let h: Harness;
const users = {} as Record<Role, TestUser>;

beforeAll(async () => {
  h = await startApi();
  for (const role of ['admin', 'supervisor', 'volunteer', 'official'] as const) users[role] = await login(h.service, role);
});
afterAll(async () => {
  await h.close();
});

type Who = Role | 'none';
const everyone: Who[] = ['none', 'official', 'volunteer', 'supervisor', 'admin'];
const userOf = (who: Who): TestUser | null => (who === 'none' ? null : users[who]);
const writerStatus = (who: Who, ok: number): number => (who === 'none' ? 401 : who === 'supervisor' || who === 'admin' ? ok : 403);

/** An item of the kind with a published version (creating and publishing one if the seed has none). */
async function publishedItem(kind: ContentKind): Promise<string> {
  const seeded = samples[kind].seededId;
  if (seeded !== null) return seeded;
  const created = await call(h.service, users.supervisor, 'POST', `/api/content/${kind}`, { data: fresh(kind) });
  await call(h.service, users.supervisor, 'POST', `/api/content/${kind}/${created.body.item.id}/publish`, {});
  return created.body.item.id as string;
}

describe('api/content role matrix', () => {
  for (const kind of Object.keys(contentKinds) as ContentKind[]) {
    const spec = contentKinds[kind];
    const readStatus = (who: Who): number => (who === 'volunteer' ? (spec.volunteersRead ? 200 : 403) : writerStatus(who, 200));

    it.each(everyone)(`${kind}: read routes as %s`, async who => {
      const id = await publishedItem(kind);
      const list = await call(h.service, userOf(who), 'GET', `/api/content/${kind}`);
      expect(list.status).toBe(readStatus(who));
      if (list.status === 200) expect(list.body.items.map((i: any) => i.id)).toContain(id);
      expect((await call(h.service, userOf(who), 'GET', `/api/content/${kind}/${id}`)).status).toBe(readStatus(who));
      expect((await call(h.service, userOf(who), 'GET', `/api/content/${kind}/${id}/versions`)).status).toBe(writerStatus(who, 200));
    });

    it.each(everyone)(`${kind}: write routes as %s`, async who => {
      const id = await publishedItem(kind);
      const user = userOf(who);
      if (spec.creatable) {
        expect((await call(h.service, user, 'POST', `/api/content/${kind}`, { data: fresh(kind) })).status).toBe(writerStatus(who, 201));
      }
      // A draft made by a supervisor, for the roles that cannot make one.
      expect((await call(h.service, users.supervisor, 'PUT', `/api/content/${kind}/${id}/draft`, { data: fresh(kind) })).status).toBe(200);
      expect((await call(h.service, user, 'PUT', `/api/content/${kind}/${id}/draft`, { data: fresh(kind) })).status).toBe(writerStatus(who, 200));
      expect((await call(h.service, user, 'DELETE', `/api/content/${kind}/${id}/draft`)).status).toBe(writerStatus(who, 200));
      await call(h.service, users.supervisor, 'PUT', `/api/content/${kind}/${id}/draft`, { data: fresh(kind) });
      expect((await call(h.service, user, 'POST', `/api/content/${kind}/${id}/publish`, {})).status).toBe(writerStatus(who, 200));
    });
  }

  it.each(everyone)('POST /api/content/region-figures/import as %s', async who => {
    const csv = 'code,confirmed,zone,date\n35.01,3,hijau,2020-05-20\n';
    expect((await call(h.service, userOf(who), 'POST', '/api/content/region-figures/import', { csv })).status).toBe(writerStatus(who, 200));
  });

  it('does not create region figures (the 38 regions are fixed)', async () => {
    const res = await call(h.service, users.supervisor, 'POST', '/api/content/region-figures', { data: samples['region-figures'].data });
    expect(res.status).toBe(404);
  });
});
