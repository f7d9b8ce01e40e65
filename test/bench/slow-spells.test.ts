import { describe, expect, it } from 'vitest';
import { describeSlowSpells, slowSpells } from '../../bench/slow-spells.ts';

describe('bench/slow spells', () => {
  it('finds the windows that missed the floor and the seconds the webhook side went thin', () => {
    // 60 s at 100 msg/s: 10-ms lags, except 20-30 s (2 s lags); second 45 acknowledged only 10 messages.
    const committedAt: number[] = [];
    const lag: number[] = [];
    for (let second = 0; second < 60; second++) {
      const count = second === 45 ? 10 : 100;
      for (let i = 0; i < count; i++) {
        committedAt.push(second * 1000 + (i * 1000) / count);
        lag.push(second >= 20 && second < 30 ? 2000 : 10);
      }
    }
    committedAt.push(-5, 60_000); // the warm-up and after the soak: not counted
    lag.push(99_999, 99_999);
    const s = slowSpells(committedAt, lag, { soakSeconds: 60, rate: 100 });
    expect(s).toMatchObject({ windows: 6, slowWindows: 1, thinSeconds: 1 });
    expect(s.worst[0]).toEqual({ fromSecond: 20, p99: 2000 });
    expect(describeSlowSpells(s)).toBe('1 of 6 10-s windows over 100 ms (worst: from 20 s p99 2,000 ms, from 0 s p99 10 ms, from 10 s p99 10 ms); 1 s acknowledging under half the rate');
  });
});
