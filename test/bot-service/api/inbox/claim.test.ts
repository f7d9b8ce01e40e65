import { afterEach, describe, expect, it } from 'vitest';
import { auditLines, call, login, newCitizen, startApi, waitingConversation, type Harness } from './fixtures.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('api/inbox claim, release, transfer', () => {
  it('gives a conversation claimed by five volunteers at once to exactly one of them', async () => {
    h = await startApi({ graph: true });
    const { service } = h;
    const url = h.baseUrl!;
    const id = await waitingConversation(service);
    const volunteers = await Promise.all([1, 2, 3, 4, 5].map(() => login(service, 'volunteer')));
    // Real sockets, all requests in flight together.
    const answers = await Promise.all(
      volunteers.map(v =>
        fetch(`${url}/api/inbox/${id}/claim`, { method: 'POST', headers: { authorization: `Bearer ${v.token}` } }).then(async r => ({
          status: r.status,
          body: (await r.json()) as any,
          v,
        }))
      )
    );
    const winners = answers.filter(a => a.status === 200);
    expect(winners).toHaveLength(1);
    expect(answers.filter(a => a.status === 409)).toHaveLength(4);
    expect(answers.find(a => a.status === 409)!.body.error).toMatch(/already claimed/);
    const winner = winners[0]!.v;
    const row = service.db.prepare('SELECT state, assigned_to FROM conversations WHERE id = ?').get(id);
    expect(row).toEqual({ state: 'assigned', assigned_to: winner.id });
    expect(winners[0]!.body.conversation.assignedTo.id).toBe(winner.id);
    expect(auditLines(service, 'inbox.claim')).toHaveLength(1);
    const events = service.events.readAfter(0).filter(e => e.type === 'conversation.updated' && e.data.action === 'claimed');
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ state: 'assigned', assignedTo: winner.id });
  });

  it('refuses a claim beyond the volunteer\'s capacity, with the reason', async () => {
    h = await startApi();
    const { service } = h;
    const v = await login(service, 'volunteer');
    expect((await call(service, v, 'POST', '/api/inbox/presence', { status: 'online', capacity: 2 })).status).toBe(200);
    const ids = [await waitingConversation(service), await waitingConversation(service), await waitingConversation(service)];
    expect((await call(service, v, 'POST', `/api/inbox/${ids[0]}/claim`)).status).toBe(200);
    expect((await call(service, v, 'POST', `/api/inbox/${ids[1]}/claim`)).status).toBe(200);
    const third = await call(service, v, 'POST', `/api/inbox/${ids[2]}/claim`);
    expect(third.status).toBe(409);
    expect(third.body.error).toMatch(/capacity: 2 of 2/);
    expect(service.db.prepare('SELECT state FROM conversations WHERE id = ?').pluck().get(ids[2])).toBe('waiting');
    // Releasing one frees a place.
    expect((await call(service, v, 'POST', `/api/inbox/${ids[0]}/release`)).status).toBe(200);
    expect((await call(service, v, 'POST', `/api/inbox/${ids[2]}/claim`)).status).toBe(200);
  });

  it('puts a released conversation back at its original place in the queue', async () => {
    h = await startApi();
    const { service } = h;
    const v = await login(service, 'volunteer');
    const first = await waitingConversation(service);
    await new Promise(r => setTimeout(r, 5));
    const second = await waitingConversation(service);
    expect((await call(service, v, 'POST', `/api/inbox/${first}/claim`)).status).toBe(200);
    let inbox = await call(service, v, 'GET', '/api/inbox');
    expect(inbox.body.waiting.map((c: any) => c.id)).toEqual([second]);
    expect(inbox.body.mine.map((c: any) => c.id)).toEqual([first]);
    const released = await call(service, v, 'POST', `/api/inbox/${first}/release`);
    expect(released.status).toBe(200);
    expect(released.body.conversation).toMatchObject({ state: 'waiting', assignedTo: null });
    inbox = await call(service, v, 'GET', '/api/inbox');
    expect(inbox.body.waiting.map((c: any) => [c.id, c.queuePosition])).toEqual([
      [first, 1],
      [second, 2],
    ]);
    expect(inbox.body.mine).toEqual([]);
  });

  it('orders the queue by priority, then by waiting time', async () => {
    h = await startApi();
    const { service } = h;
    const v = await login(service, 'volunteer');
    const normal = await waitingConversation(service);
    const urgent = await waitingConversation(service, newCitizen(), 'darurat');
    const inbox = await call(service, v, 'GET', '/api/inbox');
    expect(inbox.body.waiting.map((c: any) => c.id)).toEqual([urgent, normal]);
    expect(inbox.body.waiting[0]).toMatchObject({ priority: 90, flags: ['high-risk'], state: 'waiting' });
    expect(inbox.body.waiting[0].contact.phone).toMatch(/•/);
    expect(inbox.body.waiting[0].preview).toBe('darurat');
  });

  it('transfers to another volunteer, but not to one at capacity nor to an official', async () => {
    h = await startApi();
    const { service } = h;
    const a = await login(service, 'volunteer', 'Ani');
    const b = await login(service, 'volunteer', 'Budi');
    const full = await login(service, 'volunteer');
    const official = await login(service, 'official');
    await call(service, full, 'POST', '/api/inbox/presence', { status: 'online', capacity: 0 });
    const id = await waitingConversation(service);
    expect((await call(service, a, 'POST', `/api/inbox/${id}/claim`)).status).toBe(200);

    const toFull = await call(service, a, 'POST', `/api/inbox/${id}/transfer`, { toUserId: full.id });
    expect(toFull.status).toBe(409);
    expect(toFull.body.error).toMatch(/at capacity/);
    const toOfficial = await call(service, a, 'POST', `/api/inbox/${id}/transfer`, { toUserId: official.id });
    expect(toOfficial.status).toBe(422);
    const toNobody = await call(service, a, 'POST', `/api/inbox/${id}/transfer`, { toUserId: 999_999 });
    expect(toNobody.status).toBe(422);
    expect(service.db.prepare('SELECT assigned_to FROM conversations WHERE id = ?').pluck().get(id)).toBe(a.id);

    const ok = await call(service, a, 'POST', `/api/inbox/${id}/transfer`, { toUserId: b.id });
    expect(ok.status).toBe(200);
    expect(ok.body.conversation.assignedTo).toEqual({ id: b.id, name: 'Budi' });
    // A no longer holds it: their actions on it are refused.
    expect((await call(service, a, 'POST', `/api/inbox/${id}/release`)).status).toBe(403);
    expect(JSON.parse(auditLines(service, 'inbox.transfer')[0]!.details)).toEqual({ from: a.id, to: b.id });
  });

  it('lets a supervisor assign a waiting conversation and act on anyone\'s', async () => {
    h = await startApi();
    const { service } = h;
    const sup = await login(service, 'supervisor');
    const v = await login(service, 'volunteer');
    const id = await waitingConversation(service);
    expect((await call(service, sup, 'POST', `/api/inbox/${id}/transfer`, { toUserId: v.id })).status).toBe(200);
    const inbox = await call(service, sup, 'GET', '/api/inbox');
    expect(inbox.body.assigned.map((c: any) => c.id)).toEqual([id]);
    expect((await call(service, sup, 'POST', `/api/inbox/${id}/release`)).status).toBe(200);
    expect(service.db.prepare('SELECT state FROM conversations WHERE id = ?').pluck().get(id)).toBe('waiting');
  });

  it('answers 404 for an unknown conversation and 400 for a bad id or body, changing nothing', async () => {
    h = await startApi();
    const { service } = h;
    const v = await login(service, 'volunteer');
    const id = await waitingConversation(service);
    expect((await call(service, v, 'POST', '/api/inbox/999999/claim')).status).toBe(404);
    const badId = await call(service, v, 'POST', '/api/inbox/abc/claim');
    expect(badId.status).toBe(400);
    expect(badId.body.error).toMatch(/^id: /);
    const extra = await call(service, v, 'POST', `/api/inbox/${id}/claim`, { sneaky: true });
    expect(extra.status).toBe(400);
    expect((await call(service, v, 'POST', '/api/inbox/presence', { status: 'busy' })).status).toBe(400);
    expect((await call(service, v, 'POST', '/api/inbox/presence', { status: 'online', capacity: -1 })).status).toBe(400);
    expect(service.db.prepare('SELECT state FROM conversations WHERE id = ?').pluck().get(id)).toBe('waiting');
    expect(service.db.prepare('SELECT COUNT(*) FROM volunteer_presence').pluck().get()).toBe(0);
  });
});
