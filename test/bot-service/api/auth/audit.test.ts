import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { audit } from '../../../../bot-service/api/audit.ts';
import type { Service } from '../../../../bot-service/server.ts';
import { startService, tempDir } from '../../helpers.ts';
import { bearer, signIn, type TestUser } from './support.ts';

let service: Service;
let cleanup: () => void;
let admin: TestUser;

beforeEach(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  service = await startService(t.dir);
  admin = await signIn(service, 'admin');
});

afterEach(async () => {
  await service.close();
  cleanup();
});

const get = (query: string, token = admin.token) => service.app.inject({ method: 'GET', url: `/api/audit${query}`, headers: bearer(token) });

describe('api/audit', () => {
  it('pages newest first with a before cursor, without gaps or repeats', async () => {
    for (let i = 0; i < 7; i++) {
      audit(service.db, { actorId: admin.id, action: 'test.thing', target: `thing:${i}`, details: { i } });
    }
    const seen: number[] = [];
    let query = '?limit=3&action=test.thing';
    for (;;) {
      const page = (await get(query)).json() as { items: Array<{ id: number; details: { i: number } }>; nextBefore: number | null };
      seen.push(...page.items.map(item => item.details.i));
      if (page.nextBefore === null) break;
      query = `?limit=3&action=test.thing&before=${page.nextBefore}`;
    }
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0]);
  });

  it('filters by actor and by action and names the actor', async () => {
    const other = await signIn(service, 'supervisor');
    audit(service.db, { actorId: other.id, action: 'contact.reveal', target: 'contact:1', details: { reason: 'call back' } });
    audit(service.db, { actorId: null, action: 'user.bootstrap' });
    const byActor = (await get(`?actor=${other.id}`)).json().items as Array<{ actorId: number; actorUsername: string; action: string }>;
    expect(byActor.map(i => i.action)).toEqual(['contact.reveal', 'auth.login']);
    expect(byActor.every(i => i.actorId === other.id && i.actorUsername === other.username)).toBe(true);
    const byAction = (await get('?action=user.bootstrap')).json().items;
    expect(byAction).toEqual([expect.objectContaining({ actorId: null, actorUsername: null, target: null, details: {} })]);
  });

  it('refuses bad queries with 400 and a reason', async () => {
    for (const [q, field] of [['?limit=0', 'limit'], ['?limit=500', 'limit'], ['?before=x', 'before'], ['?actor=-1', 'actor'], ['?action=DROP%20TABLE', 'action'], ['?foo=1', 'query']]) {
      const res = await get(q!);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.startsWith(`${field}: `), res.body).toBe(true);
    }
  });
});
