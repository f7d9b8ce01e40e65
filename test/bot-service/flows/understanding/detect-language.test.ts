import { describe, expect, it } from 'vitest';
import { detectLanguage, languageRequest } from '../../../../bot-service/flows/understanding/detect-language.ts';
import * as understanding from '../../../../bot-service/flows/understanding/index.ts';

describe('understanding/detect-language', () => {
  it.each([
    ['What are the symptoms of corona?', 'en'],
    ['How do I wash my hands properly', 'en'],
    ['apa saja gejala corona?', 'id'],
    ['gmn cara isolasi mandiri yg bener', 'id'],
    ['piye carane wisuh tangan', 'id'],
    ['corona', null],
    ['', null],
  ] as const)('%j -> %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('recognises explicit requests to switch language', () => {
    expect(languageRequest('english')).toBe('en');
    expect(languageRequest('Bahasa Inggris dong')).toBe('en');
    expect(languageRequest('in english please')).toBe('en');
    expect(languageRequest('bahasa indonesia')).toBe('id');
    expect(languageRequest('apa bahasa inggrisnya masker, saya mau belajar kosakata baru hari ini')).toBeNull();
    expect(languageRequest('halo')).toBeNull();
  });

  it('is re-exported with the rest of the public API', () => {
    for (const name of [
      'createMatcher', 'createRegionIndex', 'createSelfCheck', 'detectLanguage', 'loadReferenceData', 'nearestHospitals',
      'normalizeText', 'parseCsv', 'regionAtPoint', 'resolveRegionText',
    ]) {
      expect(typeof (understanding as Record<string, unknown>)[name]).toBe('function');
    }
  });
});
