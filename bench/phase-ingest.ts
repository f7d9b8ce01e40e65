/**
 * Phases (a) and (b): requests per second of a bare node:http server and of bot-service's webhook
 * ingest, each in its own process, driven by the same load client with the same concurrency.
 * Rounds alternate a, b, a, b...; the best of each counts, since anything else running on the
 * machine can only slow a round down. After bot-service stops, its SQLite file must hold exactly
 * the messages and webhook bodies it acknowledged.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { startClient } from './client-process.ts';
import { startLeanGraph } from './lean-graph.ts';
import type { LoadClientConfig, LoadClientResult } from './load-client.ts';
import { summariseProfile, type ProfileLine } from './profile-summary.ts';
import { spawnBenchService } from './service-process.ts';
import { benchIdentity, serviceEnv, type BenchSettings } from './settings.ts';

export type IngestReport = {
  bare: LoadClientResult[];
  ingest: LoadClientResult[];
  bestBare: LoadClientResult;
  bestIngest: LoadClientResult;
  /** CPU of bot-service during its rounds, in % of one core. */
  serviceCpuPct: number;
  serviceRssMb: number;
  check: { messagesAcked: number; messagesStored: number; bodiesAcked: number; bodiesStored: number; ok: boolean };
  /** After the rounds: messages the flow engine had not handled yet, replies not yet sent. */
  backlog: { pendingMessages: number; queuedReplies: number };
  profile: { file: string; self: ProfileLine[]; inclusive: ProfileLine[] } | null;
};

async function startBare(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [new URL('./bare-server.ts', import.meta.url).pathname], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', line => resolve((JSON.parse(line) as { url: string }).url));
    child.once('exit', code => reject(new Error(`bare server exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

function best(results: LoadClientResult[]): LoadClientResult {
  return results.reduce((a, b) => (b.reqPerSec > a.reqPerSec ? b : a));
}

export async function runIngestPhase(s: BenchSettings, workDir: string, log: (line: string) => void): Promise<IngestReport> {
  const dataDir = join(workDir, 'ingest');
  const profDir = join(workDir, 'profile');
  mkdirSync(dataDir, { recursive: true });
  const graph = await startLeanGraph();
  const service = await spawnBenchService(serviceEnv(dataDir, graph.graphUrl, s.sendRate), s.profile ? { cpuProfDir: profDir } : {});
  const bare = await startBare();
  // Enough payloads for the fastest server seen here; bot-service gets what the bare one used, plus room.
  const seconds = s.ingestSeconds + s.warmupSeconds;
  const config = (url: string, runId: string, perSecond: number): LoadClientConfig => ({
    url,
    path: '/webhooks/whatsapp',
    mode: 'max',
    concurrency: s.concurrency,
    durationMs: s.ingestSeconds * 1000,
    warmupMs: s.warmupSeconds * 1000,
    prebuild: Math.round(perSecond * seconds),
    mix: {
      appSecret: benchIdentity.appSecret,
      phoneNumberId: benchIdentity.phoneNumberId,
      displayNumber: benchIdentity.displayNumber,
      citizens: s.citizens,
      runId,
      seed: runId.length * 7919 + 17,
      statusShare: s.statusShare,
      batchShare: s.batchShare,
    },
  });
  const bareResults: LoadClientResult[] = [];
  const ingestResults: LoadClientResult[] = [];
  let serviceCpuMs = 0;
  let serviceMs = 0;
  try {
    for (let round = 1; round <= s.rounds; round++) {
      const a = await (await startClient(config(bare.url, `a${round}`, 25_000))).go();
      bareResults.push(a);
      log(`  (a) round ${round}: bare node:http ${a.reqPerSec} req/s (client CPU ${a.clientCpuPct}%)`);
      const client = await startClient(config(service.url, `b${round}`, Math.max(5000, best(bareResults).reqPerSec * 1.3)));
      const cpu0 = service.cpuMs();
      const t0 = Date.now();
      const b = await client.go();
      serviceCpuMs += service.cpuMs() - cpu0;
      serviceMs += Date.now() - t0;
      ingestResults.push(b);
      log(`  (b) round ${round}: bot-service ${b.reqPerSec} req/s, p99 ${b.latencyMs.p99} ms, non-200 ${JSON.stringify(b.non200)}, errors ${b.errors}`);
    }
  } finally {
    bare.stop();
  }
  const serviceRssMb = service.rssMb();
  // What the flow engine and sender still owe right after the load (read through WAL, live).
  const live = new Database(join(dataDir, 'bot.db'), { readonly: true });
  const backlog = {
    pendingMessages: (live.prepare("SELECT COUNT(*) AS n FROM inbound_messages WHERE state = 'pending'").get() as { n: number }).n,
    queuedReplies: (live.prepare("SELECT COUNT(*) AS n FROM outbound_messages WHERE status IN ('queued', 'sending')").get() as { n: number }).n,
  };
  live.close();
  // Profiles are written on a clean exit only: give it time to finish its backlog then.
  await service.stop(s.profile ? 300_000 : 30_000);
  await graph.close();

  const db = new Database(join(dataDir, 'bot.db'), { readonly: true });
  const messagesStored = (db.prepare('SELECT COUNT(*) AS n FROM inbound_messages').get() as { n: number }).n;
  const bodiesStored = (db.prepare('SELECT COUNT(*) AS n FROM webhook_events').get() as { n: number }).n;
  db.close();
  const messagesAcked = ingestResults.reduce((n, r) => n + r.ackedMessages, 0);
  const bodiesAcked = ingestResults.reduce((n, r) => n + r.ackedRequests, 0);
  const unanswered = ingestResults.reduce((n, r) => n + r.errors, 0);

  let profile: IngestReport['profile'] = null;
  if (s.profile) {
    const file = readdirSync(profDir).find(f => f.endsWith('.cpuprofile'));
    if (file) {
      const summary = summariseProfile(join(profDir, file), 15);
      profile = { file: join(profDir, file), self: summary.self, inclusive: summary.inclusive };
    }
  }
  return {
    bare: bareResults,
    ingest: ingestResults,
    bestBare: best(bareResults),
    bestIngest: best(ingestResults),
    serviceCpuPct: serviceMs > 0 ? Math.round((serviceCpuMs / serviceMs) * 100) : 0,
    serviceRssMb,
    // A request that got no answer may or may not have been stored; with none, the counts must match exactly.
    check: {
      messagesAcked,
      messagesStored,
      bodiesAcked,
      bodiesStored,
      ok: unanswered === 0 ? messagesStored === messagesAcked && bodiesStored === bodiesAcked : messagesStored >= messagesAcked,
    },
    backlog,
    profile,
  };
}
