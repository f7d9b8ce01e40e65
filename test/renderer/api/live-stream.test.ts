import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUser } from '../../../bot-service/db/queries/users.ts';
import type { Service } from '../../../bot-service/server.ts';
import { LiveStream, type StreamStatus } from '../../../renderer/src/api/live-stream.ts';
import type { StreamEvent } from '../../../renderer/src/api/stream-types.ts';
import { startService, tempDir } from '../../bot-service/helpers.ts';
import { waitUntil } from '../../bot-service/graph-harness.ts';

/**
 * The console's stream client against the real bot-service stream, through a TCP relay the
 * test can cut to play a dropped connection.
 */

type Relay = { url: string; cut: () => void; pause: (paused: boolean) => void; close: () => Promise<void> };

async function startRelay(target: URL): Promise<Relay> {
  const sockets = new Set<Socket>();
  let paused = false;
  const server: Server = createServer(client => {
    if (paused) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port), target.hostname);
    client.pipe(upstream).pipe(client);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `ws://127.0.0.1:${port}/api/stream`,
    cut: () => {
      for (const s of sockets) s.destroy();
    },
    pause: value => {
      paused = value;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise(resolve => server.close(resolve));
    },
  };
}

let dir: ReturnType<typeof tempDir>;
let service: Service;
let relay: Relay;
let token: string;
let stream: LiveStream | null = null;

function append(n: number): void {
  service.db.transaction(() => {
    for (let i = 0; i < n; i++) service.events.append({ type: 'conversation.updated', contactId: 1, conversationId: 100 + i, data: { state: 'waiting' } });
  })();
  service.events.announce();
}

function follow(options: { initialDelayMs?: number; token?: string } = {}) {
  const events: StreamEvent[] = [];
  const statuses: StreamStatus[] = [];
  let resyncs = 0;
  stream = new LiveStream({
    url: () => relay.url,
    token: () => options.token ?? token,
    onEvent: event => events.push(event),
    onStatus: status => statuses.push(status),
    onResync: () => resyncs++,
    initialDelayMs: options.initialDelayMs ?? 50,
    maxDelayMs: 200,
  });
  stream.start();
  return { events, statuses, resyncs: () => resyncs, stream };
}

beforeEach(async () => {
  dir = tempDir();
  service = await startService(dir.dir);
  const base = new URL(await service.listen());
  relay = await startRelay(base);
  createUser(service.db, { username: 'sup', password: 'secret-password-1', role: 'supervisor', hashCost: 10 });
  const login = await service.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'sup', password: 'secret-password-1' } });
  token = (login.json() as { token: string }).token;
});

afterEach(async () => {
  stream?.stop();
  stream = null;
  await relay.close();
  await service.close();
  dir.cleanup();
});

describe('renderer/api/live-stream', () => {
  it('skips the history of a first connection, asks the screens to refetch once, then delivers new events in order', async () => {
    append(3); // before the console opened: history
    const s = follow();
    await waitUntil(() => s.stream.status === 'live', 5000, 'live');
    expect(s.resyncs()).toBe(1);
    append(4);
    await waitUntil(() => s.events.length === 4, 5000, 'four events');
    const seqs = s.events.map(e => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(s.events.map(e => e.conversationId)).toEqual([100, 101, 102, 103]);
    expect(s.events[0]?.eventType).toBe('conversation.updated');
  });

  it('shows "reconnecting" when the connection drops and resumes with no gap and no duplicate', async () => {
    const s = follow();
    await waitUntil(() => s.stream.status === 'live', 5000, 'live');
    append(2);
    await waitUntil(() => s.events.length === 2, 5000, 'first events');

    relay.pause(true);
    relay.cut();
    await waitUntil(() => s.stream.status === 'reconnecting', 5000, 'reconnecting');
    append(5); // while disconnected
    await new Promise(resolve => setTimeout(resolve, 150));
    expect(s.stream.status).toBe('reconnecting');
    relay.pause(false);
    await waitUntil(() => s.stream.status === 'live', 5000, 'live again');
    append(1);
    await waitUntil(() => s.events.length === 8, 5000, 'all eight events');

    const seqs = s.events.map(e => e.seq);
    expect(new Set(seqs).size).toBe(8);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBe(seqs[i - 1]! + 1);
    expect(s.statuses).toContain('reconnecting');
    // The reconnect resumed from the last event: no second refetch of everything.
    expect(s.resyncs()).toBe(1);
  });

  it('after falling too far behind, refetches everything once and follows from the service position', async () => {
    const s = follow();
    await waitUntil(() => s.stream.status === 'live', 5000, 'live');
    relay.pause(true);
    relay.cut();
    await waitUntil(() => s.stream.status === 'reconnecting', 5000, 'reconnecting');
    append(10_050); // more than the service replays (10,000)
    relay.pause(false);
    await waitUntil(() => s.resyncs() === 2, 5000, 'a resync');
    await waitUntil(() => s.stream.status === 'live', 5000, 'live again');
    expect(s.events).toHaveLength(0); // nothing replayed: the screens refetched instead
    append(1);
    await waitUntil(() => s.events.length === 1, 5000, 'the next event');
    expect(s.events[0]?.seq).toBe(service.events.lastSeq());
  });

  it('stops and reports "unauthorized" when the service refuses the session', async () => {
    const s = follow({ token: 'not-a-real-session-token' });
    await waitUntil(() => s.stream.status === 'unauthorized', 5000, 'unauthorized');
    await new Promise(resolve => setTimeout(resolve, 300));
    expect(s.statuses.filter(x => x === 'reconnecting')).toEqual([]);
  });

  it('ends when the session is revoked on the server (logout elsewhere)', async () => {
    const s = follow();
    await waitUntil(() => s.stream.status === 'live', 5000, 'live');
    await service.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${token}` } });
    relay.cut(); // the next connection must authenticate again
    await waitUntil(() => s.stream.status === 'unauthorized', 5000, 'unauthorized');
  });
});
