import { afterEach, describe, expect, it } from 'vitest';
import { notifyQueuePositions } from '../../../../bot-service/inbox/queue-notices.ts';
import { auditLines, call, citizenSays, login, newCitizen, outboxTexts, startApi, waitingConversation, type Harness } from './fixtures.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('api/inbox resolve, notes, presence, queue notices', () => {
  it('returns a resolved conversation to the bot: the citizen\'s next message gets a bot reply', async () => {
    h = await startApi();
    const { service } = h;
    const v = await login(service, 'volunteer');
    const waId = newCitizen();
    const id = await waitingConversation(service, waId);
    await call(service, v, 'POST', `/api/inbox/${id}/claim`);
    // While a volunteer holds it the bot stays quiet.
    await citizenSays(service, waId, 'apakah saya perlu tes?');
    expect(outboxTexts(service, id).some(o => o.text === 'bot: apakah saya perlu tes?')).toBe(false);

    const res = await call(service, v, 'POST', `/api/inbox/${id}/resolve`, {});
    expect(res.status).toBe(200);
    expect(res.body.conversation).toMatchObject({ state: 'bot', assignedTo: null, resolvedBy: { id: v.id } });
    expect(res.body.notified).toBe(true);
    expect(outboxTexts(service, id).at(-1)).toMatchObject({ author: 'system', text: expect.stringContaining('MENU') });
    const row = service.db.prepare('SELECT state, assigned_to, resolved_at, resolved_by, priority FROM conversations WHERE id = ?').get(id) as any;
    expect(row).toMatchObject({ state: 'bot', assigned_to: null, resolved_by: v.id, priority: 0 });
    expect(row.resolved_at).toBeTypeOf('number');

    await citizenSays(service, waId, 'terima kasih');
    expect(outboxTexts(service, id).at(-1)).toMatchObject({ author: 'bot', text: 'bot: terima kasih' });
    expect(auditLines(service, 'inbox.resolve')).toHaveLength(1);
    const resolved = service.events.readAfter(0).filter(e => e.type === 'conversation.updated' && e.data.action === 'resolved');
    expect(resolved[0]!.data).toMatchObject({ state: 'bot', resolvedBy: v.id });

    // A later handoff starts a fresh wait.
    await citizenSays(service, waId, 'relawan');
    expect(service.db.prepare('SELECT state, resolved_at FROM conversations WHERE id = ?').get(id)).toEqual({ state: 'waiting', resolved_at: null });
    expect((await call(service, v, 'POST', `/api/inbox/${id}/resolve`, { notifyCitizen: 'yes' })).status).toBe(400);
  });

  it('keeps internal notes on the conversation, visible in its details, never sent', async () => {
    h = await startApi();
    const { service } = h;
    const v = await login(service, 'volunteer', 'Ani');
    const other = await login(service, 'volunteer');
    const id = await waitingConversation(service);
    await call(service, v, 'POST', `/api/inbox/${id}/claim`);
    const sentBefore = outboxTexts(service, id).length;
    const note = await call(service, v, 'POST', `/api/inbox/${id}/notes`, { text: 'Demam 3 hari, sudah dirujuk ke puskesmas.' });
    expect(note.status).toBe(200);
    expect(note.body.note).toMatchObject({ author: { id: v.id, name: 'Ani' }, text: 'Demam 3 hari, sudah dirujuk ke puskesmas.' });
    expect((await call(service, other, 'POST', `/api/inbox/${id}/notes`, { text: 'bukan milik saya' })).status).toBe(403);
    expect((await call(service, v, 'POST', `/api/inbox/${id}/notes`, { text: '   ' })).status).toBe(400);
    const detail = await call(service, v, 'GET', `/api/conversations/${id}`);
    expect(detail.body.notes.map((n: any) => n.text)).toEqual(['Demam 3 hari, sudah dirujuk ke puskesmas.']);
    expect(outboxTexts(service, id)).toHaveLength(sentBefore);
    // Events and audit carry the note's id, not its words.
    const events = service.events.readAfter(0).filter(e => e.data.action === 'note');
    expect(events[0]!.data.noteId).toBe(note.body.note.id);
    expect(JSON.stringify(events)).not.toContain('Demam');
    expect(auditLines(service, 'inbox.note')[0]!.details).not.toContain('Demam');
  });

  it('keeps presence from heartbeats and audits only changes', async () => {
    h = await startApi();
    const { service } = h;
    const v = await login(service, 'volunteer', 'Ani');
    const first = await call(service, v, 'POST', '/api/inbox/presence', { status: 'online', capacity: 3 });
    expect(first.body).toMatchObject({ user: { id: v.id, name: 'Ani' }, status: 'online', capacity: 3, open: 0 });
    await call(service, v, 'POST', '/api/inbox/presence', { status: 'online' });
    await call(service, v, 'POST', '/api/inbox/presence', { status: 'online' });
    expect(auditLines(service, 'inbox.presence')).toHaveLength(1);
    const away = await call(service, v, 'POST', '/api/inbox/presence', { status: 'away' });
    expect(away.body).toMatchObject({ status: 'away', capacity: 3 });
    expect(auditLines(service, 'inbox.presence')).toHaveLength(2);
    const inbox = await call(service, v, 'GET', '/api/inbox');
    expect(inbox.body.me).toMatchObject({ status: 'away', capacity: 3 });
    expect(inbox.body.volunteers.map((p: any) => p.user.id)).toContain(v.id);
    expect(inbox.body.freeCapacity).toBe(0);
  });

  it('tells waiting citizens their place once the queue outgrows the online volunteers, at most once per interval', async () => {
    h = await startApi();
    const { service } = h;
    const v = await login(service, 'volunteer');
    await call(service, v, 'POST', '/api/inbox/presence', { status: 'online', capacity: 1 });
    const a = await waitingConversation(service);
    const now = Date.now();
    const every = { intervalMs: 30_000 };
    // One waiting, one free place: nothing to say.
    expect(await notifyQueuePositions(service.db, service.outbox, now, every)).toBe(0);
    const b = await waitingConversation(service);
    // Two waiting for one place, but both were just told by the bot that they are queued.
    expect(await notifyQueuePositions(service.db, service.outbox, now, every)).toBe(0);
    service.db.prepare("UPDATE conversations SET waiting_since = waiting_since - 60000 WHERE state = 'waiting'").run();
    expect(await notifyQueuePositions(service.db, service.outbox, now, every)).toBe(2);
    const notice = outboxTexts(service, b).at(-1)!;
    expect(notice.author).toBe('system');
    expect(notice.text).toContain('ke-2');
    // The reminder lists what the bot answers, from the published menu, without the volunteer row.
    expect(notice.text).toContain('*TANYA*');
    expect(notice.text).not.toContain('*RELAWAN*)');
    expect(outboxTexts(service, a).at(-1)!.text).toContain('ke-1');
    expect(await notifyQueuePositions(service.db, service.outbox, now + 10_000, every)).toBe(0);
    expect(await notifyQueuePositions(service.db, service.outbox, now + 31_000, every)).toBe(2);
    // Claiming one leaves one waiting and no free place: still more than the room.
    await call(service, v, 'POST', `/api/inbox/${a}/claim`);
    expect(await notifyQueuePositions(service.db, service.outbox, now + 62_000, every)).toBe(1);
    expect(outboxTexts(service, b).at(-1)!.text).toContain('ke-1');
  });

  it('with hundreds due, writes the notices in short transactions and lets other writes in between', async () => {
    h = await startApi();
    const { service } = h;
    // One through the pipeline, the rest written as the handoff leaves them (fast).
    const first = await waitingConversation(service);
    const now = Date.now();
    const contact = service.db.prepare('INSERT INTO contacts (wa_key, wa_id, last_inbound_ts, created_at) VALUES (?, ?, ?, ?) RETURNING id').pluck();
    const conversation = service.db
      .prepare("INSERT INTO conversations (contact_id, started_at, last_message_at, state, priority, waiting_since) VALUES (?, ?, ?, 'waiting', 10, ?) RETURNING id")
      .pluck();
    const ids = [first];
    for (let i = 0; i < 449; i++) {
      const waId = `62899${String(i).padStart(7, '0')}`;
      const c = contact.get(waId, waId, Math.floor(now / 1000), now) as number;
      ids.push(conversation.get(c, now, now, now - 3_000_000 + i) as number);
    }
    service.db.prepare("UPDATE conversations SET waiting_since = waiting_since - 3600000 WHERE id = ?").run(first);
    const running = notifyQueuePositions(service.db, service.outbox, now, { intervalMs: 60_000 });
    // The first batch is written at once; a volunteer claims the last conversation before its batch.
    service.db.prepare("UPDATE conversations SET state = 'assigned' WHERE id = ?").run(ids.at(-1));
    expect(await running).toBe(449);
    const noticed = service.db.prepare('SELECT COUNT(*) FROM conversations WHERE queue_notice_at = ?').pluck().get(now);
    expect(noticed).toBe(449);
    expect(outboxTexts(service, ids[0]!).at(-1)!.text).toContain('ke-1');
    expect(outboxTexts(service, ids[449 - 1]!).filter(t => t.author === 'system')).toHaveLength(1);
  });

  it('shows who is viewing a conversation', async () => {
    h = await startApi();
    const { service } = h;
    const a = await login(service, 'volunteer', 'Ani');
    const sup = await login(service, 'supervisor', 'Sari');
    const id = await waitingConversation(service);
    expect((await call(service, a, 'POST', `/api/conversations/${id}/viewing`, {})).body.viewers.map((x: any) => x.user.name)).toEqual(['Ani']);
    await call(service, sup, 'POST', `/api/conversations/${id}/viewing`);
    const detail = await call(service, a, 'GET', `/api/conversations/${id}`);
    expect(detail.body.viewers.map((x: any) => x.user.name)).toEqual(['Ani', 'Sari']);
    const inbox = await call(service, a, 'GET', '/api/inbox');
    expect(inbox.body.waiting[0].viewers).toHaveLength(2);
    const left = await call(service, a, 'POST', `/api/conversations/${id}/viewing`, { active: false });
    expect(left.body.viewers.map((x: any) => x.user.name)).toEqual(['Sari']);
    expect((await call(service, a, 'POST', `/api/conversations/${id}/viewing`, { active: 'no' })).status).toBe(400);
  });
});
