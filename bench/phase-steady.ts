/**
 * Phases (c) and (e) in one run: bot-service with many contacts stored (1 million by default)
 * takes a steady 1,000 messages a second for the soak (ten minutes in the full run).
 *
 * (c) For each message's first reply: the Graph API call's arrival (recorded by the bench's fake
 *     Graph) minus the message's commit (`received_at`: when its webhook was acknowledged), and
 *     the reply decision time (the outbox row's `created_at` minus the same commit time).
 *     The load runs for a warm-up first (BENCH_STEADY_WARMUP_SECONDS) at the same rate; messages
 *     committed during it are reported apart, as the warm-up, and are not in the soak's figures.
 * (e) bot-service's resident memory: idle with the contacts, then through the soak.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startClient } from './client-process.ts';
import { startLeanGraph } from './lean-graph.ts';
import { percentiles, type LoadClientResult } from './load-client.ts';
import { seedContacts } from './seed-contacts.ts';
import { spawnBenchService } from './service-process.ts';
import { benchIdentity, serviceEnv, type BenchSettings } from './settings.ts';
import { describeSlowSpells, slowSpells, type SlowSpells } from './slow-spells.ts';

export type Quantiles = { p50: number; p90: number; p99: number; max: number };

export type SteadyReport = {
  contacts: number;
  seedMs: number;
  client: LoadClientResult;
  /** Commit -> Graph API call of the first reply, whole soak and by thirds of it. */
  commitToGraph: Quantiles;
  /** The same for messages committed during the warm-up (not counted above). */
  warmupToGraph: Quantiles;
  commitToGraphByThird: Quantiles[];
  /** Windows of the soak whose replies missed the floor, and stalls of the webhook side. */
  slowSpells: SlowSpells;
  /** Commit -> reply row created (the decision). */
  decision: Quantiles;
  messagesStored: number;
  messagesAcked: number;
  replies: number;
  repliesSent: number;
  /** Seconds after the load until everything owed was handled and sent (or the wait gave up at 60 s). */
  drainSeconds: number;
  /** Messages not yet handled and outbox rows not yet sent when the wait ended. */
  owedAfterDrain: number;
  /** 'killed' when it was still working through its backlog 30 s after SIGTERM. */
  stopped: 'stopped' | 'killed';
  rss: { idleMb: number; startMb: number; middleMb: number; endMb: number; maxMb: number };
  serviceCpuPct: number;
};

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

export async function runSteadyPhase(s: BenchSettings, workDir: string, log: (line: string) => void): Promise<SteadyReport> {
  const dataDir = join(workDir, 'steady');
  mkdirSync(dataDir, { recursive: true });
  const dbFile = join(dataDir, 'bot.db');
  const seedMs = seedContacts(dbFile, s.contacts);
  log(`  stored ${s.contacts} contacts in ${(seedMs / 1000).toFixed(1)} s`);
  const graph = await startLeanGraph();
  const service = await spawnBenchService(serviceEnv(dataDir, graph.graphUrl, s.sendRate), s.profile ? { cpuProfDir: join(workDir, 'profile-steady') } : {});
  await sleep(2000);
  const idleMb = service.rssMb();
  const client = await startClient({
    url: service.url,
    path: '/webhooks/whatsapp',
    mode: 'rate',
    rate: s.steadyRate,
    concurrency: 512,
    durationMs: (s.steadyWarmupSeconds + s.soakSeconds) * 1000,
    mix: {
      appSecret: benchIdentity.appSecret,
      phoneNumberId: benchIdentity.phoneNumberId,
      displayNumber: benchIdentity.displayNumber,
      citizens: s.contacts,
      runId: 'steady',
      seed: 4242,
      statusShare: 0,
      batchShare: 0,
    },
  });
  const samples: Array<{ at: number; rss: number }> = [];
  const loadStarted = Date.now();
  const t0 = loadStarted + s.steadyWarmupSeconds * 1000; // the soak starts after the warm-up
  let cpu0 = service.cpuMs();
  setTimeout(() => {
    cpu0 = service.cpuMs();
  }, t0 - loadStarted);
  const sampler = setInterval(() => {
    if (Date.now() >= t0) {
      samples.push({ at: Date.now() - t0, rss: service.rssMb() });
    }
  }, 1000);
  const progress = setInterval(() => {
    const last = samples[samples.length - 1];
    log(`    ${Math.round((Date.now() - t0) / 1000)} s: RSS ${last?.rss ?? 0} MB, Graph calls ${graph.counts().sends} replies + ${graph.counts().reads} reads`);
  }, 60_000);
  const result = await client.go();
  const loadMs = Math.max(1, Date.now() - t0);
  const serviceCpuPct = Math.round(((service.cpuMs() - cpu0) / loadMs) * 100);
  clearInterval(progress);

  // Let it finish what it owes, so late replies are counted as late, not as missing.
  const live = new Database(dbFile, { readonly: true });
  const owed = () =>
    (live.prepare(
      "SELECT (SELECT COUNT(*) FROM inbound_messages WHERE state = 'pending') + (SELECT COUNT(*) FROM outbound_messages WHERE status IN ('queued', 'sending')) AS n"
    ).get() as { n: number }).n;
  const drainStarted = Date.now();
  while (owed() > 0 && Date.now() - drainStarted < 60_000) {
    await sleep(250);
  }
  const drainSeconds = Math.round((Date.now() - drainStarted) / 100) / 10;
  const owedAfterDrain = owed();
  live.close();
  clearInterval(sampler);
  const stopped = await service.stop(s.profile ? 300_000 : 30_000);

  const db = new Database(dbFile, { readonly: true });
  const maxInbound = (db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM inbound_messages').get() as { n: number }).n;
  const receivedAt = new Float64Array(maxInbound + 1);
  for (const r of db.prepare('SELECT id, received_at FROM inbound_messages').iterate() as Iterable<{ id: number; received_at: number }>) {
    receivedAt[r.id] = r.received_at;
  }
  const seen = new Uint8Array(maxInbound + 1);
  const toGraph: number[] = [];
  const warmupToGraph: number[] = [];
  const decisions: number[] = [];
  const byThird: number[][] = [[], [], []];
  const soakCommittedAt: number[] = [];
  let replies = 0;
  let repliesSent = 0;
  const rows = db
    .prepare("SELECT id, in_reply_to, created_at FROM outbound_messages WHERE kind = 'message' AND in_reply_to IS NOT NULL ORDER BY id")
    .iterate() as Iterable<{ id: number; in_reply_to: number; created_at: number }>;
  for (const o of rows) {
    if (seen[o.in_reply_to] === 1) {
      continue;
    }
    seen[o.in_reply_to] = 1;
    replies++;
    const committed = receivedAt[o.in_reply_to]!;
    const arrived = graph.arrivalOf(o.id);
    if (arrived > 0) {
      repliesSent++;
    }
    if (committed < t0) {
      if (arrived > 0) {
        warmupToGraph.push(arrived - committed);
      }
      continue;
    }
    decisions.push(o.created_at - committed);
    if (arrived > 0) {
      toGraph.push(arrived - committed);
      soakCommittedAt.push(committed - t0);
      const third = Math.min(2, Math.floor(((committed - t0) / (s.soakSeconds * 1000)) * 3));
      byThird[Math.max(0, third)]!.push(arrived - committed);
    }
  }
  const messagesStored = (db.prepare('SELECT COUNT(*) AS n FROM inbound_messages').get() as { n: number }).n;
  db.close();
  await graph.close();

  const q = (values: number[]): Quantiles => percentiles(Float64Array.from(values), values.length);
  const rssAt = (fraction: number): number => {
    const at = fraction * s.soakSeconds * 1000;
    const sample = samples.reduce((a, b) => (Math.abs(b.at - at) < Math.abs(a.at - at) ? b : a), samples[0] ?? { at: 0, rss: 0 });
    return sample.rss;
  };
  // Said now as well as in the final table: a long run stopped during a later phase keeps this.
  const toGraphQ = q(toGraph);
  const warmupQ = q(warmupToGraph);
  const decisionQ = q(decisions);
  const spells = slowSpells(soakCommittedAt, toGraph, { soakSeconds: s.soakSeconds, rate: s.steadyRate });
  log(`  ${describeSlowSpells(spells)}`);
  log(
    `  commit -> Graph call p50 ${toGraphQ.p50} ms, p99 ${toGraphQ.p99} ms (warm-up, not counted: p50 ${warmupQ.p50} ms, p99 ${warmupQ.p99} ms); ` +
      `decided p50 ${decisionQ.p50} ms, p99 ${decisionQ.p99} ms; replies reaching Graph ${repliesSent}/${replies}; RSS ${rssAt(0.1)} / ${rssAt(0.5)} / ${rssAt(1)} MB`
  );
  return {
    contacts: s.contacts,
    seedMs,
    client: result,
    commitToGraph: toGraphQ,
    warmupToGraph: warmupQ,
    commitToGraphByThird: byThird.map(q),
    slowSpells: spells,
    decision: decisionQ,
    messagesStored,
    messagesAcked: result.ackedMessages,
    replies,
    repliesSent,
    drainSeconds,
    owedAfterDrain,
    stopped,
    rss: {
      idleMb,
      startMb: rssAt(0.1),
      middleMb: rssAt(0.5),
      endMb: rssAt(1),
      maxMb: samples.reduce((m, x) => Math.max(m, x.rss), 0),
    },
    serviceCpuPct,
  };
}
