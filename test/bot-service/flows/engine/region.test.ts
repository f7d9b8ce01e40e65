import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { choicesOf, createWorld, interactiveTypes, textOf, type World } from './harness.ts';

const TUGU_PAHLAWAN = { lat: -7.2459, lon: 112.7378 };
/** In the Madura Strait, just off Surabaya's simplified coast. */
const OFF_SURABAYA = { lat: -7.19, lon: 112.8 };
const JAKARTA = { lat: -6.2, lon: 106.8 };

describe('flows/engine region', () => {
  let world: World;
  beforeEach(() => {
    world = createWorld();
  });
  afterEach(() => world.close());

  it('is asked after the first answer, never before', () => {
    const c = world.citizen();
    const menu = c.text('halo');
    expect(interactiveTypes(menu)).toEqual(['interactive:list']);
    expect(choicesOf(menu)[0]!.id).toBe('menu:menu_radar');

    const answer = c.text('apa saja gejala corona');
    expect(answer.replies).toHaveLength(2);
    expect(textOf(answer)).toContain('Gejala yang paling sering');
    const rows = choicesOf(answer);
    expect(rows).toHaveLength(10);
    expect(rows.slice(0, 9).every(r => r.id.startsWith('region:'))).toBe(true);
    expect(rows[9]).toMatchObject({ id: 'region-page:2', title: 'Lainnya ›' });
  });

  it('accepts typed names, aliases, abbreviations and typos', () => {
    const cases: Array<[string, string]> = [
      ['sby', '35.78'],
      ['Suroboyo', '35.78'],
      ['kab malang', '35.07'],
      ['sidoarjp', '35.15'],
      ['saya di gresik', '35.25'],
    ];
    for (const [typed, code] of cases) {
      const c = world.citizen();
      c.text('apa itu odp');
      const r = c.text(typed);
      expect(r.contact?.regionCode, typed).toBe(code);
      expect(r.conversation?.regionCode, typed).toBe(code);
      expect(textOf(r)).toContain('daerah Anda tercatat');
    }
  });

  it('asks back for a name shared by a kabupaten and a kota, with buttons', () => {
    const c = world.citizen();
    c.text('apa itu odp');
    const ask = c.text('malang');
    expect(interactiveTypes(ask)).toEqual(['interactive:button']);
    expect(choicesOf(ask).map(b => b.title)).toEqual(['Kab. Malang', 'Kota Malang']);
    expect(c.tap('region:35.73', 'Kota Malang').contact?.regionCode).toBe('35.73');

    const typed = world.citizen();
    typed.text('apa itu odp');
    typed.text('probolinggo');
    expect(typed.text('kabupaten').contact?.regionCode).toBe('35.13');

    const byNumber = world.citizen();
    byNumber.text('apa itu odp');
    byNumber.text('kediri');
    expect(byNumber.text('2').contact?.regionCode).toBe('35.71');

    const skipping = world.citizen();
    skipping.text('apa itu odp');
    skipping.text('blitar');
    expect(textOf(skipping.text('lewati'))).toContain('tidak apa-apa');
  });

  it('pages through all 38 regions, 9 per page plus "Lainnya"', () => {
    const c = world.citizen();
    let r = c.text('apa itu odp');
    const seen: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const rows = choicesOf(r);
      seen.push(...rows.filter(x => x.id.startsWith('region:')).map(x => x.id));
      if (page < 5) {
        expect(rows).toHaveLength(10);
        expect(rows[9]!.id).toBe(`region-page:${page + 1}`);
        r = page % 2 === 1 ? c.tap(`region-page:${page + 1}`, 'Lainnya ›') : c.text('lainnya');
      } else {
        expect(rows.map(x => x.id)).toEqual(['region:35.23', 'region:35.04', 'region-skip']);
      }
    }
    expect(new Set(seen).size).toBe(38);
    expect(seen).toHaveLength(38);
  });

  it('takes a typed row number on the page shown', () => {
    const c = world.citizen();
    c.text('apa itu odp');
    const page2 = c.tap('region-page:2', 'Lainnya ›');
    const third = choicesOf(page2)[2]!;
    expect(c.text('3').contact?.regionCode).toBe(third.id.slice('region:'.length));
  });

  it('takes a location pin: inside, just off the coast, and outside the province', () => {
    const inside = world.citizen();
    inside.text('apa itu odp');
    const r1 = inside.pin(TUGU_PAHLAWAN.lat, TUGU_PAHLAWAN.lon);
    expect(r1.contact?.regionCode).toBe('35.78');
    expect(textOf(r1)).not.toContain('sedikit di luar');

    const coast = world.citizen();
    coast.text('apa itu odp');
    const r2 = coast.pin(OFF_SURABAYA.lat, OFF_SURABAYA.lon);
    expect(r2.contact?.regionCode).toBe('35.78');
    expect(textOf(r2)).toContain('sedikit di luar batas wilayah');

    const far = world.citizen();
    far.text('apa itu odp');
    const r3 = far.pin(JAKARTA.lat, JAKARTA.lon);
    expect(r3.contact).toBeUndefined();
    expect(textOf(r3)).toContain('di luar Jawa Timur');
  });

  it('"lewati" skips, and the question never comes back', () => {
    const c = world.citizen();
    c.text('apa itu odp');
    const skip = c.text('lewati');
    expect(textOf(skip)).toContain('tidak apa-apa');
    expect(skip.contact).toBeUndefined();
    c.newConversation();
    const later = c.text('bagaimana cara cuci tangan');
    expect(later.replies).toHaveLength(1);
  });

  it('never blocks: a question after the region question is answered', () => {
    const c = world.citizen();
    c.text('apa itu odp');
    const r = c.text('gmn cara pakai masker kain');
    expect(textOf(r)).toContain('Bagaimana cara memakai dan mencuci masker kain?');
    expect(r.contact).toBeUndefined();
    // Asked once per conversation, at most twice in all.
    expect(c.text('knp hrs cuci tangan').replies).toHaveLength(1);
    c.newConversation();
    expect(c.text('apa itu psbb').replies).toHaveLength(2);
    c.newConversation();
    expect(c.text('apa itu psbb').replies).toHaveLength(1);
  });
});
