import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QUEUE_PLACE_LIMIT } from '../../../../bot-service/flows/handoff.ts';
import { createWorld, textOf, type World } from './harness.ts';

describe('flows/engine handoff', () => {
  let world: World;
  beforeEach(() => {
    world = createWorld();
  });
  afterEach(() => world.close());

  it('stays quiet while waiting, with an occasional reminder of the queue place', () => {
    const c = world.citizen();
    c.text('relawan');
    expect(c.conversation.state).toBe('waiting');
    const first = c.text('halo, saya mau tanya soal tes swab');
    expect(textOf(first)).toContain('Anda masih dalam antrean relawan (ke-1)');
    expect(first.conversation?.handoff).toBeUndefined();
    expect(c.text('apa gejala corona').replies).toEqual([]);
    expect(c.text('halo??').replies).toEqual([]);
    c.now += 11 * 60 * 1000;
    expect(textOf(c.text('masih lama?'))).toContain('antrean relawan');
  });

  it('counts the queue by priority, then age', () => {
    const older = world.citizen('A');
    older.text('relawan');
    const urgent = world.citizen('B');
    urgent.text('cek');
    urgent.tap('sc:q_sesak:berat');
    expect(urgent.conversation.priority).toBe(90);
    const assigned = world.citizen('C');
    assigned.text('relawan');
    assigned.setConversationState('assigned');

    const me = world.citizen('D');
    const r = me.text('relawan');
    // B (emergency) and A (older, same priority) are ahead; C is already with a volunteer.
    expect(textOf(r)).toContain('Posisi Anda dalam antrean: ke-3.');
    expect(textOf(older.text('menu'))).toContain('antrean relawan (ke-2)');
  });

  it('beyond the counted places, says how many are at least ahead instead of counting them all', () => {
    const waiting = Array.from({ length: QUEUE_PLACE_LIMIT + 2 }, (_, i) => world.citizen(`W${i}`));
    waiting.forEach(c => c.text('relawan'));
    const last = world.citizen('late');
    expect(textOf(last.text('relawan'))).toContain(`Posisi Anda dalam antrean: lebih dari ${QUEUE_PLACE_LIMIT} orang di depan Anda.`);
    expect(textOf(last.text('menu'))).toContain(`antrean relawan (lebih dari ${QUEUE_PLACE_LIMIT} orang di depan Anda)`);
    // Near the front, the place is still exact.
    expect(textOf(waiting[1]!.text('menu'))).toContain('antrean relawan (ke-2)');
  });

  it('answers "menu" and taps while waiting, and "batal" leaves the queue', () => {
    const c = world.citizen();
    c.text('relawan');
    const menu = c.text('menu');
    expect(textOf(menu)).toContain('Anda masih dalam antrean relawan');
    expect(textOf(c.tap('menu:menu_tips', 'Tips & Rekomendasi'))).toContain('Tips & Rekomendasi');
    expect(c.conversation.state).toBe('waiting');
    const cancel = c.text('batal');
    expect(cancel.conversation?.release).toEqual({ reason: 'citizen-cancelled' });
    expect(textOf(cancel)).toContain('keluar dari antrean');
    expect(c.conversation.state).toBe('bot');
    expect(c.text('apa itu odp').replies.length).toBeGreaterThan(0);
  });

  it('is silent while a volunteer has the conversation, except "menu" and "batal"', () => {
    const c = world.citizen();
    c.text('relawan');
    c.setConversationState('assigned');
    expect(c.text('terima kasih dok, saya sudah minum obat').replies).toEqual([]);
    expect(c.text('cek').replies).toEqual([]);
    expect(textOf(c.text('menu'))).toContain('terhubung dengan relawan');
    const end = c.text('batal');
    expect(textOf(end)).toContain('percakapan dengan relawan diakhiri');
    expect(end.conversation?.release).toEqual({ reason: 'citizen-cancelled' });
  });

  it('takes over again once the volunteer resolves the conversation', () => {
    const c = world.citizen();
    c.text('relawan');
    c.setConversationState('closed');
    c.newConversation();
    expect(textOf(c.text('apa itu psbb'))).toContain('PSBB');
  });
});
