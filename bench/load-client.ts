/**
 * The lean load generator, run as its own process (`fork`), so it never shares a core's time
 * with the server it measures.
 *
 * It builds its signed payloads before the measured window, then only writes pre-built bytes over
 * keep-alive sockets (node:http, one request in flight per socket, like Meta). Two modes: `max`
 * (closed loop: as fast as the server answers, for requests per second) and `rate` (open loop:
 * a steady number of requests per second, for latency under a fixed load). It counts the 200s
 * and the messages they acknowledged and sends the result to the parent as one JSON message.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createMix, type BuiltPayload, type MixOptions } from './payloads.ts';

export type LoadClientConfig = {
  /** Base URL of the server, e.g. http://127.0.0.1:8080 */
  url: string;
  path: string;
  mode: 'max' | 'rate';
  /** Sockets (requests in flight at most). */
  concurrency: number;
  /** Measured window. */
  durationMs: number;
  /** `max`: load before the measured window, not counted in the rate (JIT, caches, WAL warm). */
  warmupMs?: number;
  /** `rate`: requests per second. */
  rate?: number;
  /** `max`: payloads to build ahead; the run ends early if they run out. */
  prebuild?: number;
  mix: MixOptions;
};

export type LoadClientResult = {
  mode: 'max' | 'rate';
  /** Requests answered 200 in the measured window, per second. */
  reqPerSec: number;
  windowMs: number;
  sent: number;
  ok: number;
  /** Status code -> count for answers other than 200. */
  non200: Record<string, number>;
  /** Requests that got no answer (reset, refused). */
  errors: number;
  /** Over the whole run (warm-up included): what the server acknowledged. */
  ackedRequests: number;
  ackedMessages: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** CPU the client used in the window, in % of one core: near 100 means the client was the limit. */
  clientCpuPct: number;
  /** `max`: true when the pre-built payloads ran out before the window ended. */
  ranOut: boolean;
  /** `rate`: requests that could not leave on time because every socket was busy. */
  late: number;
};

type Prepared = { payload: BuiltPayload; headers: Record<string, string> };

function prepare(payload: BuiltPayload): Prepared {
  return {
    payload,
    headers: {
      'content-type': 'application/json',
      'content-length': String(payload.body.length),
      'x-hub-signature-256': payload.signature,
      'user-agent': 'facebookexternalua',
    },
  };
}

/** Percentiles of the first `n` values (sorted in place). */
export function percentiles(values: Float64Array, n: number): { p50: number; p90: number; p99: number; max: number } {
  if (n === 0) {
    return { p50: 0, p90: 0, p99: 0, max: 0 };
  }
  const sorted = values.subarray(0, n).sort();
  const at = (q: number): number => round(sorted[Math.min(n - 1, Math.floor(q * n))]!);
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: round(sorted[n - 1]!) };
}

const round = (x: number): number => Math.round(x * 100) / 100;

/**
 * Prepares one load according to `config` (builds the payloads now), then `run()` measures.
 * Usable in-process too.
 */
export function createLoad(config: LoadClientConfig): { run(): Promise<LoadClientResult> } {
  const target = new URL(config.url);
  const agent = new Agent({ keepAlive: true, maxSockets: config.concurrency, maxFreeSockets: config.concurrency });
  const mix = createMix(config.mix);
  const warmupMs = config.mode === 'max' ? (config.warmupMs ?? 0) : 0;
  let latencies = new Float64Array(1 << 16);
  let latencyCount = 0;
  const result: LoadClientResult = {
    mode: config.mode,
    reqPerSec: 0,
    windowMs: 0,
    sent: 0,
    ok: 0,
    non200: {},
    errors: 0,
    ackedRequests: 0,
    ackedMessages: 0,
    latencyMs: { p50: 0, p90: 0, p99: 0, max: 0 },
    clientCpuPct: 0,
    ranOut: false,
    late: 0,
  };

  // Build everything for `max` before the clock starts; `rate` builds a second ahead instead.
  const queue: Prepared[] = [];
  if (config.mode === 'max') {
    const n = config.prebuild ?? 100_000;
    for (let i = 0; i < n; i++) {
      queue.push(prepare(mix.next()));
    }
  }

  let inFlight = 0;
  let windowStart = 0;
  let windowEnd = Infinity;
  let stopping = false;
  let okInWindow = 0;
  let onDrained: (() => void) | null = null;

  const finished = (prepared: Prepared, started: number, status: number | null): void => {
    inFlight--;
    const now = performance.now();
    if (status === 200) {
      result.ackedRequests++;
      result.ackedMessages += prepared.payload.messages;
      if (now >= windowStart && now <= windowEnd) {
        okInWindow++;
        if (latencyCount === latencies.length) {
          const bigger = new Float64Array(latencies.length * 2);
          bigger.set(latencies);
          latencies = bigger;
        }
        latencies[latencyCount++] = now - started;
      }
    } else if (status === null) {
      result.errors++;
    } else {
      result.non200[status] = (result.non200[status] ?? 0) + 1;
    }
    if (inFlight === 0 && stopping && onDrained) {
      onDrained();
    }
  };

  const send = (prepared: Prepared, then: () => void): void => {
    inFlight++;
    result.sent++;
    const started = performance.now();
    const req = request(
      { host: target.hostname, port: target.port, path: config.path, method: 'POST', agent, headers: prepared.headers },
      res => {
        res.resume();
        res.once('end', () => {
          finished(prepared, started, res.statusCode ?? 0);
          then();
        });
      }
    );
    req.once('error', () => {
      finished(prepared, started, null);
      then();
    });
    req.end(prepared.payload.body);
  };

  const runMax = async (): Promise<void> => {
    let next = 0;
    const loop = (): void => {
      if (stopping) {
        return;
      }
      if (performance.now() >= windowEnd) {
        stopping = true;
        return;
      }
      if (next >= queue.length) {
        result.ranOut = true;
        stopping = true;
        return;
      }
      send(queue[next++]!, loop);
    };
    await new Promise<void>(resolve => {
      onDrained = resolve;
      for (let i = 0; i < config.concurrency; i++) {
        loop();
      }
      if (inFlight === 0) {
        resolve();
      }
    });
    if (result.ranOut) {
      windowEnd = Math.min(windowEnd, performance.now());
    }
  };

  const runRate = async (t0: number): Promise<void> => {
    const rate = config.rate ?? 1000;
    let issued = 0;
    let head = 0;
    // About a second of payloads ahead; the consumed front is dropped now and then, not per request.
    const refill = (): void => {
      if (head > rate) {
        queue.splice(0, head);
        head = 0;
      }
      while (queue.length - head < rate) {
        queue.push(prepare(mix.next()));
      }
    };
    refill();
    const builder = setInterval(refill, 200);
    await new Promise<void>(resolve => {
      const tick = setInterval(() => {
        const elapsed = performance.now() - t0;
        if (elapsed >= config.durationMs) {
          clearInterval(tick);
          clearInterval(builder);
          stopping = true;
          onDrained = resolve;
          if (inFlight === 0) {
            resolve();
          }
          return;
        }
        const due = Math.floor((elapsed * rate) / 1000) - issued;
        for (let i = 0; i < due; i++) {
          if (inFlight >= config.concurrency) {
            result.late++;
          }
          issued++;
          send(head < queue.length ? queue[head++]! : prepare(mix.next()), () => {});
        }
      }, 1);
    });
  };

  return {
    async run() {
      const t0 = performance.now();
      windowStart = t0 + warmupMs;
      windowEnd = windowStart + config.durationMs;
      let cpuAtStart = process.cpuUsage();
      const cpuTimer = setTimeout(() => (cpuAtStart = process.cpuUsage()), warmupMs);
      if (config.mode === 'max') {
        await runMax();
      } else {
        await runRate(t0);
      }
      clearTimeout(cpuTimer);
      const cpu = process.cpuUsage(cpuAtStart);
      const end = Math.min(windowEnd, performance.now());
      result.windowMs = Math.round(end - windowStart);
      result.reqPerSec = Math.round((okInWindow / (end - windowStart)) * 1000);
      result.ok = okInWindow;
      result.latencyMs = percentiles(latencies, latencyCount);
      result.clientCpuPct = Math.round(((cpu.user + cpu.system) / 1000 / (end - windowStart)) * 100);
      agent.destroy();
      return result;
    },
  };
}

/** Builds and runs one load in this process. */
export function runLoad(config: LoadClientConfig): Promise<LoadClientResult> {
  return createLoad(config).run();
}

// As a child process: build on 'config' and say ready, run on 'go', send the result.
if (process.send !== undefined && import.meta.filename === process.argv[1]) {
  let load: { run(): Promise<LoadClientResult> } | null = null;
  process.on('message', (msg: { type: string; config?: LoadClientConfig }) => {
    if (msg.type === 'config' && msg.config) {
      load = createLoad(msg.config);
      process.send!({ type: 'ready' });
    } else if (msg.type === 'go' && load) {
      load.run().then(
        result => process.send!({ type: 'result', result }, () => process.exit(0)),
        (error: Error) => process.send!({ type: 'error', message: error.stack ?? error.message }, () => process.exit(1))
      );
    }
  });
}
