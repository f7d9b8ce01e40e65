import { describe, expect, it } from 'vitest';
import { colorAt, luminance, makeColorScale, NO_DATA_COLOR, RAMP } from '../../../../renderer/src/screens/heatmap/scale.ts';

describe('renderer/heatmap/scale', () => {
  it('gets darker as the value grows, strictly', () => {
    const scale = makeColorScale([0, 3, 10, 250, 4000]);
    // 8-bit colour resolves about 1/300 of the ramp: steps smaller than that may share a colour.
    const values = [0, 1, 2, 3, 10, 50, 250, 1000, 3800, 4000];
    const lum = values.map(v => luminance(scale.color(v)));
    for (let i = 1; i < lum.length; i++) expect(lum[i]!, `value ${values[i]}`).toBeLessThan(lum[i - 1]!);
  });

  it('spans the ramp from 0 to the largest value and clamps past it', () => {
    const scale = makeColorScale([5, 20]);
    expect(scale.max).toBe(20);
    expect(scale.color(0)).toBe(RAMP[0]);
    expect(scale.color(20)).toBe(RAMP[RAMP.length - 1]);
    expect(scale.color(40)).toBe(RAMP[RAMP.length - 1]);
    expect(scale.ticks).toEqual([0, 1.3, 5, 11, 20]);
    expect(scale.position(5)).toBeCloseTo(0.5);
    expect(scale.position(80)).toBe(1);
  });

  it('gives whole, distinct legend ticks for small counts', () => {
    expect(makeColorScale([3, 1], { integer: true }).ticks).toEqual([0, 1, 2, 3]);
    expect(makeColorScale([1], { integer: true }).ticks).toEqual([0, 1]);
    expect(makeColorScale([12_345], { integer: true }).ticks).toEqual([0, 770, 3100, 6900, 12_345]);
  });

  it('marks missing values apart from zero, and copes with all zeros', () => {
    const scale = makeColorScale([0, 0]);
    expect(scale.color(null)).toBe(NO_DATA_COLOR);
    expect(scale.color(undefined)).toBe(NO_DATA_COLOR);
    expect(scale.color(0)).toBe(RAMP[0]);
    expect(scale.ticks).toEqual([0]);
  });

  it('interpolates between stops', () => {
    expect(colorAt(0)).toBe('#ffffcc');
    expect(colorAt(1)).toBe('#800026');
    expect(colorAt(0.5)).toBe(RAMP[4]);
    expect(colorAt(-1)).toBe('#ffffcc');
    expect(colorAt(Number.NaN)).toBe('#ffffcc');
  });
});
