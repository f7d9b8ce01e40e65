import { afterEach, describe, expect, it } from 'vitest';
import { getContent, getContentRevision } from '../../../../bot-service/db/queries/content.ts';
import { auditLines, call, login, startApi, waitingConversation, type Harness } from '../inbox/fixtures.ts';
import { fresh } from './samples.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const faqRow = (h: Harness, id: string) => h.service.db.prepare('SELECT question, answer, version, updated_by FROM faq WHERE id = ?').get(id);

describe('api/content drafts, publishing and history', () => {
  it('keeps a draft away from the bot until it is published, then keeps every version', async () => {
    h = await startApi();
    const { service } = h;
    const sup = await login(service, 'supervisor');
    const v = await login(service, 'volunteer');
    const revision0 = getContentRevision(service.db);

    const created = await call(service, sup, 'POST', '/api/content/faq', {
      id: 'faq_vaksin',
      data: { question: 'Apakah vaksin sudah ada?', answer: 'Belum ada vaksin.', keywords: ['Vaksin'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.item).toMatchObject({ id: 'faq_vaksin', version: 0, published: null, draft: { version: 1 } });
    expect(faqRow(h, 'faq_vaksin')).toBeUndefined();
    expect(getContentRevision(service.db)).toBe(revision0);
    // Volunteers see published items only.
    expect((await call(service, v, 'GET', '/api/content/faq/faq_vaksin')).status).toBe(404);
    expect((await call(service, v, 'GET', '/api/content/faq')).body.items.some((i: any) => i.id === 'faq_vaksin')).toBe(false);

    const first = await call(service, sup, 'POST', '/api/content/faq/faq_vaksin/publish', {});
    expect(first.status).toBe(200);
    expect(first.body.revision).toBe(revision0 + 1);
    expect(first.body.item).toMatchObject({ version: 1, draft: null, published: { answer: 'Belum ada vaksin.', keywords: ['vaksin'] } });
    expect(faqRow(h, 'faq_vaksin')).toEqual({ question: 'Apakah vaksin sudah ada?', answer: 'Belum ada vaksin.', version: 1, updated_by: `user:${sup.id}` });
    expect(getContent(service.db).faqById.get('faq_vaksin')?.keywords).toEqual(['vaksin']);

    const edit = { question: 'Apakah vaksin sudah ada?', answer: 'Vaksin sedang diuji; ikuti info resmi.', keywords: ['vaksin'] };
    expect((await call(service, sup, 'PUT', '/api/content/faq/faq_vaksin/draft', { data: edit })).body.item).toMatchObject({
      version: 1,
      published: { answer: 'Belum ada vaksin.' },
      draft: { version: 2, data: { answer: 'Vaksin sedang diuji; ikuti info resmi.' } },
    });
    expect((faqRow(h, 'faq_vaksin') as any).answer).toBe('Belum ada vaksin.');
    const second = await call(service, sup, 'POST', '/api/content/faq/faq_vaksin/publish');
    expect(second.body.item).toMatchObject({ version: 2, published: { answer: 'Vaksin sedang diuji; ikuti info resmi.' } });
    expect(getContent(service.db).faqById.get('faq_vaksin')?.answer).toBe('Vaksin sedang diuji; ikuti info resmi.');

    const history = await call(service, sup, 'GET', '/api/content/faq/faq_vaksin/versions');
    expect(history.body.versions.map((x: any) => [x.version, x.status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    expect(history.body.versions[1].data.answer).toBe('Belum ada vaksin.');
    expect(auditLines(service, 'content.publish').map(a => [a.target, JSON.parse(a.details).version])).toEqual([
      ['faq:faq_vaksin', 1],
      ['faq:faq_vaksin', 2],
    ]);
    // Nothing left to publish.
    expect((await call(service, sup, 'POST', '/api/content/faq/faq_vaksin/publish')).status).toBe(409);
    expect((await call(service, sup, 'POST', '/api/content/faq', { id: 'faq_vaksin', data: edit })).status).toBe(409);
  });

  it('refuses bad input with a 4xx naming the field, and changes nothing', async () => {
    h = await startApi();
    const { service } = h;
    const sup = await login(service, 'supervisor');
    const count = () => service.db.prepare('SELECT COUNT(*) FROM content_versions').pluck().get();
    const before = { versions: count(), revision: getContentRevision(service.db), audit: auditLines(service, 'content.create').length };
    const cases: Array<[string, string, unknown, RegExp]> = [
      ['POST', '/api/content/faq', { data: { question: 'Q?' } }, /^data\.answer: /],
      ['POST', '/api/content/faq', { data: { question: 'Q?', answer: 'A', colour: 'red' } }, /^data: /],
      ['POST', '/api/content/faq', { id: 'Bad Id!', data: { question: 'Q?', answer: 'A' } }, /^id: /],
      ['POST', '/api/content/hoaxes', { data: { claim: 'x', verdict: 'mungkin', clarification: 'y' } }, /^data\.verdict: /],
      ['POST', '/api/content/hospitals', { data: { ...fresh('hospitals'), regionCode: '35.99' } }, /regionCode: no region 35\.99/],
      ['POST', '/api/content/hospitals', { data: { ...fresh('hospitals'), lat: 3.1 } }, /^data\.lat: /],
      ['POST', '/api/content/hospitals', { id: '77', data: fresh('hospitals') }, /^id: /],
      ['POST', '/api/content/templates', { data: { name: 'halo', language: 'id', body: 'Halo {{2}}' } }, /^data\.body: /],
      ['POST', '/api/content/templates', { data: { name: 'Halo Warga', language: 'id', body: 'Halo' } }, /^data\.name: /],
      ['POST', '/api/content/canned-replies', { data: { title: '', text: 'x' } }, /^data\.title: /],
      ['PUT', '/api/content/region-figures/35.78/draft', { data: { confirmed: -1, date: '2020-05-20' } }, /^data\.confirmed: /],
      ['PUT', '/api/content/region-figures/35.78/draft', { data: { confirmed: 1, date: '2020-02-30' } }, /^data\.date: /],
      ['PUT', '/api/content/region-figures/35.78/draft', { data: { confirmed: 1, date: '2999-01-01' } }, /in the future/],
      ['PUT', '/api/content/info-updates/1/draft', { data: { date: '2020-05-01', title: 'x' } }, /^data\.body: /],
      ['PUT', '/api/content/faq/faq_anak/draft', {}, /^data: /],
    ];
    for (const [method, url, payload, error] of cases) {
      const res = await call(service, sup, method as 'POST' | 'PUT', url, payload);
      expect(res.status, `${method} ${url} ${JSON.stringify(payload)}`).toBe(400);
      expect(res.body.error).toMatch(error);
    }
    expect((await call(service, sup, 'PUT', '/api/content/faq/no_such_faq/draft', { data: { question: 'Q', answer: 'A' } })).status).toBe(404);
    expect((await call(service, sup, 'PUT', '/api/content/region-figures/35.99/draft', { data: { date: '2020-05-01' } })).status).toBe(404);
    expect((await call(service, sup, 'GET', '/api/content/recipes')).status).toBe(404);
    expect((await call(service, sup, 'DELETE', '/api/content/faq/faq_anak/draft')).status).toBe(404);
    expect({ versions: count(), revision: getContentRevision(service.db), audit: auditLines(service, 'content.create').length }).toEqual(before);
  });

  it('makes a published canned reply and an approved template usable in the inbox', async () => {
    h = await startApi();
    const { service } = h;
    const sup = await login(service, 'supervisor');
    const v = await login(service, 'volunteer', 'Ani');
    const canned = await call(service, sup, 'POST', '/api/content/canned-replies', { data: { title: 'Salam', text: 'Halo {nama}, saya {relawan}.' } });
    const cannedId = Number(canned.body.item.id);
    const id = await waitingConversation(service);
    await call(service, v, 'POST', `/api/inbox/${id}/claim`);
    // A draft cannot be sent yet.
    expect((await call(service, v, 'POST', `/api/inbox/${id}/reply`, { kind: 'canned', cannedId })).status).toBe(422);
    await call(service, sup, 'POST', `/api/content/canned-replies/${cannedId}/publish`);
    const sent = await call(service, v, 'POST', `/api/inbox/${id}/reply`, { kind: 'canned', cannedId });
    expect(sent.status).toBe(200);
    expect(sent.body.text).toBe('Halo Siti Aminah, saya Ani.');
    expect((await call(service, v, 'GET', '/api/content/canned-replies')).body.items.map((i: any) => i.id)).toEqual([String(cannedId)]);

    const t = await call(service, sup, 'POST', '/api/content/templates', { data: { name: 'kabar_relawan', language: 'id', body: 'Halo {{1}}' } });
    const templateId = Number(t.body.item.id);
    await call(service, sup, 'POST', `/api/content/templates/${templateId}/publish`);
    expect((await call(service, v, 'POST', `/api/inbox/${id}/reply`, { kind: 'template', templateId, params: ['Siti'] })).status).toBe(422);
    await call(service, sup, 'PUT', `/api/content/templates/${templateId}/draft`, { data: { name: 'kabar_relawan', language: 'id', body: 'Halo {{1}}', approved: true } });
    await call(service, sup, 'POST', `/api/content/templates/${templateId}/publish`);
    expect((await call(service, v, 'POST', `/api/inbox/${id}/reply`, { kind: 'template', templateId, params: ['Siti'] })).status).toBe(200);
    // A second template with the same name and language is refused at create time.
    const twin = await call(service, sup, 'POST', '/api/content/templates', { data: { name: 'kabar_relawan', language: 'id', body: 'Hai' } });
    expect(twin.status).toBe(400);
  });
});
