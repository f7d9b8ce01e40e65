import { afterEach, describe, expect, it } from 'vitest';
import { eraseClaimsOf } from '../../../bot-service/hoax/erase.ts';
import { eraseContact } from '../../../bot-service/privacy/erase.ts';
import {
  claimsOf,
  clusterOf,
  contactId,
  forwards,
  forwardsImage,
  newCitizen,
  otherRumour,
  rumour,
  says,
  send,
  setRegion,
  startDesk,
  type Desk,
} from './support.ts';

let desk: Desk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

const garlic =
  'Kabar gembira! Virus corona bisa sembuh dalam semalam hanya dengan air rebusan bawang putih. Rebus 8 siung bawang putih dalam 7 gelas air, lalu minum airnya.';

describe('hoax/intake through the pipeline', () => {
  it('records a forwarded text as a claim with its region, forwarded level and message', async () => {
    desk = await startDesk();
    const { service } = desk;
    const waId = newCitizen();
    await says(service, waId, 'halo');
    setRegion(service, waId, '35.78');
    await forwards(service, waId, rumour.original, true);
    const [claim] = claimsOf(service, waId);
    expect(claim).toMatchObject({ via: 'forwarded', forwarded: 2, region_code: '35.78', text: rumour.original, media_sha256: null });
    const message = service.db.prepare('SELECT id, forwarded FROM inbound_messages WHERE id = (SELECT inbound_id FROM hoax_claims WHERE id = ?)').get(claim!.id);
    expect(message).toMatchObject({ forwarded: 2 });
    // A plain question is not a claim.
    await says(service, waId, 'apa gejala corona?');
    expect(claimsOf(service, waId)).toHaveLength(1);
  });

  it('records a Cek hoaks submission and a message resembling a known hoax, matched to it', async () => {
    desk = await startDesk();
    const { service } = desk;
    const a = newCitizen();
    await says(service, a, 'cek hoaks');
    await says(service, a, otherRumour);
    expect(claimsOf(service, a)).toMatchObject([{ via: 'cek-hoaks', forwarded: 0, matched_hoax_id: null, text: otherRumour }]);
    const b = newCitizen();
    await says(service, b, garlic);
    expect(claimsOf(service, b)).toMatchObject([{ via: 'matched', matched_hoax_id: 'hx_bawang_putih' }]);
    const cluster = service.db.prepare('SELECT matched_hoax_id FROM hoax_clusters WHERE id = ?').pluck().get(clusterOf(service, b));
    expect(cluster).toBe('hx_bawang_putih');
  });

  it('keeps forwarded pictures by sha256: the same file clusters with itself', async () => {
    desk = await startDesk();
    const { service } = desk;
    const sha = 'Zm9yd2FyZGVkLXBpY3R1cmUtMQ==';
    const [a, b, c] = [newCitizen(), newCitizen(), newCitizen()];
    await forwardsImage(service, a, sha);
    await forwardsImage(service, b, sha, 'Ini benar? Tolong dicek');
    await forwardsImage(service, c, 'YW5vdGhlci1waWN0dXJl');
    expect(claimsOf(service, a)).toMatchObject([{ media_sha256: sha, text: null }]);
    expect(clusterOf(service, b)).toBe(clusterOf(service, a));
    expect(clusterOf(service, c)).not.toBe(clusterOf(service, a));
  });

  it('clusters two citizens forwarding variants of a rumour, and the event says which cluster, not what', async () => {
    desk = await startDesk();
    const { service } = desk;
    const [a, b, c] = [newCitizen(), newCitizen(), newCitizen()];
    await forwards(service, a, rumour.original);
    await forwards(service, b, rumour.javanese);
    await forwards(service, c, otherRumour);
    expect(clusterOf(service, b)).toBe(clusterOf(service, a));
    expect(clusterOf(service, c)).not.toBe(clusterOf(service, a));
    const events = service.db.prepare("SELECT data FROM events WHERE type = 'hoax.updated'").pluck().all() as string[];
    expect(events).toHaveLength(3);
    expect(JSON.parse(events[0]!)).toMatchObject({ change: 'claim', clusterId: clusterOf(service, a), newCluster: true });
    for (const e of events) expect(e).not.toMatch(/PLN|listrik|Bank|uang/);
  });

  it('does not take a picture the citizen took themselves for a claim', async () => {
    desk = await startDesk();
    const { service } = desk;
    const waId = newCitizen();
    await send(service, waId, { type: 'image', image: { caption: 'apa ini gejala corona?', mime_type: 'image/jpeg', sha256: 'b3duLXBob3Rv', id: '2' } });
    expect(claimsOf(service, waId)).toHaveLength(0);
  });

  it('erasure removes the claim texts and keeps the cluster counts', async () => {
    desk = await startDesk();
    const { service } = desk;
    const [a, b] = [newCitizen(), newCitizen()];
    await forwards(service, a, rumour.original);
    await forwards(service, b, rumour.greeting);
    const cluster = clusterOf(service, a);
    const id = contactId(service, a);
    eraseContact(service.db, id, null, { reason: 'test' });
    expect(eraseClaimsOf(service.db, id)).toBe(0);
    expect(service.db.prepare('SELECT text FROM hoax_claims WHERE contact_id = ?').pluck().all(id)).toEqual([null]);
    expect(service.db.prepare('SELECT COUNT(*) FROM hoax_signatures WHERE claim_id IN (SELECT id FROM hoax_claims WHERE contact_id = ?)').pluck().get(id)).toBe(0);
    expect(service.db.prepare('SELECT claims, senders FROM hoax_clusters WHERE id = ?').get(cluster)).toEqual({ claims: 2, senders: 2 });
    // The other citizen's words stay; a later copy still finds the cluster.
    expect(claimsOf(service, b)[0]!.text).toBe(rumour.greeting);
    const c = newCitizen();
    await forwards(service, c, rumour.original);
    expect(clusterOf(service, c)).toBe(cluster);
  });
});
