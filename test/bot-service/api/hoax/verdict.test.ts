import { afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../../graph-harness.ts';
import {
  call,
  closeWindow,
  clusterOf,
  forwards,
  forwardsImage,
  insertClarificationTemplate,
  lastOutboundId,
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

const clarification =
  'PLN tidak pernah memadamkan listrik untuk "sterilisasi jaringan". Virus corona tidak menular lewat kabel listrik. Pemadaman terjadwal hanya diumumkan lewat kanal resmi PLN.';
const verdict = { verdict: 'hoaks', clarification, source: 'PLN UID Jawa Timur' };

const count = (desk: Desk, sql: string, ...params: unknown[]): number => desk.service.db.prepare(sql).pluck().get(...params) as number;

/** How many messages queued for the citizen carry the clarification. */
const clarifications = (desk: Desk, waId: string): number => outboxOf(desk.service, waId).filter(o => (o.text ?? '').includes('sterilisasi jaringan')).length;

describe('api/hoax verdict: publish and close the loop', () => {
  it('sends every sender the clarification once, publishes it for the bot, audits it', async () => {
    desk = await startDesk();
    const { service } = desk;
    const supervisor = await login(service, 'supervisor');
    const [a, b, c] = [newCitizen(), newCitizen(), newCitizen()];
    await forwards(service, a, rumour.original);
    await forwards(service, b, rumour.javanese);
    await forwards(service, c, rumour.greeting);
    await forwards(service, c, rumour.cutOff);
    const id = clusterOf(service, a);
    expect([b, c].map(w => clusterOf(service, w))).toEqual([id, id]);
    const revision = count(desk, 'SELECT revision FROM content_state');

    const res = await call(service, supervisor, 'POST', `/api/hoax/clusters/${id}/verdict`, verdict);
    expect(res.status).toBe(200);
    expect(res.body.delivery).toEqual({ message: 3, template: 0, notDeliverable: 0 });
    expect(res.body.cluster.verdict).toMatchObject({ verdict: 'hoaks', clarification, source: 'PLN UID Jawa Timur', publishedHoaxId: `desk_${id}` });
    expect(res.body.cluster.reached).toMatchObject({ senders: 3, queued: 3, pending: 0 });
    for (const w of [a, b, c]) expect(clarifications(desk, w)).toBe(1);
    const message = outboxOf(service, a).at(-1)!;
    expect(message).toMatchObject({ kind: 'message', author: 'system' });
    expect(message.text).toContain('HOAKS');
    expect(message.text).toContain('Sumber: PLN UID Jawa Timur');

    // A known hoax for the bot: live row, a version, a new content revision.
    const hoax = service.db.prepare('SELECT claim, verdict, clarification, source, active, updated_by FROM hoaxes WHERE id = ?').get(`desk_${id}`) as Record<string, unknown>;
    expect(hoax).toMatchObject({ verdict: 'hoaks', clarification, source: 'PLN UID Jawa Timur', active: 1, updated_by: `user:${supervisor.id}` });
    expect(String(hoax.claim)).toContain('listrik');
    expect(count(desk, "SELECT COUNT(*) FROM content_versions WHERE kind = 'hoax' AND item_id = ? AND status = 'published'", `desk_${id}`)).toBe(1);
    expect(count(desk, 'SELECT revision FROM content_state')).toBeGreaterThan(revision);
    const audit = service.db.prepare("SELECT actor_id, target, details FROM audit_log WHERE action = 'hoax.verdict'").get() as { actor_id: number; target: string; details: string };
    expect(audit).toMatchObject({ actor_id: supervisor.id, target: `hoax-cluster:${id}` });
    expect(audit.details).not.toContain('sterilisasi');
    expect(count(desk, "SELECT COUNT(*) FROM events WHERE type = 'hoax.updated' AND json_extract(data, '$.change') = 'verdict'")).toBe(1);

    // Changing the verdict's wording sends nothing again: once per sender.
    const again = await call(service, supervisor, 'POST', `/api/hoax/clusters/${id}/verdict`, { ...verdict, clarification: `${clarification} Cek pln.co.id.` });
    expect(again.status).toBe(200);
    expect(again.body.delivery).toEqual({ message: 0, template: 0, notDeliverable: 0 });
    for (const w of [a, b, c]) expect(clarifications(desk, w)).toBe(1);
    expect(count(desk, 'SELECT COUNT(*) FROM hoax_deliveries WHERE cluster_id = ?', id)).toBe(3);
  });

  it('answers a later sender at once, as fast as an FAQ answer, and only once', async () => {
    desk = await startDesk();
    const { service } = desk;
    const supervisor = await login(service, 'supervisor');
    const first = newCitizen();
    await forwards(service, first, rumour.original);
    const id = clusterOf(service, first);
    await call(service, supervisor, 'POST', `/api/hoax/clusters/${id}/verdict`, verdict);

    for (const text of [rumour.original, rumour.greeting, rumour.javanese]) {
      const later = newCitizen();
      const before = lastOutboundId(service);
      await forwards(service, later, text);
      expect(clusterOf(service, later)).toBe(id);
      // The bot's own first reply is the verdict (its matcher knows the published claim now),
      // and the desk sends nothing more.
      const queued = outboxOf(service, later, before);
      expect(queued.filter(o => (o.text ?? '').includes('sterilisasi jaringan'))).toHaveLength(1);
      expect(queued[0]).toMatchObject({ author: 'bot' });
      expect(queued[0]!.text).toContain('HOAKS');
    }
    const status = service.db.prepare('SELECT status, COUNT(*) AS n FROM hoax_deliveries WHERE cluster_id = ? GROUP BY status ORDER BY status').all(id);
    expect(status).toEqual([
      { status: 'answered', n: 3 },
      { status: 'queued', n: 1 },
    ]);
  });

  it('respects the 24-hour window: an approved template outside it, else not deliverable', async () => {
    desk = await startDesk();
    const { service } = desk;
    const supervisor = await login(service, 'supervisor');
    const [inside, outside] = [newCitizen(), newCitizen()];
    await forwards(service, inside, rumour.original);
    await forwards(service, outside, rumour.greeting);
    const id = clusterOf(service, inside);
    closeWindow(service, outside);

    const res = await call(service, supervisor, 'POST', `/api/hoax/clusters/${id}/verdict`, verdict);
    expect(res.body.delivery).toEqual({ message: 1, template: 0, notDeliverable: 1 });
    expect(clarifications(desk, outside)).toBe(0);
    expect(service.db.prepare('SELECT status, reason FROM hoax_deliveries WHERE cluster_id = ? AND status = ?').get(id, 'not_deliverable')).toEqual({
      status: 'not_deliverable',
      reason: 'window-closed',
    });
    expect(res.body.cluster.reached).toMatchObject({ senders: 2, queued: 1, notDeliverable: 1 });

    // With the approved template, a sender outside the window gets it through the template.
    insertClarificationTemplate(service);
    const late = newCitizen();
    await forwards(service, late, otherRumour);
    closeWindow(service, late);
    const other = clusterOf(service, late);
    const second = await call(service, supervisor, 'POST', `/api/hoax/clusters/${other}/verdict`, { ...verdict, clarification: 'Bank Indonesia tidak menarik uang kertas karena corona.' });
    expect(second.body.delivery).toEqual({ message: 0, template: 1, notDeliverable: 0 });
    const template = outboxOf(service, late).at(-1)!;
    expect(template).toMatchObject({ kind: 'template', type: 'template', author: 'system' });
    const body = JSON.parse(template.body) as { template: { name: string; components: Array<{ parameters: Array<{ text: string }> }> } };
    expect(body.template.name).toBe('klarifikasi_hoaks');
    expect(body.template.components[0]!.parameters.map(p => p.text)).toEqual(['HOAKS', 'Bank Indonesia tidak menarik uang kertas karena corona.']);
  });

  it('"belum jelas" sends nothing and takes a published verdict off the bot', async () => {
    desk = await startDesk();
    const { service } = desk;
    const supervisor = await login(service, 'supervisor');
    const a = newCitizen();
    await forwards(service, a, rumour.original);
    const id = clusterOf(service, a);
    const open = await call(service, supervisor, 'POST', `/api/hoax/clusters/${id}/verdict`, { verdict: 'belum_jelas', source: 'menunggu PLN' });
    expect(open.status).toBe(200);
    expect(open.body.delivery).toBeNull();
    expect(clarifications(desk, a)).toBe(0);
    await call(service, supervisor, 'POST', `/api/hoax/clusters/${id}/verdict`, verdict);
    await call(service, supervisor, 'POST', `/api/hoax/clusters/${id}/verdict`, { verdict: 'belum_jelas' });
    expect(service.db.prepare('SELECT active FROM hoaxes WHERE id = ?').pluck().get(`desk_${id}`)).toBe(0);
    expect(count(desk, "SELECT COUNT(*) FROM content_versions WHERE kind = 'hoax' AND item_id = ?", `desk_${id}`)).toBe(2);
  });

  it('a cluster of one picture: its later senders get the clarification at once', async () => {
    desk = await startDesk();
    const { service } = desk;
    const supervisor = await login(service, 'supervisor');
    const sha = 'ZmFrZS1zdXJhdC1lZGFyYW4=';
    const a = newCitizen();
    await forwardsImage(service, a, sha);
    const id = clusterOf(service, a);
    const res = await call(service, supervisor, 'POST', `/api/hoax/clusters/${id}/verdict`, { ...verdict, verdict: 'menyesatkan' });
    expect(res.body.delivery.message).toBe(1);
    // No words for the bot's matcher, so nothing is published; intake answers instead.
    expect(res.body.cluster.verdict.publishedHoaxId).toBeNull();
    const b = newCitizen();
    await forwardsImage(service, b, sha, 'bener ta iki?');
    expect(clarifications(desk, b)).toBe(1);
    expect(outboxOf(service, b).at(-1)!.text).toContain('MENYESATKAN');
  });

  it('reaches the citizens\' phones through the Graph API, and counts delivered and read', async () => {
    desk = await startDesk({ graph: true });
    const { service, graph } = desk;
    const supervisor = await login(service, 'supervisor');
    const [a, b] = [newCitizen(), newCitizen()];
    await forwards(service, a, rumour.original);
    await forwards(service, b, rumour.greeting);
    const id = clusterOf(service, a);
    await call(service, supervisor, 'POST', `/api/hoax/clusters/${id}/verdict`, verdict);
    for (const w of [a, b]) {
      const sent = await graph!.waitFor(r => r.waId === w && r.type === 'text' && String((r.body.text as { body: string }).body).includes('sterilisasi jaringan'));
      expect(sent.waId).toBe(w);
    }
    await waitUntil(
      () => (service.db.prepare("SELECT COUNT(*) FROM hoax_deliveries d JOIN outbound_messages o ON o.id = d.outbound_id WHERE d.cluster_id = ? AND o.status = 'read'").pluck().get(id) as number) === 2,
      8000,
      'read statuses'
    );
    const detail = await call(service, supervisor, 'GET', `/api/hoax/clusters/${id}`);
    expect(detail.body.cluster.reached).toMatchObject({ senders: 2, read: 2, queued: 0, pending: 0 });
  });
});
