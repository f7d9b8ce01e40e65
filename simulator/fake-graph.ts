/**
 * A fake of Meta's Graph API for WhatsApp: `POST /{version}/{phone-number-id}/messages`
 * (sends and mark-as-read) and media download, with Meta's answers, status
 * webhooks back to the bot, and fault injection for tests.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { newWamid } from './ids.ts';
import { createMediaStore, type MediaStore } from './media-store.ts';
import { registerGraphRoutes } from './graph-routes.ts';
import {
  createStatusWebhooks,
  type ReadMode,
  type StatusDelays,
  type StatusPost,
  type WebhookTarget,
} from './status-webhooks.ts';
import type { SendRequest } from './send-validation.ts';

export type { ReadMode, StatusPost, WebhookTarget } from './status-webhooks.ts';

export type FakeGraphOptions = {
  accessToken: string;
  phoneNumberId: string;
  /** our business number (digits); a send to it is 131021 */
  displayPhoneNumber?: string;
  /** where status webhooks go; none: no status webhooks */
  webhook?: WebhookTarget | null;
  /** default true when a webhook target is set */
  statusWebhooks?: boolean;
  statusDelaysMs?: Partial<StatusDelays>;
  readMode?: ReadMode;
  /** pauses before redelivering a status webhook the bot did not answer 200 */
  retryDelaysMs?: number[];
  /** sends per second above which the fake answers 130429; default unlimited */
  rateLimitPerSecond?: number | null;
  latencyMs?: number;
  /** records kept in `sent`/`reads`/`errors` before the oldest are dropped */
  maxRecords?: number;
  /** the citizen's profile name, for `contacts` in status webhooks */
  contactName?: (waId: string) => string | undefined;
};

export type SentRecord = {
  time: number;
  phoneNumberId: string;
  /** `to` (or `recipient`) exactly as the bot sent it */
  to: string;
  waId: string;
  type: string;
  body: Record<string, unknown>;
  wamid: string;
};

export type ReadRecord = {
  time: number;
  phoneNumberId: string;
  messageId: string;
  typing: boolean;
  body: Record<string, unknown>;
};

export type ErrorRecord = {
  time: number;
  httpStatus: number;
  code: number;
  details: string;
  body: unknown;
  injected: boolean;
};

export type FaultSpec = {
  code: number;
  httpStatus?: number;
  /** how many matching sends fail; default 1 */
  count?: number;
  /** only sends to this number (digits, `+` optional) */
  to?: string;
  details?: string;
  /** accept the send (200), then report `failed` in a status webhook */
  async?: boolean;
};

export type DownMode = 'http' | 'reset';

export type GraphEvent =
  | { type: 'sent'; record: SentRecord }
  | { type: 'read'; record: ReadRecord }
  | { type: 'error'; record: ErrorRecord }
  | { type: 'status'; post: StatusPost };

export type FaultState = {
  pending: Array<Required<Pick<FaultSpec, 'code' | 'count'>> & Omit<FaultSpec, 'code' | 'count'>>;
  down: false | DownMode;
  latencyMs: number;
  rateLimitPerSecond: number | null;
};

export type FakeGraph = {
  readonly options: FakeGraphOptions;
  readonly sent: SentRecord[];
  readonly reads: ReadRecord[];
  readonly errors: ErrorRecord[];
  readonly statusPosts: StatusPost[];
  readonly media: MediaStore;
  /** add the Graph routes to a Fastify instance (before it is ready) */
  mount(app: FastifyInstance): Promise<void>;
  /** serve on its own port; `graphUrl` includes the version, like WA_GRAPH_URL */
  listen(opts?: { host?: string; port?: number }): Promise<{ url: string; graphUrl: string }>;
  close(): Promise<void>;
  failNext(fault: FaultSpec): void;
  setDown(down: boolean | DownMode): void;
  setLatency(ms: number): void;
  setRateLimit(perSecond: number | null): void;
  clearFaults(): void;
  faults(): FaultState;
  setWebhookTarget(target: WebhookTarget | null): void;
  setStatusWebhooks(enabled: boolean): void;
  setReadMode(mode: ReadMode): void;
  /** the citizen opened the chat: in `on-open` read mode, post `read` statuses */
  openChat(waId: string): number;
  waitFor(predicate: (r: SentRecord) => boolean, timeoutMs?: number): Promise<SentRecord>;
  waitForRead(predicate: (r: ReadRecord) => boolean, timeoutMs?: number): Promise<ReadRecord>;
  /** wait until every due status webhook has been posted */
  idle(): Promise<void>;
  onEvent(listener: (e: GraphEvent) => void): () => void;
  /** forget recorded requests (faults stay; see clearFaults) */
  clear(): void;
};

/** Internal hooks the route handlers call; not part of the public object. */
export type GraphCore = {
  options: FakeGraphOptions;
  state: FaultState;
  media: MediaStore;
  takeFault(waId: string): FaultSpec | undefined;
  overRateLimit(): boolean;
  accept(req: Extract<SendRequest, { kind: 'message' }>, body: Record<string, unknown>, phoneNumberId: string, asyncFault?: FaultSpec): string;
  markRead(req: Extract<SendRequest, { kind: 'read' }>, body: Record<string, unknown>, phoneNumberId: string): void;
  reject(rec: Omit<ErrorRecord, 'time'>): void;
};

const DEFAULT_DELAYS: StatusDelays = { sent: 30, delivered: 120, read: 800 };

type Waiter<T> = { test: (r: T) => boolean; resolve: (r: T) => void; timer: NodeJS.Timeout };

export function createFakeGraph(options: FakeGraphOptions): FakeGraph {
  const sent: SentRecord[] = [];
  const reads: ReadRecord[] = [];
  const errors: ErrorRecord[] = [];
  const statusPosts: StatusPost[] = [];
  const listeners = new Set<(e: GraphEvent) => void>();
  const sentWaiters = new Set<Waiter<SentRecord>>();
  const readWaiters = new Set<Waiter<ReadRecord>>();
  const maxRecords = options.maxRecords ?? 100_000;
  const media = createMediaStore();
  const state: FaultState = {
    pending: [],
    down: false,
    latencyMs: options.latencyMs ?? 0,
    rateLimitPerSecond: options.rateLimitPerSecond ?? null,
  };
  const recentSends: number[] = [];
  let ownServer: FastifyInstance | null = null;

  const emit = (e: GraphEvent) => {
    for (const l of listeners) l(e);
  };

  function keep<T>(list: T[], item: T): void {
    list.push(item);
    if (list.length > maxRecords * 1.1) list.splice(0, list.length - maxRecords);
  }

  const statuses = createStatusWebhooks({
    target: options.webhook ?? null,
    enabled: options.statusWebhooks ?? true,
    delaysMs: { ...DEFAULT_DELAYS, ...options.statusDelaysMs },
    readMode: options.readMode ?? 'auto',
    ...(options.retryDelaysMs ? { retryDelaysMs: options.retryDelaysMs } : {}),
    ...(options.contactName ? { contactName: options.contactName } : {}),
    onPosted: post => {
      keep(statusPosts, post);
      emit({ type: 'status', post });
    },
  });

  function notify<T>(waiters: Set<Waiter<T>>, record: T): void {
    for (const w of waiters) {
      if (w.test(record)) {
        clearTimeout(w.timer);
        waiters.delete(w);
        w.resolve(record);
      }
    }
  }

  function waitOn<T>(list: T[], waiters: Set<Waiter<T>>, what: string, test: (r: T) => boolean, timeoutMs: number): Promise<T> {
    const found = list.find(test);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const w: Waiter<T> = {
        test,
        resolve,
        timer: setTimeout(() => {
          waiters.delete(w);
          reject(new Error(`fake graph: no matching ${what} within ${timeoutMs} ms (${list.length} recorded)`));
        }, timeoutMs),
      };
      waiters.add(w);
    });
  }

  const core: GraphCore = {
    options,
    state,
    media,
    takeFault(waId) {
      const i = state.pending.findIndex(f => f.to === undefined || f.to.replace(/\D/g, '') === waId);
      const f = state.pending[i];
      if (!f) return undefined;
      f.count--;
      if (f.count <= 0) state.pending.splice(i, 1);
      return f;
    },
    overRateLimit() {
      if (state.rateLimitPerSecond === null) return false;
      const now = Date.now();
      while (recentSends.length > 0 && (recentSends[0] ?? 0) <= now - 1000) recentSends.shift();
      if (recentSends.length >= state.rateLimitPerSecond) return true;
      recentSends.push(now);
      return false;
    },
    accept(req, body, phoneNumberId, asyncFault) {
      const waId = req.waId ?? req.recipient ?? '';
      const wamid = newWamid(req.waId);
      const record: SentRecord = { time: Date.now(), phoneNumberId, to: req.input, waId, type: req.type, body, wamid };
      keep(sent, record);
      const msg = {
        wamid,
        waId,
        template: req.type === 'template',
        ...(req.bizOpaqueCallbackData !== undefined ? { bizOpaqueCallbackData: req.bizOpaqueCallbackData } : {}),
      };
      if (asyncFault) statuses.scheduleFailure(msg, asyncFault.code, asyncFault.details);
      else statuses.schedule(msg);
      emit({ type: 'sent', record });
      notify(sentWaiters, record);
      return wamid;
    },
    markRead(req, body, phoneNumberId) {
      const record: ReadRecord = { time: Date.now(), phoneNumberId, messageId: req.messageId, typing: req.typing, body };
      keep(reads, record);
      emit({ type: 'read', record });
      notify(readWaiters, record);
    },
    reject(rec) {
      const record: ErrorRecord = { time: Date.now(), ...rec };
      keep(errors, record);
      emit({ type: 'error', record });
    },
  };

  const graph: FakeGraph = {
    options,
    sent,
    reads,
    errors,
    statusPosts,
    media,
    async mount(app) {
      await app.register(async instance => registerGraphRoutes(instance, core));
    },
    async listen(opts = {}) {
      const app = Fastify({ logger: false, bodyLimit: 5 * 1024 * 1024 });
      await graph.mount(app);
      await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 0 });
      ownServer = app;
      const addr = app.server.address();
      const port = typeof addr === 'object' && addr ? addr.port : opts.port;
      const url = `http://${opts.host ?? '127.0.0.1'}:${port}`;
      return { url, graphUrl: `${url}/v25.0` };
    },
    async close() {
      statuses.stop();
      for (const w of [...sentWaiters, ...readWaiters]) clearTimeout(w.timer);
      sentWaiters.clear();
      readWaiters.clear();
      if (ownServer) await ownServer.close();
      ownServer = null;
    },
    failNext(fault) {
      state.pending.push({ ...fault, count: fault.count ?? 1 });
    },
    setDown(down) {
      state.down = down === true ? 'http' : down;
    },
    setLatency(ms) {
      state.latencyMs = Math.max(0, ms);
    },
    setRateLimit(perSecond) {
      state.rateLimitPerSecond = perSecond;
      recentSends.length = 0;
    },
    clearFaults() {
      state.pending = [];
      state.down = false;
      state.latencyMs = 0;
      state.rateLimitPerSecond = options.rateLimitPerSecond ?? null;
    },
    faults() {
      return { ...state, pending: state.pending.map(f => ({ ...f })) };
    },
    setWebhookTarget: target => statuses.setTarget(target),
    setStatusWebhooks: enabled => statuses.setEnabled(enabled),
    setReadMode: mode => statuses.setReadMode(mode),
    openChat: waId => statuses.openChat(waId),
    waitFor: (predicate, timeoutMs = 5000) => waitOn(sent, sentWaiters, 'send', predicate, timeoutMs),
    waitForRead: (predicate, timeoutMs = 5000) => waitOn(reads, readWaiters, 'mark-as-read', predicate, timeoutMs),
    idle: () => statuses.idle(),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear() {
      sent.length = 0;
      reads.length = 0;
      errors.length = 0;
      statusPosts.length = 0;
      statuses.clear();
      media.clear();
    },
  };
  return graph;
}
