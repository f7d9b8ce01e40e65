/**
 * Where in the soak the replies were late: a p99 over ten minutes does not say whether every reply
 * was a little late or a few spells were very late. This splits the soak into windows (by the
 * message's commit) and says how many windows missed the floor, the worst ones, and the seconds in
 * which the webhook side acknowledged under half the rate (a stall there comes back as a burst).
 */
import { percentiles } from './load-client.ts';

export type SlowSpells = {
  windowSeconds: number;
  windows: number;
  /** Windows whose p99 is over the floor. */
  slowWindows: number;
  /** The worst windows (by p99), in soak seconds. */
  worst: Array<{ fromSecond: number; p99: number }>;
  /** Seconds in which fewer than half the rate's messages were acknowledged. */
  thinSeconds: number;
};

/** `lagAt[i]` is the lag of the message committed `committedAt[i]` ms after the soak began. */
export function slowSpells(
  committedAt: ArrayLike<number>,
  lagMs: ArrayLike<number>,
  options: { soakSeconds: number; rate: number; floorMs?: number; windowSeconds?: number }
): SlowSpells {
  const windowSeconds = options.windowSeconds ?? 10;
  const floorMs = options.floorMs ?? 100;
  const windows = Math.max(1, Math.ceil(options.soakSeconds / windowSeconds));
  const byWindow: number[][] = Array.from({ length: windows }, () => []);
  const perSecond = new Uint32Array(Math.max(1, Math.ceil(options.soakSeconds)));
  for (let i = 0; i < committedAt.length; i++) {
    const at = committedAt[i]!;
    if (at < 0 || at >= options.soakSeconds * 1000) {
      continue;
    }
    byWindow[Math.floor(at / 1000 / windowSeconds)]!.push(lagMs[i]!);
    perSecond[Math.floor(at / 1000)]!++;
  }
  const p99s = byWindow.map((lags, w) => ({ fromSecond: w * windowSeconds, p99: percentiles(Float64Array.from(lags), lags.length).p99 }));
  const thinSeconds = perSecond.reduce((n, count) => (count < options.rate / 2 ? n + 1 : n), 0);
  return {
    windowSeconds,
    windows,
    slowWindows: p99s.filter(w => w.p99 > floorMs).length,
    worst: [...p99s].sort((a, b) => b.p99 - a.p99).slice(0, 3),
    thinSeconds,
  };
}

/** "7 of 60 10-s windows over 100 ms (worst: from 120 s p99 24,528 ms, ...); 2 s acknowledging under half the rate". */
export function describeSlowSpells(s: SlowSpells, floorMs = 100): string {
  const worst = s.worst.map(w => `from ${w.fromSecond} s p99 ${Math.round(w.p99).toLocaleString('en-US')} ms`).join(', ');
  return `${s.slowWindows} of ${s.windows} ${s.windowSeconds}-s windows over ${floorMs} ms (worst: ${worst}); ${s.thinSeconds} s acknowledging under half the rate`;
}
