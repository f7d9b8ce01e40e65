import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { choicesOf, createWorld, interactiveTypes, textOf, type World } from './harness.ts';

describe('flows/engine menu', () => {
  let world: World;
  beforeEach(() => {
    world = createWorld();
  });
  afterEach(() => world.close());

  it('answers a greeting with the menu as one list message of at most 10 rows', () => {
    const c = world.citizen();
    const r = c.text('Assalamualaikum');
    expect(interactiveTypes(r)).toEqual(['interactive:list']);
    const rows = choicesOf(r);
    expect(rows).toHaveLength(10);
    expect(rows.map(x => x.title)).toContain('Radar COVID-19');
    expect(rows.map(x => x.title)).toContain('Info Terkini');
    expect(textOf(r)).toContain('1. Radar COVID-19 (ketik *RADAR*)');
    expect(r.conversation?.feature).toBe('menu');
  });

  it('carries the privacy notice with the first reply only', () => {
    const c = world.citizen();
    expect(textOf(c.text('halo'))).toContain('HAPUS DATA SAYA');
    expect(textOf(c.text('menu'))).not.toContain('HAPUS DATA SAYA');
  });

  it('opens the same item by tap, by number, by keyword and by the row title', () => {
    const byTap = world.citizen().tap('menu:menu_tips', 'Tips & Rekomendasi');
    const byNumber = world.citizen().text('5');
    const byKeyword = world.citizen().text('TIPS');
    const byTitle = world.citizen().text('tips & rekomendasi');
    for (const r of [byTap, byNumber, byKeyword, byTitle]) {
      expect(r.conversation?.feature).toBe('tips');
      expect(textOf(r)).toContain('*Cuci tangan pakai sabun*');
    }
  });

  it('reaches every menu row by tap and by its keyword', () => {
    const rows: Array<[string, string, string]> = [
      ['menu_radar', 'radar', 'radar'],
      ['menu_data', 'data', 'data'],
      ['menu_tanya_jawab', 'tanya', 'faq'],
      ['menu_cek_mandiri', 'cek mandiri', 'selfcheck'],
      ['menu_tips', 'tips', 'tips'],
      ['menu_cek_hoaks', 'cek hoaks', 'hoax'],
      ['menu_rs_rujukan', 'rs rujukan', 'hospital'],
      ['menu_relawan', 'relawan', 'hotline'],
      ['menu_bansos', 'bansos', 'faq'],
      ['menu_info', 'info', 'info'],
    ];
    for (const [id, keyword, feature] of rows) {
      expect(world.citizen().tap(`menu:${id}`).conversation?.feature, id).toBe(feature);
      expect(world.citizen().text(keyword.toUpperCase()).conversation?.feature, keyword).toBe(feature);
    }
  });

  it('reaches every menu row by its number', () => {
    const expected = ['radar', 'data', 'faq', 'selfcheck', 'tips', 'hoax', 'hospital', 'hotline', 'faq', 'info'];
    expected.forEach((feature, i) => {
      const r = world.citizen().text(String(i + 1));
      expect(r.conversation?.feature, `menu ${i + 1}`).toBe(feature);
    });
  });

  it('"hapus data saya" asks for erasure and confirms it (not answered as a question)', () => {
    const r = world.citizen().text('Hapus data saya');
    expect(textOf(r)).toContain('akan dihapus');
    expect(r.eraseRequested).toBe(true);
    expect(r.signals).toBeUndefined();
  });

  it('thanks are acknowledged, not sent to a volunteer', () => {
    const c = world.citizen();
    c.text('halo');
    const r = c.text('makasih min');
    expect(textOf(r)).toContain('Sama-sama');
    expect(r.conversation?.handoff).toBeUndefined();
  });
});
