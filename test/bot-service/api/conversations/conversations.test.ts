import { afterEach, describe, expect, it } from 'vitest';
import { call, citizenSays, login, newCitizen, startApi, waitingConversation, type Harness } from '../inbox/fixtures.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('api/conversations', () => {
  it('pages through every conversation, newest activity first, without duplicates', async () => {
    h = await startApi();
    const { service } = h;
    const sup = await login(service, 'supervisor');
    for (let i = 0; i < 7; i++) await citizenSays(service, newCitizen(), `halo ${i}`);
    // Two conversations with the very same activity time: the id breaks the tie.
    service.db.prepare('UPDATE conversations SET last_message_at = 1700000000000 WHERE id IN (2, 3)').run();
    const all = service.db.prepare('SELECT id FROM conversations ORDER BY last_message_at DESC, id DESC').pluck().all() as number[];
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await call(service, sup, 'GET', `/api/conversations?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((c: any) => c.id));
      cursor = res.body.nextCursor;
      // New activity on an unseen conversation while paging moves it above the cursor: it is not
      // served twice (the console learns of it from the live stream instead).
      if (pages === 0) service.db.prepare('UPDATE conversations SET last_message_at = ? WHERE id = ?').run(Date.now() + 5000, all.at(-1));
      pages++;
    } while (cursor !== null && pages < 10);
    expect(seen).toEqual(all.slice(0, -1));
    expect(pages).toBe(2);
    const fresh = await call(service, sup, 'GET', '/api/conversations?limit=2');
    expect(fresh.body.items[0].id).toBe(all.at(-1));
    expect(fresh.body.items[0].contact.phone).toMatch(/^62812•+\d{3}$/);
  });

  it('filters by region, state, feature, flag and time', async () => {
    h = await startApi();
    const { service } = h;
    const sup = await login(service, 'supervisor');
    await citizenSays(service, newCitizen(), 'saya di surabaya');
    const waiting = await waitingConversation(service);
    await citizenSays(service, newCitizen(), 'hoaks minum air panas');
    const ids = async (query: string) => (await call(service, sup, 'GET', `/api/conversations?${query}`)).body.items.map((c: any) => c.id);
    const all = service.db.prepare('SELECT id, region_code, feature FROM conversations ORDER BY id').all() as Array<{ id: number; region_code: string | null; feature: string | null }>;
    const surabaya = all.find(c => c.region_code === '35.78')!.id;
    const hoax = all.find(c => c.feature === 'hoax')!.id;
    expect(await ids('region=35.78')).toEqual([surabaya]);
    expect((await ids('region=unknown')).sort()).toEqual([waiting, hoax].sort());
    expect(await ids('state=waiting')).toEqual([waiting]);
    expect(await ids('feature=hoax')).toEqual([hoax]);
    expect(await ids('flagged=hoax')).toEqual([hoax]);
    expect(await ids('flagged=true')).toEqual([hoax]);
    expect((await ids('flagged=false')).sort()).toEqual([surabaya, waiting].sort());
    expect(await ids(`from=${Date.now() + 60_000}`)).toEqual([]);
    expect(await ids('to=1')).toEqual([]);
    const detail = await call(service, sup, 'GET', `/api/conversations?region=35.78`);
    expect(detail.body.items[0]).toMatchObject({ regionCode: '35.78', regionName: 'Kota Surabaya', state: 'bot' });
    for (const bad of ['region=jakarta', 'state=open', 'flagged=maybe', 'limit=0', 'limit=500', 'cursor=abc', 'from=-5', 'colour=red']) {
      const res = await call(service, sup, 'GET', `/api/conversations?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error).toMatch(/^\w+: /);
    }
  });

  it('shows the full transcript in order with delivery statuses and the window\'s close', async () => {
    h = await startApi();
    const { service } = h;
    const sup = await login(service, 'supervisor');
    const waId = newCitizen();
    await citizenSays(service, waId, 'halo');
    await citizenSays(service, waId, 'apa gejala covid?');
    const id = service.db.prepare('SELECT id FROM conversations').pluck().get() as number;
    const res = await call(service, sup, 'GET', `/api/conversations/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.transcript.map((t: any) => [t.direction, t.text])).toEqual([
      ['in', 'halo'],
      ['out', 'bot: halo'],
      ['in', 'apa gejala covid?'],
      ['out', 'bot: apa gejala covid?'],
    ]);
    expect(res.body.transcript[1]).toMatchObject({ author: 'bot', user: null });
    expect(typeof res.body.transcript[1].status).toBe('string');
    const lastIn = service.db.prepare('SELECT last_inbound_ts FROM contacts').pluck().get() as number;
    expect(res.body.conversation.windowClosesAt).toBe(lastIn * 1000 + 24 * 3600_000);
    expect(res.body.conversation.contact.phone).not.toContain(waId.slice(5, 10));
    expect(JSON.stringify(res.body)).not.toContain(waId);
    expect((await call(service, sup, 'GET', '/api/conversations/999999')).status).toBe(404);
    expect((await call(service, sup, 'GET', '/api/conversations/0')).status).toBe(400);
  });

  it('lets a volunteer read only waiting conversations and their own', async () => {
    h = await startApi();
    const { service } = h;
    const v = await login(service, 'volunteer');
    const other = await login(service, 'volunteer');
    await citizenSays(service, newCitizen(), 'halo');
    const botOnly = service.db.prepare('SELECT id FROM conversations').pluck().get() as number;
    const id = await waitingConversation(service);
    expect((await call(service, v, 'GET', `/api/conversations/${botOnly}`)).status).toBe(403);
    expect((await call(service, v, 'GET', `/api/conversations/${id}`)).status).toBe(200);
    await call(service, other, 'POST', `/api/inbox/${id}/claim`);
    expect((await call(service, v, 'GET', `/api/conversations/${id}`)).status).toBe(403);
    expect((await call(service, v, 'POST', `/api/conversations/${id}/viewing`)).status).toBe(403);
    expect((await call(service, other, 'GET', `/api/conversations/${id}`)).status).toBe(200);
  });
});
