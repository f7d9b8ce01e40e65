import { WebSocket } from 'ws';
import type { StreamServerMessage } from '../../../../bot-service/contract/stream.ts';

/** A console on the live stream, recording what it receives. */
export class StreamClient {
  readonly ws: WebSocket;
  readonly messages: StreamServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly opened: Promise<void>;
  private waiters: Array<() => void> = [];

  constructor(baseUrl: string, options: { autoPong?: boolean } = {}) {
    this.ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + '/api/stream', { autoPong: options.autoPong ?? true });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.closed = new Promise(resolve => this.ws.on('close', (code, reason) => {
      resolve({ code, reason: reason.toString() });
      this.wake();
    }));
    this.ws.on('message', data => {
      this.messages.push(JSON.parse(data.toString()) as StreamServerMessage);
      this.wake();
    });
  }

  static async open(baseUrl: string, options: { autoPong?: boolean } = {}): Promise<StreamClient> {
    const client = new StreamClient(baseUrl, options);
    await client.opened;
    return client;
  }

  /** Connects, authenticates and waits for `ready`. */
  static async ready(baseUrl: string, token: string, after: number): Promise<StreamClient> {
    const client = await StreamClient.open(baseUrl);
    client.send({ type: 'auth', token, after });
    await client.waitFor(m => m.type === 'ready');
    return client;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  events(): Array<Extract<StreamServerMessage, { type: 'event' }>> {
    return this.messages.filter((m): m is Extract<StreamServerMessage, { type: 'event' }> => m.type === 'event');
  }

  lastSeq(): number {
    return this.events().at(-1)?.seq ?? 0;
  }

  async waitFor(check: (m: StreamServerMessage) => boolean, timeoutMs = 5000): Promise<StreamServerMessage> {
    const started = Date.now();
    for (;;) {
      const found = this.messages.find(check);
      if (found) return found;
      if (this.ws.readyState === WebSocket.CLOSED) throw new Error(`stream closed before the expected message; got ${JSON.stringify(this.messages.slice(-3))}`);
      if (Date.now() - started > timeoutMs) throw new Error(`timed out; got ${JSON.stringify(this.messages.slice(-3))}`);
      await new Promise<void>(resolve => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async waitForSeq(seq: number): Promise<void> {
    await this.waitFor(m => m.type === 'event' && m.seq >= seq);
  }

  close(): void {
    this.ws.close();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach(w => w());
  }
}
