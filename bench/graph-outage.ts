/**
 * `node bench/graph-outage.ts`: the Graph API down for ten minutes at full length (the test
 * test/bot-service/degradation/graph-outage.test.ts runs a few seconds of it).
 *
 * bot-service (a real process) takes OUTAGE_RATE messages a second (default 50) while every Graph
 * call fails (HTTP 503, Meta's code 2) for OUTAGE_SECONDS (default 600); then the Graph API comes
 * back. Printed: webhooks acknowledged during the outage, the outbox at its largest, how long the
 * drain took, the busiest second of Graph calls against WA_SEND_RATE (OUTAGE_SEND_RATE, default
 * 80), and whether anything was lost or failed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startClient } from './client-process.ts';
import { startLeanGraph } from './lean-graph.ts';
import { spawnBenchService } from './service-process.ts';
import { benchIdentity, serviceEnv } from './settings.ts';

const outageSeconds = Number(process.env.OUTAGE_SECONDS ?? 600);
const rate = Number(process.env.OUTAGE_RATE ?? 50);
const sendRate = Number(process.env.OUTAGE_SEND_RATE ?? 80);
const log = (line: string) => process.stdout.write(line + '\n');
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

const dataDir = mkdtempSync(join(tmpdir(), 'jatim-outage-'));
const graph = await startLeanGraph();
const service = await spawnBenchService(serviceEnv(dataDir, graph.graphUrl, sendRate));
const db = new Database(join(dataDir, 'bot.db'), { readonly: true });
const owed = () => (db.prepare("SELECT COUNT(*) AS n FROM outbound_messages WHERE status IN ('queued', 'sending')").get() as { n: number }).n;
try {
  log(`Graph API down for ${outageSeconds} s while ${rate} messages/s arrive; WA_SEND_RATE ${sendRate}`);
  graph.setDown(true);
  const client = await startClient({
    url: service.url,
    path: '/webhooks/whatsapp',
    mode: 'rate',
    rate,
    concurrency: 64,
    durationMs: outageSeconds * 1000,
    mix: {
      appSecret: benchIdentity.appSecret,
      phoneNumberId: benchIdentity.phoneNumberId,
      displayNumber: benchIdentity.displayNumber,
      citizens: 20_000,
      runId: 'outage',
      statusShare: 0,
      batchShare: 0,
    },
  });
  const result = await client.go();
  const largest = owed();
  log(`  outage over: ${result.ackedMessages} messages acknowledged (non-200: ${JSON.stringify(result.non200)}, no answer: ${result.errors}), outbox owes ${largest}, refused Graph calls ${graph.counts().refused}`);

  graph.setDown(false);
  const upAt = Date.now();
  const perSecond: number[] = [];
  let last = graph.counts().sends + graph.counts().reads;
  while (owed() > 0 && Date.now() - upAt < (outageSeconds + 120) * 1000) {
    await sleep(1000);
    const now = graph.counts().sends + graph.counts().reads;
    perSecond.push(now - last);
    last = now;
  }
  const drainSeconds = (Date.now() - upAt) / 1000;
  await sleep(500);
  await service.stop();
  const stored = (db.prepare('SELECT COUNT(*) AS n FROM inbound_messages').get() as { n: number }).n;
  const pending = (db.prepare("SELECT COUNT(*) AS n FROM inbound_messages WHERE state = 'pending'").get() as { n: number }).n;
  const failed = (db.prepare("SELECT COUNT(*) AS n FROM outbound_messages WHERE status = 'failed'").get() as { n: number }).n;
  const left = owed();
  const busiest = Math.max(0, ...perSecond);
  const sorted = [...perSecond].filter(x => x > 0).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  log(`  drained in ${drainSeconds.toFixed(1)} s: Graph calls per second median ${median}, busiest ${busiest} (WA_SEND_RATE ${sendRate}, bucket burst ${sendRate})`);
  log(`  stored ${stored}/${result.ackedMessages} acknowledged, unhandled ${pending}, outbox left ${left}, failed ${failed}, replies sent twice ${graph.duplicates()}`);
  const ok = stored === result.ackedMessages && pending === 0 && left === 0 && failed === 0 && busiest <= 2 * sendRate;
  log(`graph outage ${outageSeconds} s: ${ok ? 'ok' : 'FAILED'}, outbox peak ${largest}, drain ${drainSeconds.toFixed(1)} s`);
  process.exitCode = ok ? 0 : 1;
} finally {
  db.close();
  await service.kill();
  await graph.close();
  rmSync(dataDir, { recursive: true, force: true });
}
