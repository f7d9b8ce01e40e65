import { describe, expect, it } from 'vitest';
import { normalisePeriod, periodDays, presetOf, presetPeriod } from '../../../../renderer/src/screens/heatmap/period.ts';

describe('renderer/heatmap/period', () => {
  const today = '2020-04-21';

  it('turns presets into WIB day ranges that end today', () => {
    expect(presetPeriod('today', today)).toEqual({ from: today, to: today });
    expect(presetPeriod('yesterday', today)).toEqual({ from: '2020-04-20', to: '2020-04-20' });
    expect(presetPeriod('last3', today)).toEqual({ from: '2020-04-19', to: today });
    expect(periodDays(presetPeriod('last7', today))).toBe(7);
    expect(periodDays(presetPeriod('last30', '2020-03-01'))).toBe(30);
  });

  it('recognises a preset, and not a custom range', () => {
    expect(presetOf({ from: '2020-04-19', to: today }, today)).toBe('last3');
    expect(presetOf({ from: '2020-04-18', to: '2020-04-19' }, today)).toBeNull();
  });

  it('keeps the ends in order and out of the future', () => {
    expect(normalisePeriod({ from: '2020-04-25', to: '2020-04-30' }, today)).toEqual({ from: today, to: today });
    expect(normalisePeriod({ from: '2020-04-10', to: '2020-04-05' }, today)).toEqual({ from: '2020-04-05', to: '2020-04-05' });
  });
});
