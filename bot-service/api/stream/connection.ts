import type { WebSocket } from 'ws';
import type { SessionUser } from '../../contract/auth.ts';
import { StreamClientMessage, streamCloseCodes, type StreamResyncMessage, type StreamServerMessage } from '../../contract/stream.ts';
import type { Db } from '../../db/open.ts';
import type { EventLog } from '../../events/event-log.ts';
import type { Logger } from '../../logger.ts';
import { authenticateToken } from '../auth/sessions.ts';
import { toStreamEvent } from './to-message.ts';

export type StreamOptions = {
  /** The first message must arrive within this time. */
  authTimeoutMs: number;
  /** Ping interval; a client that missed the previous ping's pong is dropped. The session is re-checked too. */
  heartbeatMs: number;
  /** Events read per query. */
  pageSize: number;
  /** Above this many bytes waiting in the socket, the client is told to resync. */
  maxBufferedBytes: number;
  /** A client further behind than this many events re-fetches the state instead of replaying. */
  maxBehind: number;
};

export const defaultStreamOptions: StreamOptions = {
  authTimeoutMs: 10_000,
  heartbeatMs: 30_000,
  pageSize: 500,
  maxBufferedBytes: 1024 * 1024,
  maxBehind: 10_000,
};

export type StreamDeps = { db: Db; events: EventLog; log: Logger };

/**
 * One console on the live stream: authenticates, replays from the client's `after`, then follows
 * the event log. Every send reads from the table after the last seq sent, so a burst of
 * notifications neither skips nor repeats an event; nothing here ever waits on the client.
 */
export class StreamConnection {
  private readonly socket: WebSocket;
  private readonly deps: StreamDeps;
  private readonly options: StreamOptions;
  private state: 'auth' | 'live' | 'closed' = 'auth';
  private user: SessionUser | null = null;
  private token = '';
  private sentSeq = 0;
  private pumpQueued = false;
  private alive = true;
  private authTimer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private readonly onAppended = (): void => this.schedulePump();

  constructor(socket: WebSocket, deps: StreamDeps, options: StreamOptions) {
    this.socket = socket;
    this.deps = deps;
    this.options = options;
  }

  start(): void {
    this.authTimer = setTimeout(() => this.close(streamCloseCodes.authTimeout, 'auth timeout'), this.options.authTimeoutMs);
    this.socket.on('message', (data, isBinary) => this.onMessage(isBinary ? null : data.toString()));
    this.socket.on('pong', () => {
      this.alive = true;
    });
    this.socket.on('close', () => this.cleanup());
    this.socket.on('error', () => this.cleanup());
  }

  private onMessage(text: string | null): void {
    if (this.state === 'closed') return;
    let parsed: ReturnType<typeof StreamClientMessage.safeParse>;
    try {
      parsed = StreamClientMessage.safeParse(text === null ? null : JSON.parse(text));
    } catch {
      return this.close(streamCloseCodes.badMessage, 'not JSON');
    }
    if (!parsed.success) {
      return this.close(streamCloseCodes.badMessage, 'unknown message');
    }
    const message = parsed.data;
    if (message.type === 'ping') {
      this.send({ type: 'pong' });
      return;
    }
    if (this.state !== 'auth') {
      return this.close(streamCloseCodes.badMessage, 'already authenticated');
    }
    this.authenticate(message.token, message.after);
  }

  private authenticate(token: string, after: number): void {
    const session = authenticateToken(this.deps.db, token, Date.now());
    if (session === null) {
      return this.close(streamCloseCodes.unauthorized, 'unauthorized');
    }
    if (this.authTimer) clearTimeout(this.authTimer);
    this.authTimer = null;
    this.user = session.user;
    this.token = token;
    const lastSeq = this.deps.events.lastSeq();
    if (after > lastSeq) {
      // The client saw a log this database does not have (restored backup, new install).
      return this.resync('reset', lastSeq);
    }
    if (lastSeq - after > this.options.maxBehind) {
      return this.resync('behind', lastSeq);
    }
    this.sentSeq = after;
    this.state = 'live';
    this.send({ type: 'ready', lastSeq });
    this.deps.events.notifier.on('appended', this.onAppended);
    this.heartbeat = setInterval(() => this.beat(), this.options.heartbeatMs);
    this.pump();
  }

  private beat(): void {
    if (this.state !== 'live') return;
    if (!this.alive) {
      this.socket.terminate();
      this.cleanup();
      return;
    }
    this.alive = false;
    this.socket.ping();
    if (authenticateToken(this.deps.db, this.token, Date.now()) === null) {
      return this.close(streamCloseCodes.unauthorized, 'session ended');
    }
    // Also catches events appended by a writer that did not announce them.
    this.schedulePump();
  }

  private schedulePump(): void {
    if (this.pumpQueued || this.state !== 'live') return;
    this.pumpQueued = true;
    setImmediate(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  /** Sends one page of events after `sentSeq`; schedules the next page after a turn of the event loop. */
  private pump(): void {
    if (this.state !== 'live') return;
    try {
      const lastSeq = this.deps.events.lastSeq();
      if (lastSeq - this.sentSeq > this.options.maxBehind) {
        return this.resync('behind', lastSeq);
      }
      const page = this.deps.events.readAfter(this.sentSeq, this.options.pageSize);
      const role = this.user!.role;
      for (const event of page) {
        this.send(toStreamEvent(event, role));
        this.sentSeq = event.seq;
        if (this.socket.bufferedAmount > this.options.maxBufferedBytes) {
          return this.resync('slow', this.deps.events.lastSeq());
        }
      }
      if (page.length === this.options.pageSize) {
        this.schedulePump();
      }
    } catch (error) {
      // The database is closing (shutdown) or failed: the client reconnects and resumes.
      this.deps.log.warn({ err: error }, 'stream: reading events failed');
      this.close(1011, 'server error');
    }
  }

  private resync(reason: StreamResyncMessage['reason'], lastSeq: number): void {
    this.send({ type: 'resync', lastSeq, reason });
    this.close(streamCloseCodes.resync, 'resync');
  }

  private send(message: StreamServerMessage): void {
    if (this.socket.readyState === this.socket.OPEN) {
      this.socket.send(JSON.stringify(message));
    }
  }

  private close(code: number, reason: string): void {
    if (this.state === 'closed') return;
    this.cleanup();
    this.socket.close(code, reason);
  }

  private cleanup(): void {
    this.state = 'closed';
    if (this.authTimer) clearTimeout(this.authTimer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.authTimer = null;
    this.heartbeat = null;
    this.deps.events.notifier.off('appended', this.onAppended);
  }
}
