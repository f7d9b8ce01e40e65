import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultStreamOptions } from '../../../../bot-service/api/stream/connection.ts';
import { streamCloseCodes } from '../../../../bot-service/contract/stream.ts';
import type { AppendEvent } from '../../../../bot-service/events/event-log.ts';
import type { Service } from '../../../../bot-service/server.ts';
import { startService, tempDir } from '../../helpers.ts';
import { roles, signIn, signInAll } from '../auth/support.ts';
import { StreamClient } from './stream-client.ts';

let service: Service;
let baseUrl: string;
let cleanup: () => void;
const clients: StreamClient[] = [];

beforeEach(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  service = await startService(t.dir);
  baseUrl = await service.listen();
});

afterEach(async () => {
  clients.splice(0).forEach(c => c.ws.terminate());
  await service.close();
  cleanup();
});

const track = (c: StreamClient): StreamClient => (clients.push(c), c);

/** Appends events the way producers do: in a transaction, then announce. */
function append(n: number, make: (i: number) => Partial<AppendEvent> = () => ({})): number[] {
  const seqs = service.db.transaction(() =>
    Array.from({ length: n }, (_, i) => service.events.append({ type: 'conversation.updated', contactId: 7, conversationId: 70 + i, data: { state: 'waiting', i }, ...make(i) }))
  )();
  service.events.announce();
  return seqs;
}

const seqsOf = (c: StreamClient): number[] => c.events().map(e => e.seq);
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('api/stream authentication', () => {
  it('closes with 4401 without a valid session; every role gets ready', async () => {
    const users = await signInAll(service);
    const bad = track(await StreamClient.open(baseUrl));
    bad.send({ type: 'auth', token: 'x'.repeat(43), after: 0 });
    expect((await bad.closed).code).toBe(streamCloseCodes.unauthorized);

    for (const role of roles) {
      const c = track(await StreamClient.ready(baseUrl, users[role].token, 0));
      expect(c.messages[0]).toEqual({ type: 'ready', lastSeq: service.events.lastSeq() });
    }
  });

  it('a revoked session cannot open the stream', async () => {
    const s = await signIn(service, 'supervisor');
    service.db.prepare('DELETE FROM sessions').run();
    const c = track(await StreamClient.open(baseUrl));
    c.send({ type: 'auth', token: s.token, after: 0 });
    expect((await c.closed).code).toBe(streamCloseCodes.unauthorized);
  });

  it('closes with 4400 on a malformed first message; answers ping with pong', async () => {
    const s = await signIn(service, 'volunteer');
    for (const garbage of ['not json', { type: 'auth', token: s.token }, { type: 'subscribe' }]) {
      const c = track(await StreamClient.open(baseUrl));
      c.send(garbage);
      expect((await c.closed).code).toBe(streamCloseCodes.badMessage);
    }
    const c = track(await StreamClient.ready(baseUrl, s.token, 0));
    c.send({ type: 'ping' });
    await c.waitFor(m => m.type === 'pong');
  });

  it('officials get no contact ids; nobody gets a text that slipped into event data', async () => {
    const users = await signInAll(service);
    const supervisor = track(await StreamClient.ready(baseUrl, users.supervisor.token, service.events.lastSeq()));
    const official = track(await StreamClient.ready(baseUrl, users.official.token, service.events.lastSeq()));
    const [seq] = append(1, () => ({ type: 'flow.signal', data: { kind: 'hoax-claim', text: 'minum bawang putih', contactId: 7, matchedHoaxId: null } }));
    await supervisor.waitForSeq(seq!);
    await official.waitForSeq(seq!);
    const [s] = supervisor.events();
    const [o] = official.events();
    expect(s).toMatchObject({ seq, eventType: 'flow.signal', contactId: 7, conversationId: 70, data: { kind: 'hoax-claim', contactId: 7, matchedHoaxId: null } });
    expect(o).toMatchObject({ seq, eventType: 'flow.signal', contactId: null, conversationId: 70 });
    expect(o!.data).toEqual({ kind: 'hoax-claim', matchedHoaxId: null });
    expect(JSON.stringify([s, o])).not.toContain('bawang');
  });
});

describe('api/stream order and resume', () => {
  it('replays from after, then follows live; a reconnect resumes with no gap and no duplicate', async () => {
    const s = await signIn(service, 'supervisor');
    const start = service.events.lastSeq();
    const first = append(1200); // more than one page
    const c1 = track(await StreamClient.ready(baseUrl, s.token, start));
    await c1.waitForSeq(first.at(-1)!);
    const live = append(5);
    await c1.waitForSeq(live.at(-1)!);
    expect(seqsOf(c1)).toEqual(range(start + 1, live.at(-1)!));
    c1.close();
    await c1.closed;

    const missed = append(30);
    const c2 = track(await StreamClient.ready(baseUrl, s.token, c1.lastSeq()));
    await c2.waitForSeq(missed.at(-1)!);
    // Events arriving while it catches up, in several bursts.
    const burst: number[] = [];
    for (let i = 0; i < 5; i++) burst.push(...append(3));
    await c2.waitForSeq(burst.at(-1)!);
    await new Promise(r => setTimeout(r, 50));
    expect(seqsOf(c2)).toEqual(range(c1.lastSeq() + 1, burst.at(-1)!));
    expect(c2.events()[0]).toMatchObject({ eventType: 'conversation.updated', contactId: 7 });
  });

  it('a client further behind than the bound is told to resync instead of replaying', async () => {
    const s = await signIn(service, 'supervisor');
    append(defaultStreamOptions.maxBehind + 10);
    const c = track(await StreamClient.open(baseUrl));
    c.send({ type: 'auth', token: s.token, after: 0 });
    const msg = await c.waitFor(m => m.type === 'resync');
    expect(msg).toEqual({ type: 'resync', lastSeq: service.events.lastSeq(), reason: 'behind' });
    expect((await c.closed).code).toBe(streamCloseCodes.resync);
    // Resuming from the resync point works.
    const again = track(await StreamClient.ready(baseUrl, s.token, msg.type === 'resync' ? msg.lastSeq : 0));
    const [next] = append(1);
    await again.waitForSeq(next!);
    expect(seqsOf(again)).toEqual([next]);
  });

  it('a client ahead of the log (another database) is told to resync', async () => {
    const s = await signIn(service, 'official');
    const c = track(await StreamClient.open(baseUrl));
    c.send({ type: 'auth', token: s.token, after: service.events.lastSeq() + 100 });
    expect(await c.waitFor(m => m.type === 'resync')).toMatchObject({ reason: 'reset' });
  });

  it('a slow client gets resync once its buffer is full, and the service keeps answering', async () => {
    const s = await signIn(service, 'supervisor');
    const fast = track(await StreamClient.ready(baseUrl, s.token, service.events.lastSeq()));
    const slow = track(await StreamClient.ready(baseUrl, s.token, service.events.lastSeq()));
    const after = service.events.lastSeq();
    // Stop reading: what the server sends piles up in its socket buffer.
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    // A page of events (500) stays under the 1 MB a client may leave unread, so the fast client
    // is never at risk however late the machine lets it read; the paused one passes it.
    const blob = 'x'.repeat(1_600);
    let last = 0;
    for (let round = 0; round < 16; round++) {
      last = append(1_000, () => ({ data: { blob } })).at(-1)!;
      const started = Date.now();
      const health = await fetch(`${baseUrl}/healthz`);
      expect(health.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1000);
    }
    await fast.waitForSeq(last);
    expect(seqsOf(fast)).toEqual(range(after + 1, last));

    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    const closed = await slow.closed;
    expect(closed.code).toBe(streamCloseCodes.resync);
    const resync = slow.messages.at(-1)!;
    expect(resync).toMatchObject({ type: 'resync', reason: 'slow' });
    // What it did get is in order with no gap; it resumes from the resync point.
    const got = seqsOf(slow);
    expect(got.length).toBeLessThan(last - after);
    expect(got).toEqual(range(after + 1, after + got.length));
    expect(resync.type === 'resync' && resync.lastSeq).toBeGreaterThanOrEqual(got.at(-1)!);
  });
});
