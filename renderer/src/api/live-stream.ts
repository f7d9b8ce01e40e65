/**
 * The live stream's connection: one WebSocket to `/api/stream` that authenticates with its first
 * message, resumes after the last sequence number it saw and reconnects with backoff.
 *
 * Plain TypeScript with no React, so it runs (and is tested) anywhere a WebSocket exists.
 */
import type { StreamClientMessage, StreamEvent, StreamServerMessage } from './stream-types.ts';

export type StreamStatus =
  /** First connection, not yet ready. */
  | 'connecting'
  /** Authenticated; events arrive as they happen. */
  | 'live'
  /** The connection dropped; trying again with backoff. Events are resumed, none is missed. */
  | 'reconnecting'
  /** The server refused the token (4401): the session is over. */
  | 'unauthorized'
  | 'stopped';

export type LiveStreamOptions = {
  url: () => string;
  token: () => string | null;
  onEvent: (event: StreamEvent) => void;
  onStatus?: (status: StreamStatus) => void;
  /** The server could not keep up with this client: state must be fetched again (events resume after). */
  onResync?: () => void;
  /** Backoff between attempts: initial, doubling up to max, ±20 % jitter. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A `ping` goes out this often; no answer for two periods counts as a dropped connection. */
  pingEveryMs?: number;
  /** For tests. */
  WebSocket?: typeof WebSocket;
};

/** Close code the server uses for a missing or invalid session. */
export const UNAUTHORIZED_CLOSE = 4401;

export class LiveStream {
  private readonly options: LiveStreamOptions;
  private socket: WebSocket | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempts = 0;
  private currentStatus: StreamStatus = 'stopped';
  private seq: number | null = null;
  private running = false;
  private lastHeard = 0;
  private watchdog: ReturnType<typeof setInterval> | null = null;

  constructor(options: LiveStreamOptions) {
    this.options = options;
  }

  get status(): StreamStatus {
    return this.currentStatus;
  }

  /** The last event's sequence number (or the server's last when nothing came yet). */
  get lastSeq(): number | null {
    return this.seq;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempts = 0;
    this.setStatus('connecting');
    this.connect();
  }

  stop(): void {
    this.running = false;
    this.clearTimer();
    this.closeSocket();
    this.setStatus('stopped');
  }

  /** Try again now (the network came back, or a person asked). */
  retryNow(): void {
    if (!this.running || this.currentStatus === 'live' || this.currentStatus === 'connecting') return;
    this.clearTimer();
    this.closeSocket();
    this.connect();
  }

  private setStatus(status: StreamStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    this.options.onStatus?.(status);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * A connection can die without a close event (a laptop sleeping, a cable pulled): ask for a
   * pong now and then, and treat silence as a drop.
   */
  private watch(socket: WebSocket): void {
    this.stopWatch();
    const every = this.options.pingEveryMs ?? 20_000;
    this.lastHeard = Date.now();
    this.watchdog = setInterval(() => {
      if (socket !== this.socket) return this.stopWatch();
      if (Date.now() - this.lastHeard > every * 2) {
        this.stopWatch();
        this.closeSocket();
        if (this.running) this.scheduleReconnect();
        return;
      }
      try {
        socket.send(JSON.stringify({ type: 'ping' } satisfies StreamClientMessage));
      } catch {
        // closing: onclose handles it
      }
    }, every);
  }

  private stopWatch(): void {
    if (this.watchdog !== null) clearInterval(this.watchdog);
    this.watchdog = null;
  }

  private closeSocket(): void {
    this.stopWatch();
    const socket = this.socket;
    this.socket = null;
    if (socket !== null) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
      try {
        socket.close(1000);
      } catch {
        // already closing
      }
    }
  }

  private connect(): void {
    const token = this.options.token();
    if (token === null) {
      this.setStatus('unauthorized');
      this.running = false;
      return;
    }
    const Ctor = this.options.WebSocket ?? WebSocket;
    let socket: WebSocket;
    try {
      socket = new Ctor(this.options.url());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      // A first connection asks from 0: the service replays what it still has (skipped here as
      // history, see 'ready') or, for a long log, answers with a cheap resync to its position.
      const hello: StreamClientMessage = { type: 'auth', token, after: this.seq ?? 0 };
      socket.send(JSON.stringify(hello));
      this.watch(socket);
    };
    socket.onmessage = message => {
      if (socket !== this.socket || typeof message.data !== 'string') return;
      let parsed: StreamServerMessage;
      try {
        parsed = JSON.parse(message.data) as StreamServerMessage;
      } catch {
        return;
      }
      this.receive(parsed);
    };
    socket.onclose = close => {
      if (socket !== this.socket) return;
      this.socket = null;
      this.stopWatch();
      if (!this.running) return;
      if (close.code === UNAUTHORIZED_CLOSE) {
        this.running = false;
        this.setStatus('unauthorized');
        return;
      }
      this.scheduleReconnect();
    };
    // Some WebSocket implementations report a refused or reset handshake with an error and no
    // close event: count it as a failed attempt.
    socket.onerror = () => {
      if (socket !== this.socket || socket.readyState === socket.OPEN) return;
      this.closeSocket();
      if (this.running) this.scheduleReconnect();
    };
  }

  private receive(message: StreamServerMessage): void {
    this.lastHeard = Date.now();
    switch (message.type) {
      case 'ready':
        if (this.seq === null) {
          // First connection: what the service replays up to lastSeq is history (skipped below),
          // already in what the screens fetched, except what happened while they were fetching:
          // fetch once more.
          this.seq = message.lastSeq;
          this.options.onResync?.();
        }
        this.attempts = 0;
        this.setStatus('live');
        return;
      case 'event':
        if (this.seq !== null && message.seq <= this.seq) return; // already seen
        this.seq = message.seq;
        this.options.onEvent(message);
        return;
      case 'resync':
        // Too far behind (or a first connection to a long log): reload state, then follow
        // from the service's position.
        this.seq = message.lastSeq;
        this.options.onResync?.();
        this.closeSocket();
        this.connect();
        return;
      default:
        return;
    }
  }

  private scheduleReconnect(): void {
    this.setStatus('reconnecting');
    const initial = this.options.initialDelayMs ?? 500;
    const max = this.options.maxDelayMs ?? 15_000;
    const base = Math.min(max, initial * 2 ** this.attempts);
    const delay = Math.round(base * (0.8 + Math.random() * 0.4));
    this.attempts++;
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.running) this.connect();
    }, delay);
  }
}
