import { describe, expect, it } from 'vitest';
import {
  colloquialVariants,
  foldText,
  normalizeText,
  stemKey,
  tokenize,
} from '../../../../bot-service/flows/understanding/normalize.ts';

describe('understanding/normalize', () => {
  it('folds case, accents, emoji and punctuation', () => {
    expect(foldText('Tolonggg!!! 🙏 Apakah café-nya BUKA??')).toBe('tolong apakah cafe nya buka');
    expect(foldText('  ')).toBe('');
  });

  it('undoes reduplication written with 2 or a hyphen, but keeps codes like co2 and 5g', () => {
    expect(tokenize('anak2 dan paru-paru')).toEqual(['anak', 'dan', 'paru']);
    expect(tokenize('keracunan co2 dari 5g')).toEqual(['keracunan', 'co2', 'dari', '5g']);
  });

  it('joins compound spellings, hyphenated affixes and money amounts', () => {
    expect(tokenize('COVID-19')).toEqual(['covid']);
    expect(tokenize('meng-covid-kan pasien')).toEqual(['mengcovidkan', 'pasien']);
    expect(tokenize('bantuan Rp600.000')).toEqual(['bantuan', '600rb']);
    expect(tokenize('600 ribu')).toEqual(['600rb']);
  });

  it('maps chat abbreviations and Javanese words to Indonesian', () => {
    expect(normalizeText('gmn sy hrs tes yg bnr?')).toBe('bagaimana saya harus tes yang benar');
    expect(normalizeText('knp gk bs dmn')).toBe('kenapa tidak bisa di mana');
    expect(normalizeText('piye carane, aku ora iso mulih nang omah')).toBe('bagaimana carane saya tidak bisa pulang di rumah');
    expect(normalizeText('wes ono obate durung?')).toBe('sudah ono obate belum');
  });

  it('gives one spelling to variants of the same word', () => {
    expect(tokenize('korona corona kopid')).toEqual(['covid']);
    expect(tokenize('nafas sholat')).toEqual(['napas', 'salat']);
  });

  it('is safe with words that are names of object properties', () => {
    expect(tokenize('constructor toString __proto__')).toEqual(['constructor', 'tostring', 'proto']);
  });

  it('stems affixed Indonesian words to a shared key', () => {
    const key = stemKey('tular');
    for (const w of ['menular', 'tertular', 'penularan', 'menularkan', 'ketularan']) expect(stemKey(w)).toBe(key);
    expect(stemKey('kesehatan')).toBe('sehat');
    expect(stemKey('membunuh')).toBe('bunuh');
    expect(stemKey('menyembuhkan')).toBe('sembuh');
  });

  it('keeps roots that only look affixed', () => {
    expect(stemKey('makanan')).toBe('makan');
    expect(stemKey('makan')).toBe('makan');
    expect(stemKey('memakai')).toBe('pakai');
    expect(stemKey('tangan')).toBe('tangan');
    expect(stemKey('covid19')).toBe('covid19');
  });

  it('proposes standard forms of colloquial morphology', () => {
    expect(colloquialVariants('nyuci')).toContain('cuci');
    expect(colloquialVariants('nularin')).toContain('nularkan');
    expect(colloquialVariants('obate')).toContain('obat');
    expect(colloquialVariants('nahan')).toContain('tahan');
    expect(colloquialVariants('masks')).toContain('mask');
  });
});
