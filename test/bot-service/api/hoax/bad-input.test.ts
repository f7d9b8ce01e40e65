import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, clusterOf, forwards, login, newCitizen, otherRumour, rumour, startDesk, type Desk, type StaffUser } from '../../hoax/support.ts';

let desk: Desk;
let supervisor: StaffUser;
let id: number;
let merged: number;

beforeAll(async () => {
  desk = await startDesk();
  supervisor = await login(desk.service, 'supervisor');
  const [a, b] = [newCitizen(), newCitizen()];
  await forwards(desk.service, a, rumour.original);
  await forwards(desk.service, b, otherRumour);
  id = clusterOf(desk.service, a);
  merged = clusterOf(desk.service, b);
  const res = await call(desk.service, supervisor, 'POST', `/api/hoax/clusters/${id}/merge`, { clusterIds: [merged] });
  expect(res.status).toBe(200);
});
afterAll(async () => desk.close());

/** Everything a refused request must leave as it was. */
function state(): string {
  const db = desk.service.db;
  return JSON.stringify([
    db.prepare('SELECT * FROM hoax_clusters ORDER BY id').all(),
    db.prepare('SELECT id, cluster_id FROM hoax_claims ORDER BY id').all(),
    db.prepare('SELECT * FROM hoax_deliveries ORDER BY cluster_id, contact_id').all(),
    db.prepare('SELECT COUNT(*) FROM hoax_signatures').pluck().get(),
    db.prepare("SELECT id, version, active FROM hoaxes WHERE id LIKE 'desk_%'").all(),
    db.prepare('SELECT revision FROM content_state').pluck().get(),
    db.prepare('SELECT COUNT(*) FROM outbound_messages').pluck().get(),
    db.prepare("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'hoax.%'").pluck().get(),
  ]);
}

describe('api/hoax bad input', () => {
  it('answers 400 naming the field, and changes nothing', async () => {
    const cases: Array<[string, 'GET' | 'POST', string, unknown, RegExp]> = [
      ['no clarification for hoaks', 'POST', `/api/hoax/clusters/${id}/verdict`, { verdict: 'hoaks' }, /^clarification: /],
      ['blank clarification', 'POST', `/api/hoax/clusters/${id}/verdict`, { verdict: 'fakta', clarification: '   ' }, /^clarification: /],
      ['unknown verdict', 'POST', `/api/hoax/clusters/${id}/verdict`, { verdict: 'bohong', clarification: 'x' }, /^verdict: /],
      ['unknown field', 'POST', `/api/hoax/clusters/${id}/verdict`, { verdict: 'belum_jelas', note: 'x' }, /note|unrecognized/i],
      ['too long a source', 'POST', `/api/hoax/clusters/${id}/verdict`, { verdict: 'hoaks', clarification: 'x', source: 's'.repeat(501) }, /^source: /],
      ['no body', 'POST', `/api/hoax/clusters/${id}/verdict`, undefined, /^body: /],
      ['an id that is not a number', 'POST', '/api/hoax/clusters/abc/verdict', { verdict: 'belum_jelas' }, /^id: /],
      ['id zero', 'GET', '/api/hoax/clusters/0', undefined, /^id: /],
      ['a status that does not exist', 'GET', '/api/hoax/clusters?status=semua', undefined, /^status: /],
      ['too many clusters asked for', 'GET', '/api/hoax/clusters?limit=5000', undefined, /^limit: /],
      ['an unknown query parameter', 'GET', '/api/hoax/clusters?region=35.78', undefined, /region|unrecognized/i],
      ['merge of nothing', 'POST', `/api/hoax/clusters/${id}/merge`, { clusterIds: [] }, /^clusterIds: /],
      ['merge of a text id', 'POST', `/api/hoax/clusters/${id}/merge`, { clusterIds: ['2'] }, /^clusterIds\.0: /],
      ['split without claims', 'POST', `/api/hoax/clusters/${id}/split`, { claimIds: 3 }, /^claimIds: /],
    ];
    for (const [what, method, url, body, error] of cases) {
      const before = state();
      const res = await call(desk.service, supervisor, method, url, body);
      expect(res.status, what).toBe(400);
      expect(res.body.error, what).toMatch(error);
      expect(state(), what).toBe(before);
    }
  });

  it('answers 404 for a cluster that does not exist and 409 for one merged away, changing nothing', async () => {
    const before = state();
    const missing = await call(desk.service, supervisor, 'POST', '/api/hoax/clusters/424242/verdict', { verdict: 'belum_jelas' });
    expect(missing.status).toBe(404);
    expect((await call(desk.service, supervisor, 'GET', '/api/hoax/clusters/424242')).status).toBe(404);
    const gone = await call(desk.service, supervisor, 'POST', `/api/hoax/clusters/${merged}/verdict`, { verdict: 'hoaks', clarification: 'Tidak benar.' });
    expect(gone.status).toBe(409);
    expect(gone.body.error).toContain(`merged into cluster ${id}`);
    const splitGone = await call(desk.service, supervisor, 'POST', `/api/hoax/clusters/${merged}/split`, { claimIds: [1] });
    expect(splitGone.status).toBe(409);
    expect(state()).toBe(before);
  });
});
