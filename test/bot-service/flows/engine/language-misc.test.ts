import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishInfoUpdate } from '../../../../bot-service/db/queries/content.ts';
import { bodyText, choicesOf, createWorld, textOf, type World } from './harness.ts';

describe('flows/engine language', () => {
  let world: World;
  beforeEach(() => {
    world = createWorld();
  });
  afterEach(() => world.close());

  it('switches to English on request and back on "indonesia"', () => {
    const c = world.citizen();
    const en = c.text('bahasa inggris');
    expect(en.contact?.language).toBe('en');
    expect(choicesOf(en).map(r => r.title)).toContain('COVID-19 Radar');
    const faq = c.text('apa itu odp');
    const english = world.db.prepare("SELECT answer_en FROM faq WHERE id = 'faq_odp_pdp_otg'").pluck().get() as string;
    expect(bodyText(faq.replies[0]!.body)).toContain(english);
    const back = c.text('indonesia');
    expect(back.contact?.language).toBe('id');
    expect(choicesOf(back).map(r => r.title)).toContain('Radar COVID-19');
  });

  it('answers in English when the citizen clearly writes English', () => {
    const c = world.citizen();
    const r = c.text('what should I do if my mother has a fever?');
    expect(r.contact?.language).toBe('en');
    expect(textOf(r)).toContain('Type *MENU*');
    // Short or mixed messages keep the language.
    expect(c.text('ok data').contact).toBeUndefined();
  });

  it('shows Indonesian-only content to English readers with a note', () => {
    const c = world.citizen();
    c.language = 'en';
    const r = c.text('cek hoaks minum air rebusan bawang putih sembuh corona');
    expect(textOf(r)).toContain('(Clarification available in Indonesian only.)');
    expect(textOf(r)).toContain('HOAKS. Tidak ada bukti air rebusan bawang putih');
  });
});

describe('flows/engine other features and message types', () => {
  let world: World;
  beforeEach(() => {
    world = createWorld();
  });
  afterEach(() => world.close());

  it('shows the latest published info terkini, with its date', () => {
    publishInfoUpdate(world.db, { date: '2020-04-28', title: 'PSBB Surabaya Raya dimulai', body: 'PSBB berlaku di Surabaya, Sidoarjo, dan Gresik mulai 28 April 2020.' }, 'user:2');
    const r = world.citizen().tap('menu:menu_info', 'Info Terkini');
    expect(textOf(r)).toContain('Info Terkini* (28 April 2020)');
    expect(textOf(r)).toContain('PSBB berlaku di Surabaya, Sidoarjo, dan Gresik mulai 28 April 2020.');
  });

  it('lists the hotlines with a volunteer button', () => {
    const r = world.citizen().text('hotline');
    expect(textOf(r)).toContain('*119 ext. 9*');
    expect(choicesOf(r).map(b => b.id)).toEqual(['volunteer', 'main-menu']);
  });

  it('the Relawan row hands off at once with the numbers and the queue place', () => {
    const r = world.citizen().tap('menu:menu_relawan', 'Ngobrol dengan Relawan');
    expect(r.conversation?.handoff).toEqual({ priority: 10, reason: 'citizen-request' });
    expect(textOf(r)).toContain('Posisi Anda dalam antrean: ke-1.');
    expect(textOf(r)).toContain('0813-3436-7800');
  });

  it('answers stickers, voice notes and unsupported messages with a short hint', () => {
    for (const type of ['sticker', 'audio', 'unsupported', 'contacts']) {
      const media = type === 'sticker' || type === 'audio' ? { kind: type, sha256: 'abc=', mimeType: null } : null;
      const r = world.citizen().send({ type, media });
      expect(r.replies, type).toHaveLength(1);
      expect(textOf(r)).toContain('hanya bisa membaca pesan teks dan lokasi');
      expect(r.signals).toBeUndefined();
    }
  });

  it('never answers a reaction', () => {
    const c = world.citizen();
    c.text('halo');
    expect(c.send({ type: 'reaction', text: '👍' }).replies).toEqual([]);
  });

  it('reads a picture\'s caption as text', () => {
    const r = world.citizen().send({ type: 'image', text: 'apa itu odp?', media: { kind: 'image', sha256: 'x=', mimeType: 'image/jpeg' } });
    expect(textOf(r)).toContain('Apa arti ODP, PDP, dan OTG?');
  });

  it('recovers from a flow state it cannot read', () => {
    const c = world.citizen();
    c.flowState = { v: 99, pending: 'garbage' };
    expect(textOf(c.text('tips'))).toContain('Tips & Rekomendasi');
    c.flowState = '{not json';
    expect(textOf(c.text('tips'))).toContain('Tips & Rekomendasi');
  });
});
