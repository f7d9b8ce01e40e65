import { afterEach, describe, expect, it } from 'vitest';
import { getContentRevision } from '../../../../bot-service/db/queries/content.ts';
import { createFlowEngine } from '../../../../bot-service/flows/engine.ts';
import { auditLines, call, citizenSays, login, newCitizen, startApi, type Harness } from '../inbox/fixtures.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const figures = (h: Harness, code: string) =>
  h.service.db.prepare('SELECT confirmed, recovered, deaths, odp, pdp, zone, figures_date FROM regions WHERE code = ?').get(code);

/** The bot's latest text to the citizen. */
const lastReply = (h: Harness, waId: string): string =>
  h.service.db
    .prepare(
      "SELECT o.text FROM outbound_messages o JOIN contacts c ON c.id = o.contact_id WHERE c.wa_key = ? AND o.kind = 'message' ORDER BY o.id DESC LIMIT 1"
    )
    .pluck()
    .get(waId) as string;

describe('api/content region figures import and the bot', () => {
  it('imports the daily CSV all or nothing, listing every bad row', async () => {
    h = await startApi();
    const { service } = h;
    const sup = await login(service, 'supervisor');
    const revision = getContentRevision(service.db);
    const untouched = figures(h, '35.78');
    const bad = [
      'code,name,confirmed,recovered,deaths,odp,pdp,zone,date',
      '35.78,Kota Surabaya,1200,300,90,800,150,merah,2020-05-20',
      '35.99,Nowhere,1,1,1,1,1,hijau,2020-05-20',
      '35.15,Kab. Sidoarjo,-4,1,1,1,1,kuning,2020-05-20',
      '35.25,Kab. Gresik,10,1,1,1,1,ungu,2020-05-20',
      '35.07,Kab. Malang,1.5,1,1,1,1,hijau,2020-13-01',
      '35.78,Kota Surabaya,1,1,1,1,1,merah,2020-05-20',
    ].join('\n');
    const refused = await call(service, sup, 'POST', '/api/content/region-figures/import', { csv: bad });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/5 bad rows, nothing imported \(ignored columns: name\)/);
    expect(refused.body.rows.map((r: any) => [r.row, r.code])).toEqual([
      [2, '35.99'],
      [3, '35.15'],
      [4, '35.25'],
      [5, '35.07'],
      [6, '35.78'],
    ]);
    expect(refused.body.rows[1].errors).toEqual(['confirmed: must not be negative']);
    expect(refused.body.rows[3].errors).toHaveLength(2);
    expect(refused.body.rows[4].errors).toEqual(['code: 35.78 appears twice']);
    expect(figures(h, '35.78')).toEqual(untouched);
    expect(getContentRevision(service.db)).toBe(revision);
    expect(service.db.prepare("SELECT COUNT(*) FROM content_versions WHERE kind = 'region_figures'").pluck().get()).toBe(0);

    for (const csv of ['confirmed,date\n1,2020-05-20', 'code,confirmed\n35.78,1', 'code,date\n35.78,2020-05-20', 'code,confirmed,date\n', 'code,confirmed,date\n35.78,1,2999-01-01']) {
      expect((await call(service, sup, 'POST', '/api/content/region-figures/import', { csv })).status, csv).toBe(400);
    }
    expect((await call(service, sup, 'POST', '/api/content/region-figures/import', { csv: '' })).status).toBe(400);
    expect((await call(service, sup, 'POST', '/api/content/region-figures/import', { text: 'x' })).status).toBe(400);
    expect(getContentRevision(service.db)).toBe(revision);

    const before = await call(service, sup, 'GET', '/api/content/region-figures/35.78');
    expect(before.body.item).toMatchObject({ id: '35.78', version: 0, published: null, draft: null });

    const good = 'Code,Confirmed,Recovered,Deaths,ODP,PDP,Zone,Date\r\n35.78,1200,300,90,800,150,Merah,2020-05-20\r\n\r\n35.15,400,,20,,,oranye,2020-05-20\r\n';
    const ok = await call(service, sup, 'POST', '/api/content/region-figures/import', { csv: good });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ imported: 2, regions: ['35.78', '35.15'], revision: revision + 1 });
    expect(figures(h, '35.78')).toEqual({ confirmed: 1200, recovered: 300, deaths: 90, odp: 800, pdp: 150, zone: 'merah', figures_date: '2020-05-20' });
    expect(figures(h, '35.15')).toEqual({ confirmed: 400, recovered: null, deaths: 20, odp: null, pdp: null, zone: 'oranye', figures_date: '2020-05-20' });
    const item = await call(service, sup, 'GET', '/api/content/region-figures/35.78');
    expect(item.body.item).toMatchObject({ version: 1, published: { confirmed: 1200, zone: 'merah' } });
    expect(JSON.parse(auditLines(service, 'content.import')[0]!.details)).toEqual({ rows: 2, revision: revision + 1 });

    // The next day's import supersedes it and keeps the history.
    await call(service, sup, 'POST', '/api/content/region-figures/import', { csv: 'code,confirmed,date\n35.78,1250,2020-05-21' });
    const history = await call(service, sup, 'GET', '/api/content/region-figures/35.78/versions');
    expect(history.body.versions.map((v: any) => [v.version, v.status, v.data.confirmed])).toEqual([
      [2, 'published', 1250],
      [1, 'superseded', 1200],
    ]);
  });

  it('shows published content in the bot\'s very next reply', async () => {
    h = await startApi({ engine: createFlowEngine() });
    const { service } = h;
    const sup = await login(service, 'supervisor');
    const waId = newCitizen();
    await citizenSays(service, waId, 'surabaya');

    await call(service, sup, 'POST', '/api/content/region-figures/import', { csv: 'code,confirmed,recovered,deaths,zone,date\n35.78,77,33,11,merah,2020-05-20' });
    await citizenSays(service, waId, 'radar surabaya');
    const radar = lastReply(h, waId);
    expect(radar).toContain('77');
    expect(radar).toContain('33');

    const body = 'Mulai 25 Mei 2020 pasar tradisional di Surabaya buka pukul 05.00–13.00 dengan protokol kesehatan.';
    const created = await call(service, sup, 'POST', '/api/content/info-updates', { data: { date: '2020-05-25', title: 'Jam buka pasar', body } });
    await citizenSays(service, waId, 'info');
    expect(lastReply(h, waId)).not.toContain(body);
    await call(service, sup, 'POST', `/api/content/info-updates/${created.body.item.id}/publish`);
    await citizenSays(service, waId, 'info');
    expect(lastReply(h, waId)).toContain(body);
  });
});
