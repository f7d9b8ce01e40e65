/**
 * Webhook delivery with Meta's redelivery: any answer but 200 (or no answer)
 * is retried at once, then with growing pauses, a bounded number of times
 * (Meta keeps going for 7 days; a simulator stops after a few tries).
 */
import { postRawWebhook, toMetaJson } from './sign.ts';

export type AttemptResult = { status: number; text: string; error?: string };

export type DeliveryOutcome = AttemptResult & { ok: boolean; attempts: number };

export type Delivery = {
  /** the answer to the first POST (status 0 with `error` when it got no answer) */
  first: Promise<AttemptResult>;
  /** the last answer, after retries */
  done: Promise<DeliveryOutcome>;
};

export type DelivererOptions = {
  /** pauses before each retry; its length is the retry count (default: at once, 1 s, 5 s, 20 s) */
  retryDelaysMs?: number[];
  timeoutMs?: number;
  escapeSlashes?: boolean;
};

export type Deliverer = {
  deliver(url: string, body: unknown, appSecret: string, retry?: boolean): Delivery;
  /** resolves when nothing is in flight or waiting for a retry */
  idle(): Promise<void>;
  /** stop all pending retries (each pending delivery ends with its last answer) */
  stop(): void;
  pending(): number;
};

export const DEFAULT_RETRY_DELAYS_MS = [0, 1_000, 5_000, 20_000];

export function createDeliverer(options: DelivererOptions = {}): Deliverer {
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const sleepers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
  let inFlight = 0;
  let stopped = false;
  let idleWaiters: Array<() => void> = [];

  function sleep(ms: number): Promise<void> {
    return new Promise(resolve => {
      const s = {
        timer: setTimeout(() => {
          sleepers.delete(s);
          resolve();
        }, ms),
        wake: resolve,
      };
      sleepers.add(s);
    });
  }

  async function attempt(url: string, raw: string, appSecret: string): Promise<AttemptResult> {
    try {
      const timeout = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
      return await postRawWebhook(url, raw, appSecret, timeout);
    } catch (e) {
      return { status: 0, text: '', error: e instanceof Error ? e.message : String(e) };
    }
  }

  function settle(): void {
    inFlight--;
    if (inFlight === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  return {
    deliver(url, body, appSecret, retry = true) {
      const raw = toMetaJson(body, { escapeSlashes: options.escapeSlashes ?? true });
      let resolveFirst!: (r: AttemptResult) => void;
      const first = new Promise<AttemptResult>(r => (resolveFirst = r));
      inFlight++;
      const done = (async (): Promise<DeliveryOutcome> => {
        let attempts = 0;
        try {
          for (;;) {
            const result = await attempt(url, raw, appSecret);
            attempts++;
            if (attempts === 1) resolveFirst(result);
            const retriesLeft = retry && !stopped && attempts <= delays.length;
            if (result.status === 200 || !retriesLeft) return { ...result, ok: result.status === 200, attempts };
            await sleep(delays[attempts - 1] ?? 0);
            if (stopped) return { ...result, ok: false, attempts };
          }
        } finally {
          settle();
        }
      })();
      return { first, done };
    },
    idle() {
      return inFlight === 0 ? Promise.resolve() : new Promise(resolve => idleWaiters.push(resolve));
    },
    stop() {
      stopped = true;
      for (const s of sleepers) {
        clearTimeout(s.timer);
        s.wake();
      }
      sleepers.clear();
    },
    pending() {
      return inFlight;
    },
  };
}
