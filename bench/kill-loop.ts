/**
 * `node bench/kill-loop.ts [kills]`: the kill loop at full count (100 kills by default, or KILLS):
 * SIGKILL bot-service at random moments under load, restart, redeliver, check, and print how many
 * replies reached the Graph API twice. Exits 1 if a check fails (a lost message, an unsent reply,
 * an outbox that does not drain).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runKillLoop } from './kill-loop-scenario.ts';
import { spawnBenchService } from './service-process.ts';

const kills = Number(process.argv[2] ?? process.env.KILLS ?? 100);
const dataDir = mkdtempSync(join(tmpdir(), 'jatim-kill-loop-'));
const seed = Number(process.env.SEED ?? Math.floor(Math.random() * 2 ** 31));
process.stdout.write(`kill loop: ${kills} kills, seed ${seed}, data in ${dataDir}\n`);
try {
  const r = await runKillLoop({ kills, dataDir, seed, spawn: env => spawnBenchService(env), log: line => process.stdout.write(line + '\n') });
  const ok = r.lostAcked.length === 0 && r.stored === r.messages && r.repliesNotSent === 0 && r.undrained === 0 && r.failed === 0;
  process.stdout.write(
    [
      '',
      `messages delivered ${r.messages}, acknowledged ${r.acked}, stored ${r.stored}, lost after acknowledgement ${r.lostAcked.length}`,
      `redeliveries ${r.redeliveries}; replies decided ${r.replies}, never sent ${r.repliesNotSent}, failed ${r.failed}, outbox left ${r.undrained}`,
      `checks: ${ok ? 'ok' : 'FAILED'} (${r.seconds} s)`,
      `duplicate replies in ${r.kills} kills: ${r.duplicateReplies}`,
    ].join('\n') + '\n'
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
