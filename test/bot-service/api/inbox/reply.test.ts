import { afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../../graph-harness.ts';
import {
  auditLines,
  call,
  insertCanned,
  insertTemplate,
  login,
  newCitizen,
  outboxTexts,
  startApi,
  waitingConversation,
  type Harness,
} from './fixtures.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Moves the citizen's last message 25 hours into the past: the 24-hour window is closed. */
function closeWindow(h: Harness, conversationId: number): void {
  h.service.db
    .prepare('UPDATE contacts SET last_inbound_ts = ? WHERE id = (SELECT contact_id FROM conversations WHERE id = ?)')
    .run(Math.floor(Date.now() / 1000) - 25 * 3600, conversationId);
}

describe('api/inbox reply', () => {
  it('sends a free-text reply inside the window through the Graph API, and shows its delivery status', async () => {
    h = await startApi({ graph: true });
    const { service, graph } = h;
    const v = await login(service, 'volunteer', 'Ani');
    const waId = newCitizen();
    const id = await waitingConversation(service, waId);
    await call(service, v, 'POST', `/api/inbox/${id}/claim`);
    const res = await call(service, v, 'POST', `/api/inbox/${id}/reply`, { kind: 'text', text: 'Halo, saya Ani. Ada yang bisa dibantu?' });
    expect(res.status).toBe(200);
    expect(res.body.outboundIds).toHaveLength(1);
    const sent = await graph!.waitFor(r => r.type === 'text' && (r.body.text as any).body === 'Halo, saya Ani. Ada yang bisa dibantu?');
    expect(sent.waId).toBe(waId);
    // Status webhooks come back from the fake Graph API; the transcript shows them.
    await waitUntil(() => service.db.prepare('SELECT status FROM outbound_messages WHERE id = ?').pluck().get(res.body.outboundIds[0]) === 'read', 5000, 'read status');
    const detail = await call(service, v, 'GET', `/api/conversations/${id}`);
    const out = detail.body.transcript.find((t: any) => t.direction === 'out' && t.id === res.body.outboundIds[0]);
    expect(out).toMatchObject({ author: 'user', user: { id: v.id, name: 'Ani' }, status: 'read' });
    expect(out.deliveredAt).toBeTypeOf('number');
    expect(detail.body.conversation.firstReplyAt).toBeTypeOf('number');
    expect(JSON.parse(auditLines(service, 'inbox.reply')[0]!.details)).toMatchObject({ kind: 'text', outboundIds: res.body.outboundIds });
    // The audit line names ids, never the words.
    expect(auditLines(service, 'inbox.reply')[0]!.details).not.toContain('Halo');
  });

  it('refuses free-form replies outside the window, and sends an approved template there', async () => {
    h = await startApi({ graph: true });
    const { service, graph } = h;
    const v = await login(service, 'volunteer');
    const id = await waitingConversation(service);
    await call(service, v, 'POST', `/api/inbox/${id}/claim`);
    closeWindow(h, id);
    const before = outboxTexts(service, id).length;

    const text = await call(service, v, 'POST', `/api/inbox/${id}/reply`, { kind: 'text', text: 'Masih di sana?' });
    expect(text.status).toBe(409);
    expect(text.body.error).toMatch(/24-hour/);
    const cannedId = insertCanned(service, 'Halo {nama}');
    expect((await call(service, v, 'POST', `/api/inbox/${id}/reply`, { kind: 'canned', cannedId })).status).toBe(409);
    const unapproved = insertTemplate(service, { name: 'tindak_lanjut_draft', body: 'Halo {{1}}', approved: false });
    const refused = await call(service, v, 'POST', `/api/inbox/${id}/reply`, { kind: 'template', templateId: unapproved, params: ['Siti'] });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatch(/not approved/);
    expect(outboxTexts(service, id)).toHaveLength(before);
    expect(auditLines(service, 'inbox.reply')).toHaveLength(0);

    const templateId = insertTemplate(service, { name: 'tindak_lanjut', body: 'Halo {{1}}, relawan kami ingin menanyakan kabar Anda. {{2}}', approved: true });
    const wrongCount = await call(service, v, 'POST', `/api/inbox/${id}/reply`, { kind: 'template', templateId, params: ['Siti'] });
    expect(wrongCount.status).toBe(422);
    const ok = await call(service, v, 'POST', `/api/inbox/${id}/reply`, { kind: 'template', templateId, params: ['Siti', 'Balas pesan ini.'] });
    expect(ok.status).toBe(200);
    expect(ok.body.text).toBe('Halo Siti, relawan kami ingin menanyakan kabar Anda. Balas pesan ini.');
    const sent = await graph!.waitFor(r => r.type === 'template');
    expect(sent.body.template).toMatchObject({
      name: 'tindak_lanjut',
      language: { code: 'id' },
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'Siti' }, { type: 'text', text: 'Balas pesan ini.' }] }],
    });
    const bad = await call(service, v, 'POST', `/api/inbox/${id}/reply`, { kind: 'template', templateId, params: ['a\nb', 'c'] });
    expect(bad.status).toBe(400);
  });

  it('fills a canned reply\'s variables, and asks for the ones it cannot fill', async () => {
    h = await startApi();
    const { service } = h;
    const v = await login(service, 'volunteer', 'Ani');
    const id = await waitingConversation(service, newCitizen(), 'relawan surabaya');
    await call(service, v, 'POST', `/api/inbox/${id}/claim`);
    const cannedId = insertCanned(service, 'Halo {nama}, saya {relawan}, relawan untuk {wilayah}. Jadwal: {jadwal}');
    const missing = await call(service, v, 'POST', `/api/inbox/${id}/reply`, { kind: 'canned', cannedId });
    expect(missing.status).toBe(422);
    expect(missing.body.error).toBe('variables: the canned reply needs {jadwal}');
    const ok = await call(service, v, 'POST', `/api/inbox/${id}/reply`, { kind: 'canned', cannedId, variables: { jadwal: 'besok pagi' } });
    expect(ok.status).toBe(200);
    expect(ok.body.text).toBe('Halo Siti Aminah, saya Ani, relawan untuk Kota Surabaya. Jadwal: besok pagi');
    expect(outboxTexts(service, id).at(-1)).toEqual({ text: ok.body.text, author: `user:${v.id}`, kind: 'message' });
    const unknown = await call(service, v, 'POST', `/api/inbox/${id}/reply`, { kind: 'canned', cannedId: 999_999 });
    expect(unknown.status).toBe(422);
  });

  it('sends an FAQ answer and hospital details as published', async () => {
    h = await startApi();
    const { service } = h;
    const v = await login(service, 'volunteer');
    const id = await waitingConversation(service);
    await call(service, v, 'POST', `/api/inbox/${id}/claim`);
    const faq = service.db.prepare('SELECT id, question, answer FROM faq WHERE active = 1 ORDER BY position LIMIT 1').get() as {
      id: string;
      question: string;
      answer: string;
    };
    const a = await call(service, v, 'POST', `/api/inbox/${id}/reply`, { kind: 'faq', faqId: faq.id });
    expect(a.status).toBe(200);
    expect(a.body.text).toBe(`*${faq.question}*\n\n${faq.answer}`);
    const hospital = service.db.prepare('SELECT id, name, address FROM hospitals WHERE id = 1').get() as { id: number; name: string; address: string };
    const b = await call(service, v, 'POST', `/api/inbox/${id}/reply`, { kind: 'hospital', hospitalId: hospital.id });
    expect(b.status).toBe(200);
    expect(b.body.text).toContain(hospital.name);
    expect(b.body.text).toContain(hospital.address);
    expect((await call(service, v, 'POST', `/api/inbox/${id}/reply`, { kind: 'faq', faqId: 'no-such-faq' })).status).toBe(422);
    // Only the first reply stamps the first-reply time.
    const firsts = service.events.readAfter(0).filter(e => e.type === 'conversation.updated' && e.data.action === 'first-reply');
    expect(firsts).toHaveLength(1);
  });

  it('lets only the holder (or a supervisor) reply, and only once claimed', async () => {
    h = await startApi();
    const { service } = h;
    const holder = await login(service, 'volunteer');
    const other = await login(service, 'volunteer');
    const sup = await login(service, 'supervisor');
    const id = await waitingConversation(service);
    const early = await call(service, holder, 'POST', `/api/inbox/${id}/reply`, { kind: 'text', text: 'x' });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatch(/claim it first/);
    await call(service, holder, 'POST', `/api/inbox/${id}/claim`);
    expect((await call(service, other, 'POST', `/api/inbox/${id}/reply`, { kind: 'text', text: 'x' })).status).toBe(403);
    expect((await call(service, sup, 'POST', `/api/inbox/${id}/reply`, { kind: 'text', text: 'Supervisor di sini.' })).status).toBe(200);
    for (const body of [{ kind: 'text', text: '' }, { kind: 'text', text: 'x'.repeat(4097) }, { kind: 'video' }, { kind: 'canned' }, {}]) {
      const res = await call(service, holder, 'POST', `/api/inbox/${id}/reply`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(outboxTexts(service, id).filter(o => o.author.startsWith('user:'))).toHaveLength(1);
  });
});
