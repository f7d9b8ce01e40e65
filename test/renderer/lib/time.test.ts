import { describe, expect, it } from 'vitest';
import { addDays, duration, wibDay, wibDayStart } from '../../../renderer/src/lib/time.ts';

describe('renderer/lib/time', () => {
  it('counts WIB days: 16:59:59 UTC is still the day, 17:00 UTC is the next', () => {
    expect(wibDay(Date.parse('2026-11-24T16:59:59Z'))).toBe('2026-11-24');
    expect(wibDay(Date.parse('2026-11-24T17:00:00Z'))).toBe('2026-11-25');
    expect(wibDayStart('2026-11-25')).toBe(Date.parse('2026-11-24T17:00:00Z'));
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('formats waits and countdowns', () => {
    expect(duration(65_000)).toBe('1:05');
    expect(duration(3 * 3_600_000 + 61_000)).toBe('3:01:01');
    expect(duration(-5)).toBe('0:00');
  });
});
