import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  claimsOf,
  clusterOf,
  forwards,
  forwardsImage,
  login,
  newCitizen,
  otherRumour,
  outboxOf,
  rumour,
  startDesk,
  type Desk,
} from '../../hoax/support.ts';

let desk: Desk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

const clarification = 'Tidak benar. Informasi resmi hanya dari kanal pemerintah.';
const texts = (desk: Desk, waId: string): number => outboxOf(desk.service, waId).filter(o => (o.text ?? '').includes(clarification)).length;

describe('api/hoax merge and split', () => {
  it('merges clusters into one: claims, senders, files and later copies follow; the verdict reaches the newcomers once', async () => {
    desk = await startDesk();
    const { service } = desk;
    const supervisor = await login(service, 'supervisor');
    const [a, b, c] = [newCitizen(), newCitizen(), newCitizen()];
    await forwards(service, a, rumour.original);
    await forwards(service, b, otherRumour);
    await forwardsImage(service, c, 'cG9zdGVyLXBsbg==');
    const [target, source, picture] = [a, b, c].map(w => clusterOf(service, w)) as [number, number, number];
    expect(new Set([target, source, picture]).size).toBe(3);
    await call(service, supervisor, 'POST', `/api/hoax/clusters/${target}/verdict`, { verdict: 'hoaks', clarification });
    expect(texts(desk, a)).toBe(1);

    const res = await call(service, supervisor, 'POST', `/api/hoax/clusters/${target}/merge`, { clusterIds: [source, picture] });
    expect(res.status).toBe(200);
    expect(res.body.movedClaims).toBe(2);
    expect(res.body.delivery).toEqual({ message: 2, template: 0, notDeliverable: 0 });
    expect(res.body.cluster).toMatchObject({ id: target, claims: 3, senders: 3, media: 1 });
    expect([a, b, c].map(w => texts(desk!, w))).toEqual([1, 1, 1]);
    // The sources are closed, and say where they went.
    const gone = await call(service, supervisor, 'GET', `/api/hoax/clusters/${source}`);
    expect(gone.body.mergedInto).toBe(target);
    const list = await call(service, supervisor, 'GET', '/api/hoax/clusters');
    expect(list.body.clusters.map((x: { id: number }) => x.id)).toEqual([target]);
    // Later copies of what was merged land in the target and get its verdict.
    const [d, e] = [newCitizen(), newCitizen()];
    await forwards(service, d, otherRumour);
    await forwardsImage(service, e, 'cG9zdGVyLXBsbg==');
    expect([clusterOf(service, d), clusterOf(service, e)]).toEqual([target, target]);
    expect([texts(desk, d), texts(desk, e)]).toEqual([1, 1]);
    const audit = service.db.prepare("SELECT target, details FROM audit_log WHERE action = 'hoax.merge'").get() as { target: string; details: string };
    expect(audit.target).toBe(`hoax-cluster:${target}`);
    expect(JSON.parse(audit.details)).toMatchObject({ sources: [source, picture], movedClaims: 2 });
  });

  it('does not send a merged sender the clarification twice', async () => {
    desk = await startDesk();
    const { service } = desk;
    const supervisor = await login(service, 'supervisor');
    const [a, b] = [newCitizen(), newCitizen()];
    await forwards(service, a, rumour.original);
    await forwards(service, b, otherRumour);
    // The same citizen forwarded both rumours, and each cluster got the verdict.
    await forwards(service, a, otherRumour);
    const [x, y] = [clusterOf(service, b), claimsOf(service, a)[0]!.cluster_id];
    await call(service, supervisor, 'POST', `/api/hoax/clusters/${x}/verdict`, { verdict: 'hoaks', clarification });
    await call(service, supervisor, 'POST', `/api/hoax/clusters/${y}/verdict`, { verdict: 'hoaks', clarification });
    expect([texts(desk, a), texts(desk, b)]).toEqual([2, 1]);
    const res = await call(service, supervisor, 'POST', `/api/hoax/clusters/${y}/merge`, { clusterIds: [x] });
    expect(res.body.delivery).toEqual({ message: 0, template: 0, notDeliverable: 0 });
    expect([texts(desk, a), texts(desk, b)]).toEqual([2, 1]);
    expect(service.db.prepare('SELECT COUNT(*) FROM hoax_deliveries WHERE cluster_id = ?').pluck().get(y)).toBe(2);
  });

  it('splits claims out into a new cluster that later copies of them find', async () => {
    desk = await startDesk();
    const { service } = desk;
    const supervisor = await login(service, 'supervisor');
    const [a, b, c] = [newCitizen(), newCitizen(), newCitizen()];
    await forwards(service, a, rumour.original);
    await forwards(service, b, rumour.greeting);
    await forwards(service, c, rumour.javanese);
    const id = clusterOf(service, a);
    expect(clusterOf(service, c)).toBe(id);
    // Staff decide the Javanese retelling is a rumour of its own.
    const javanese = claimsOf(service, c)[0]!.id;
    const res = await call(service, supervisor, 'POST', `/api/hoax/clusters/${id}/split`, { claimIds: [javanese] });
    expect(res.status).toBe(200);
    expect(res.body.from).toMatchObject({ id, claims: 2, senders: 2 });
    const created = res.body.cluster.id as number;
    expect(res.body.cluster).toMatchObject({ claims: 1, senders: 1, verdict: null });
    expect(clusterOf(service, c)).toBe(created);
    const d = newCitizen();
    await forwards(service, d, rumour.javanese);
    expect(clusterOf(service, d)).toBe(created);
    const e = newCitizen();
    await forwards(service, e, rumour.original);
    expect(clusterOf(service, e)).toBe(id);
    expect(service.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'hoax.split'").pluck().get()).toBe(1);
  });

  it('refuses a split that would empty the cluster, and claims of another cluster, changing nothing', async () => {
    desk = await startDesk();
    const { service } = desk;
    const supervisor = await login(service, 'supervisor');
    const [a, b] = [newCitizen(), newCitizen()];
    await forwards(service, a, rumour.original);
    await forwards(service, b, otherRumour);
    const id = clusterOf(service, a);
    const all = await call(service, supervisor, 'POST', `/api/hoax/clusters/${id}/split`, { claimIds: [claimsOf(service, a)[0]!.id] });
    expect(all.status).toBe(409);
    const foreign = await call(service, supervisor, 'POST', `/api/hoax/clusters/${id}/split`, { claimIds: [claimsOf(service, b)[0]!.id] });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error).toMatch(/^claimIds: /);
    const self = await call(service, supervisor, 'POST', `/api/hoax/clusters/${id}/merge`, { clusterIds: [id] });
    expect(self.status).toBe(422);
    const missing = await call(service, supervisor, 'POST', `/api/hoax/clusters/${id}/merge`, { clusterIds: [987654] });
    expect(missing.status).toBe(404);
    expect(service.db.prepare('SELECT COUNT(*) FROM hoax_clusters').pluck().get()).toBe(2);
    expect(service.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'hoax.%'").pluck().get()).toBe(0);
  });
});
