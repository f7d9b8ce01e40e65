import { afterEach, describe, expect, it } from 'vitest';
import { ClusterDetail, ClusterListResponse } from '../../../../bot-service/contract/hoax.ts';
import { call, clusterOf, forwards, forwardsImage, login, newCitizen, otherRumour, rumour, says, setRegion, startDesk, type Desk } from '../../hoax/support.ts';

let desk: Desk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

const withPhone =
  'Pemprov Jatim membagikan paket sembako gratis untuk warga terdampak corona. Isi formulir dan kirim foto KTP serta KK ke nomor 0812-3456-7788. Kuota terbatas, hanya 3 hari!';

describe('api/hoax clusters list and detail', () => {
  it('ranks clusters by growth in the last hour, then the day, with senders, regions and forwarded share', async () => {
    desk = await startDesk();
    const { service } = desk;
    const volunteer = await login(service, 'volunteer');
    // Three senders of one rumour (two in Surabaya, one frequently forwarded), one of another.
    const senders = [newCitizen(), newCitizen(), newCitizen()];
    for (const [i, waId] of senders.entries()) {
      await says(service, waId, 'halo');
      setRegion(service, waId, i < 2 ? '35.78' : '35.15');
      await forwards(service, waId, [rumour.original, rumour.greeting, rumour.cutOff][i]!, i === 0);
    }
    await forwards(service, senders[0]!, rumour.original);
    const lone = newCitizen();
    await forwards(service, lone, otherRumour);
    // An old cluster: its claims a day and more ago.
    const old = newCitizen();
    await forwards(service, old, 'Masjid Al Akbar Surabaya dijadikan rumah sakit darurat untuk 500 pasien corona selama Ramadan');
    const oldId = clusterOf(service, old);
    service.db.prepare('UPDATE hoax_claims SET at = at - 2 * 86400000 WHERE cluster_id = ?').run(oldId);
    service.db.prepare('UPDATE hoax_clusters SET first_seen = first_seen - 2 * 86400000, last_seen = last_seen - 2 * 86400000 WHERE id = ?').run(oldId);

    const res = await call(service, volunteer, 'GET', '/api/hoax/clusters');
    expect(res.status).toBe(200);
    const list = ClusterListResponse.parse(res.body);
    expect(list.clusters.map(c => c.id)).toEqual([clusterOf(service, senders[0]!), clusterOf(service, lone), oldId]);
    const top = list.clusters[0]!;
    expect(top).toMatchObject({ claims: 4, senders: 3, growth: { lastHour: 4, lastDay: 4 }, media: 0, matchedHoax: null, verdict: null });
    expect(top.regions).toEqual([
      { code: '35.78', senders: 2 },
      { code: '35.15', senders: 1 },
    ]);
    expect(top.forwardedShare).toBe(1);
    expect(top.frequentlyForwardedShare).toBe(0.25);
    expect(top.reached).toMatchObject({ senders: 3, pending: 3, queued: 0 });
    expect(list.clusters[2]!.growth).toEqual({ lastHour: 0, lastDay: 0 });

    const open = await call(service, volunteer, 'GET', '/api/hoax/clusters?status=decided');
    expect(open.body.clusters).toEqual([]);
    const limited = await call(service, volunteer, 'GET', '/api/hoax/clusters?limit=1');
    expect(limited.body.clusters).toHaveLength(1);
  });

  it('shows samples and claims with phone numbers masked, in the text and as the sender', async () => {
    desk = await startDesk();
    const { service } = desk;
    const supervisor = await login(service, 'supervisor');
    const [a, b] = ['6281234567001', '6281234567002'];
    await forwards(service, a, withPhone);
    await forwards(service, b, withPhone.replace('Kuota terbatas, hanya 3 hari!', 'Kuota terbatas!! SEBARKAN'));
    await forwardsImage(service, b, 'c2VtYmFrby1wb3N0ZXI=', withPhone);
    const id = clusterOf(service, a);
    const res = await call(service, supervisor, 'GET', `/api/hoax/clusters/${id}`);
    expect(res.status).toBe(200);
    const detail = ClusterDetail.parse(res.body);
    expect(detail.claims).toHaveLength(3);
    expect(detail.claims.map(c => c.sender).sort()).toEqual(['62812•••••001', '62812•••••002', '62812•••••002']);
    expect(detail.samples).toEqual([
      { text: expect.stringContaining('08123••••788'), claims: 2 },
      { text: expect.stringContaining('SEBARKAN'), claims: 1 },
    ]);
    expect(detail.cluster.sample).toContain('08123••••788');
    expect(detail.claims.find(c => c.media !== null)?.media).toEqual({ kind: 'image', sha256: 'c2VtYmFrby1wb3N0ZXI=' });
    expect(detail.cluster.media).toBe(1);
    const body = JSON.stringify(res.body);
    expect(body).not.toContain('3456-7788');
    expect(body).not.toContain('6281234567001');
    expect(detail.mergedInto).toBeNull();
  });

  it('names the known hoax a cluster matched', async () => {
    desk = await startDesk();
    const { service } = desk;
    const volunteer = await login(service, 'volunteer');
    const waId = newCitizen();
    await forwards(service, waId, 'Minum alkohol atau arak bisa membunuh virus corona di dalam tubuh. Sering-sering minum supaya tenggorokan dan perut steril dari virus.');
    const res = await call(service, volunteer, 'GET', `/api/hoax/clusters/${clusterOf(service, waId)}`);
    expect(res.body.cluster.matchedHoax).toMatchObject({ id: 'hx_minum_alkohol', verdict: 'hoaks' });
  });
});
