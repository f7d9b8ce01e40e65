import { DID_YOU_MEAN_MIN_SCORE } from '../../../../bot-service/flows/features/faq.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getContent } from '../../../../bot-service/db/queries/content.ts';
import { understandingFor } from '../../../../bot-service/flows/understanding-adapter.ts';
import { bodyText, choicesOf, createWorld, interactiveTypes, textOf, type World } from './harness.ts';

const ANSWER = (world: World, id: string): string => world.db.prepare('SELECT answer FROM faq WHERE id = ?').pluck().get(id) as string;
const CLARIFICATION = (world: World, id: string): string =>
  world.db.prepare('SELECT clarification FROM hoaxes WHERE id = ?').pluck().get(id) as string;

describe('flows/engine tanya jawab and cek hoaks', () => {
  let world: World;
  beforeEach(() => {
    world = createWorld();
  });
  afterEach(() => world.close());

  it('answers a typed question with the content\'s answer as written', () => {
    const r = world.citizen().text('gmn cara cuci tangan yg bener?');
    expect(bodyText(r.replies[0]!.body)).toContain(ANSWER(world, 'faq_cuci_tangan'));
    expect(r.signals).toEqual([{ kind: 'faq', faqId: 'faq_cuci_tangan', confident: true }]);
    expect(r.conversation?.feature).toBe('faq');
  });

  it('takes the question after tapping Tanya Jawab', () => {
    const c = world.citizen();
    const prompt = c.tap('menu:menu_tanya_jawab', 'Tanya Jawab COVID-19');
    expect(textOf(prompt)).toContain('Silakan ketik pertanyaan Anda');
    const r = c.text('sy demam batuk hrs gmn');
    expect(textOf(r)).toContain(ANSWER(world, 'faq_saya_bergejala'));
  });

  it('offers a volunteer when not confident, and hands off on the tap', () => {
    const c = world.citizen();
    const r = c.text('jadwal kereta api ke jakarta besok');
    expect(interactiveTypes(r)).toEqual(['interactive:button']);
    expect(choicesOf(r).map(b => b.id)).toEqual(['volunteer', 'main-menu']);
    const handoff = c.tap('volunteer', 'Hubungi relawan');
    expect(handoff.conversation?.handoff).toEqual({ priority: 10, reason: 'citizen-request' });
    expect(textOf(handoff)).toContain('Posisi Anda dalam antrean: ke-1.');
    expect(c.conversation.state).toBe('waiting');
  });

  it('suggests the closest question and shows it on "ya"', () => {
    // Pick a message the matcher finds close but not certain (its tuning is not this test's subject).
    const know = understandingFor(getContent(world.db));
    const tries = [
      'sabun apa yg bagus',
      'pasar buka jam berapa',
      'boleh ke pasar ga',
      'apakah boleh jalan pagi',
      'berapa harga beras di pasar',
      'kalau udah sembuh bisa kena lagi ga ya',
      'vitamin c apa bisa cegah',
      'apakah boleh olahraga di luar',
      'tes rapid bayar ga',
    ];
    const unsure = tries.find(q => {
      const m = know.match(q);
      return m !== null && m.kind === 'faq' && !m.confident && m.score >= DID_YOU_MEAN_MIN_SCORE;
    });
    expect(unsure).toBeDefined();
    const c = world.citizen();
    const r = c.text(unsure!);
    const rows = choicesOf(r);
    expect(rows.map(b => b.id.split(':')[0])).toEqual(['faq', 'volunteer', 'main-menu']);
    const faqId = rows[0]!.id.slice('faq:'.length);
    expect(textOf(r)).toContain(world.db.prepare('SELECT question FROM faq WHERE id = ?').pluck().get(faqId) as string);
    expect(r.signals).toEqual([{ kind: 'faq', faqId, confident: false }]);
    expect(textOf(c.text('iya'))).toContain(ANSWER(world, faqId));
  });

  it('"ya" to a plain volunteer offer hands off', () => {
    const c = world.citizen();
    c.text('hotline');
    expect(c.text('ya').conversation?.handoff).toEqual({ priority: 10, reason: 'citizen-request' });
  });

  it('matches a known hoax first, anywhere in free text', () => {
    const r = world.citizen().text('katanya minum air rebusan bawang putih bisa sembuhin corona, bener ga?');
    expect(textOf(r)).toContain('Hasil cek: ❌ HOAKS');
    expect(textOf(r)).toContain(CLARIFICATION(world, 'hx_bawang_putih'));
    expect(r.signals?.[0]).toMatchObject({ kind: 'hoax-claim', matchedHoaxId: 'hx_bawang_putih' });
    expect(r.conversation?.feature).toBe('hoax');
  });

  it('checks a forwarded message: a known hoax gets its verdict and clarification', () => {
    const c = world.citizen();
    c.tap('menu:menu_cek_hoaks', 'Cek Hoaks');
    const r = c.text(
      'Dijamin benar, sudah disahkan dokter Tiongkok: virus corona bertahan di tenggorokan selama 4 hari. Berkumurlah dengan air garam hangat 3 kali sehari. Viralkan!',
      { forwarded: 2 }
    );
    expect(textOf(r)).toContain(CLARIFICATION(world, 'hx_kumur_air_garam'));
    expect(r.signals).toEqual([expect.objectContaining({ kind: 'hoax-claim', matchedHoaxId: 'hx_kumur_air_garam', mediaSha256: null })]);
  });

  it('an unknown claim is told it is being checked and goes to the hoax desk', () => {
    const c = world.citizen();
    c.text('cek hoaks');
    const claim = 'BREAKING: mulai besok semua warung kopi di Lamongan wajib tutup jam 5 sore, sebarkan!';
    const r = c.text(claim);
    expect(textOf(r)).toContain('sudah kami teruskan ke tim pemeriksa fakta');
    expect(r.signals).toEqual([{ kind: 'hoax-claim', text: claim, mediaSha256: null, matchedHoaxId: null }]);
  });

  it('a forwarded picture is kept as a claim by its hash', () => {
    const r = world.citizen().send({ type: 'image', forwarded: 1, media: { kind: 'image', sha256: 'q1w2e3==', mimeType: 'image/jpeg' } });
    expect(r.signals).toEqual([{ kind: 'hoax-claim', text: null, mediaSha256: 'q1w2e3==', matchedHoaxId: null }]);
    expect(textOf(r)).toContain('tim pemeriksa fakta');
  });

  it('"cek hoaks <pesan>" checks the pasted text at once', () => {
    const r = world.citizen().text('cek hoaks menahan napas 10 detik tanpa batuk berarti bebas corona');
    expect(r.signals?.[0]).toMatchObject({ kind: 'hoax-claim', matchedHoaxId: 'hx_tahan_napas' });
  });

  it('Info Bansos shows its FAQ answer as written', () => {
    const r = world.citizen().tap('menu:menu_bansos', 'Info Bansos');
    expect(textOf(r)).toContain(ANSWER(world, 'faq_bansos'));
  });
});
