/**
 * The kill loop: bot-service (a real process) is killed with SIGKILL at random moments under
 * load, many times, and restarted on the same data; what it did not acknowledge is delivered again
 * as Meta does (and some of what it did, since Meta also duplicates). At the end every
 * acknowledged message must be stored exactly once, every reply the bot decided must have reached
 * the Graph API, and the outbox must be empty. Replies that reached the Graph API twice (the same
 * outbox id, `biz_opaque_callback_data: out:<id>`) are counted: a kill between the Graph call and
 * the commit of its result sends that reply again after the restart.
 *
 * Used by test/bot-service/crash/kill-loop.test.ts (about 10 kills) and bench/kill-loop.ts (100).
 */
import type { ChildProcess } from 'node:child_process';
import { request, Agent } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createFakeGraph } from '../simulator/fake-graph.ts';
import { createMix, createRandom, type BuiltPayload } from './payloads.ts';
import { benchIdentity, serviceEnv } from './settings.ts';

export type SpawnedService = { child: ChildProcess; url: string; exited: Promise<number | null> };

export type KillLoopOptions = {
  kills: number;
  dataDir: string;
  /** Starts `node bot-service/main.ts` with this environment and resolves once it listens. */
  spawn: (env: Record<string, string>) => Promise<SpawnedService>;
  /** New webhook bodies per round (besides the redeliveries). */
  newPerRound?: number;
  /** Requests in flight at once, as Meta's delivery does. */
  concurrency?: number;
  /** The kill falls this many ms after the round's load starts (uniformly random in between). */
  killAfterMs?: [number, number];
  seed?: number;
  log?: (line: string) => void;
};

export type KillLoopResult = {
  kills: number;
  /** Different messages delivered, acknowledged at least once, and stored. */
  messages: number;
  acked: number;
  stored: number;
  /** Acknowledged messages missing from the database (must be none). */
  lostAcked: string[];
  /** Requests sent again: unacknowledged ones and deliberate duplicates of acknowledged ones. */
  redeliveries: number;
  /** Replies the bot decided (outbox rows of kind message), those never sent, those sent twice or more. */
  replies: number;
  repliesNotSent: number;
  duplicateReplies: number;
  /** Outbox rows still queued or sending, messages still pending, rows failed, at the end. */
  undrained: number;
  failed: number;
  seconds: number;
};

type Item = { payload: BuiltPayload; acked: boolean; sends: number };

function post(agent: Agent, url: URL, p: BuiltPayload): Promise<number | null> {
  return new Promise(resolve => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: '/webhooks/whatsapp',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': p.body.length, 'x-hub-signature-256': p.signature },
      },
      res => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? null));
        res.once('error', () => resolve(null));
      }
    );
    req.once('error', () => resolve(null));
    req.end(p.body);
  });
}

/** Delivers `items` concurrently until done or until the service dies; marks the acknowledged ones. */
async function deliver(url: string, items: Item[], concurrency: number, dead: () => boolean): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !dead()) {
      const item = items[next++]!;
      item.sends++;
      const status = await post(agent, target, item.payload);
      if (status === 200) {
        item.acked = true;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

export async function runKillLoop(o: KillLoopOptions): Promise<KillLoopResult> {
  const started = Date.now();
  const log = o.log ?? (() => {});
  const random = createRandom(o.seed ?? Date.now());
  const [killMin, killMax] = o.killAfterMs ?? [50, 1500];
  const concurrency = o.concurrency ?? 16;
  const graph = createFakeGraph({ accessToken: benchIdentity.accessToken, phoneNumberId: benchIdentity.phoneNumberId });
  const { graphUrl } = await graph.listen({ host: '127.0.0.1', port: 0 });
  const env = serviceEnv(o.dataDir, graphUrl, 2000);
  const mix = createMix({
    appSecret: benchIdentity.appSecret,
    phoneNumberId: benchIdentity.phoneNumberId,
    displayNumber: benchIdentity.displayNumber,
    citizens: 300,
    runId: `kill${(o.seed ?? 0).toString(36)}`,
    seed: o.seed ?? 7,
    statusShare: 0,
    batchShare: 0.1,
  });
  const items: Item[] = [];
  let running: SpawnedService | null = null;
  try {
    for (let round = 1; round <= o.kills + 1; round++) {
      const last = round === o.kills + 1;
      for (let i = 0; i < (last ? 0 : (o.newPerRound ?? 80)); i++) {
        items.push({ payload: mix.next(), acked: false, sends: 0 });
      }
      const service = await o.spawn(env);
      running = service;
      let dead = false;
      void service.exited.then(() => {
        dead = true;
      });
      // Meta redelivers what we did not acknowledge, and now and then what we did.
      const batch = items.filter(it => !it.acked || random() < 0.03);
      if (last) {
        for (let attempt = 0; attempt < 5 && items.some(it => !it.acked); attempt++) {
          await deliver(service.url, items.filter(it => !it.acked), concurrency, () => dead);
        }
      } else {
        const killAt = killMin + random() * (killMax - killMin);
        const timer = setTimeout(() => service.child.kill('SIGKILL'), killAt);
        await deliver(service.url, batch, concurrency, () => dead);
        // The kill may fall after the load: then it hits the flow engine or the sender.
        await service.exited;
        clearTimeout(timer);
        log(`  kill ${round}/${o.kills} after ${Math.round(killAt)} ms: ${items.filter(it => it.acked).length}/${items.length} bodies acknowledged`);
      }
    }
    // Wait for the last instance to handle and send everything it owes.
    const db = new Database(join(o.dataDir, 'bot.db'), { readonly: true });
    const owed = () =>
      (db.prepare(
        "SELECT (SELECT COUNT(*) FROM inbound_messages WHERE state = 'pending') + (SELECT COUNT(*) FROM outbound_messages WHERE status IN ('queued', 'sending')) AS n"
      ).get() as { n: number }).n;
    const deadline = Date.now() + 60_000;
    while (owed() > 0 && Date.now() < deadline) {
      await sleep(100);
    }
    const undrained = owed();
    const storedRows = db.prepare('SELECT wamid FROM inbound_messages').all() as Array<{ wamid: string }>;
    const stored = new Set(storedRows.map(r => r.wamid));
    const decided = db.prepare("SELECT id FROM outbound_messages WHERE kind = 'message'").all() as Array<{ id: number }>;
    const failed = (db.prepare("SELECT COUNT(*) AS n FROM outbound_messages WHERE status = 'failed'").get() as { n: number }).n;
    db.close();

    const sendsPerId = new Map<string, number>();
    for (const s of graph.sent) {
      const id = String(s.body.biz_opaque_callback_data);
      sendsPerId.set(id, (sendsPerId.get(id) ?? 0) + 1);
    }
    const ackedWamids = items.filter(it => it.acked).flatMap(it => it.payload.wamids);
    return {
      kills: o.kills,
      messages: items.reduce((n, it) => n + it.payload.wamids.length, 0),
      acked: ackedWamids.length,
      stored: storedRows.length,
      lostAcked: ackedWamids.filter(w => !stored.has(w)),
      redeliveries: items.reduce((n, it) => n + Math.max(0, it.sends - 1), 0),
      replies: decided.length,
      repliesNotSent: decided.filter(d => !sendsPerId.has(`out:${d.id}`)).length,
      duplicateReplies: [...sendsPerId.values()].reduce((n, c) => n + (c - 1), 0),
      undrained,
      failed,
      seconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    if (running && running.child.exitCode === null) {
      running.child.kill('SIGTERM');
      await running.exited;
    }
    await graph.close();
  }
}
