import { afterEach, describe, expect, it } from 'vitest';
import { runKillLoop } from '../../../bench/kill-loop-scenario.ts';
import { tempDir } from '../helpers.ts';
import { spawnService } from './service-process.ts';

// About 10 kills keep the suite under a minute; KILLS=100 runs the full count (bench/kill-loop.ts too).
const kills = Number(process.env.KILLS ?? 10);

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('crash/kill loop', () => {
  it(`SIGKILL at random moments, ${kills} times: every acknowledged message stored once, every reply sent, the outbox drains`, async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const seed = Math.floor(Math.random() * 2 ** 31);
    const result = await runKillLoop({ kills, dataDir: t.dir, spawn: spawnService, seed });
    // Printed so the count of duplicate replies is visible in the test output (seed to replay).
    console.info(`kill loop (seed ${seed}): ${JSON.stringify(result)}`);

    expect(result.acked).toBeGreaterThan(0);
    expect(result.lostAcked).toEqual([]);
    // Everything was delivered until acknowledged, and each wamid is one row (UNIQUE, no double insert).
    expect(result.acked).toBe(result.messages);
    expect(result.stored).toBe(result.messages);
    expect(result.redeliveries).toBeGreaterThan(0);
    expect(result.replies).toBeGreaterThan(0);
    expect(result.repliesNotSent).toBe(0);
    expect(result.undrained).toBe(0);
    expect(result.failed).toBe(0);
    // A reply goes twice only if a kill fell between its Graph call and the commit of the result:
    // at most what the sender had in flight (64) per kill.
    expect(result.duplicateReplies).toBeLessThanOrEqual(64 * kills);
  }, 30_000 + kills * 6_000);
});
