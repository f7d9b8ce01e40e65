import { describe, expect, it } from 'vitest';
import { numberFormats } from '../../../../renderer/src/screens/heatmap/format.ts';

describe('renderer/heatmap/format', () => {
  it('writes numbers the Indonesian way by default, the English way on request', () => {
    const id = numberFormats('id');
    const en = numberFormats('en');
    expect(id.count(1234567)).toBe('1.234.567');
    expect(en.count(1234567)).toBe('1,234,567');
    expect(id.change(-3)).toBe('−3');
    expect(id.change(12)).toBe('+12');
    expect(id.change(0)).toBe('0');
  });

  it('keeps small rates per 100,000 readable', () => {
    const id = numberFormats('id');
    expect(id.rate(0.04)).toBe('0,04');
    expect(id.rate(0)).toBe('0,0');
    expect(id.rate(12.345)).toBe('12,3');
    expect(id.rate(1234.5)).toBe('1.235');
  });
});
