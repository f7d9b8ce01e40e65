import { describe, expect, it } from 'vitest';
import { maskPhone } from '../../../../bot-service/api/phone.ts';

describe('api/phone maskPhone', () => {
  it('keeps the country and operator prefix and the last three digits', () => {
    expect(maskPhone('6281234567001')).toBe('62812•••••001');
    expect(maskPhone('628123456789012')).toBe('62812•••••••012');
  });

  it('masks a business-scoped user id the same way', () => {
    const masked = maskPhone('ID.1234567890ABCDEF');
    expect(masked).toBe('ID.12' + '•'.repeat(11) + 'DEF');
    expect(masked).not.toContain('67890');
  });

  it('keeps less of short values and shows erased contacts as such', () => {
    expect(maskPhone('1234567')).toBe('12•••67');
    expect(maskPhone('1234')).toBe('••••');
    expect(maskPhone('')).toBe('');
    expect(maskPhone('erased.0f1e2d3c')).toBe('(dihapus)');
  });
});
