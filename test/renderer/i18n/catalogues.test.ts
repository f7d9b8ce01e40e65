import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en.ts';
import { id } from '../../../renderer/src/i18n/id.ts';
import { format } from '../../../renderer/src/i18n/index.tsx';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();

describe('renderer/i18n', () => {
  it('has the same keys in Indonesian and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const [key, text] of [...Object.entries(id), ...Object.entries(en)]) expect(text.trim(), key).not.toBe('');
  });

  it('uses the same {placeholders} in both languages', () => {
    for (const key of Object.keys(id) as Array<keyof typeof id>) expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{count} warga menunggu', { count: 3 })).toBe('3 warga menunggu');
    expect(format('Halo {nama}', {})).toBe('Halo {nama}');
  });
});
