import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFlowEngine } from '../../../bot-service/flows/engine.ts';
import { envelope, messageValue } from '../fixtures/webhooks.ts';
import { startWithGraph, waitUntil } from '../graph-harness.ts';
import { count, signedPost, tempDir } from '../helpers.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

type Harness = Awaited<ReturnType<typeof startWithGraph>>;

/** A bounded close: a service stuck on a lost send result must not hang the suite. */
const closeWithin = async (h: Harness, ms: number): Promise<void> => {
  await Promise.race([h.close(), new Promise(r => setTimeout(r, ms))]);
};

function poster(h: Harness) {
  return (waId: string, text: string) => {
    const body = envelope([messageValue(waId, { type: 'text', text: { body: text } })]);
    const wamid = (body.entry as Array<{ changes: Array<{ value: { messages: Array<{ id: string }> } }> }>)[0]!.changes[0]!.value.messages[0]!.id;
    return { wamid, send: () => h.service.app.inject({ method: 'POST', url: '/webhooks/whatsapp', ...signedPost(body) }) };
  };
}

const owed = (h: Harness) =>
  count(h.service, "SELECT (SELECT COUNT(*) FROM inbound_messages WHERE state = 'pending') + (SELECT COUNT(*) FROM outbound_messages WHERE status IN ('queued', 'sending')) AS n");

/**
 * Posts until the webhook has refused `enough` (or `max` posts): every 200 must be stored, every
 * other answer must be 503 and stored nothing. Returns what was refused, for Meta to retry.
 */
type Posted = ReturnType<ReturnType<typeof poster>>;

/** In the main database, or acknowledged into the webhook journal and waiting there to be moved. */
const storedOrJournaled = (h: Harness, wamid: string): boolean =>
  count(h.service, 'SELECT COUNT(*) AS n FROM inbound_messages WHERE wamid = ?', wamid) === 1 ||
  (h.service.journal.db.prepare('SELECT COUNT(*) AS n FROM webhook_journal WHERE instr(body, ?) > 0').get(wamid) as { n: number }).n === 1;

async function postWhileFull(h: Harness, enough: number, max: number): Promise<{ acked: number; refused: Posted[] }> {
  const post = poster(h);
  const stored = (wamid: string) => storedOrJournaled(h, wamid);
  const refused: Array<ReturnType<typeof post>> = [];
  let acked = 0;
  for (let i = 0; i < max && refused.length < enough; i++) {
    const m = post(`62813778${String(i).padStart(4, '0')}`, `pesan ${i} ${'x'.repeat(1500)}`);
    const res = await m.send();
    expect([200, 503]).toContain(res.statusCode);
    if (res.statusCode === 200) {
      acked++;
      expect(stored(m.wamid)).toBe(true);
    } else {
      expect(stored(m.wamid)).toBe(false);
      refused.push(m);
    }
  }
  return { acked, refused };
}

/** Space is back: Meta's retries are stored, the flows catch up, every reply is sent. */
async function recovers(h: Harness, refused: Posted[], expectedRows: number) {
  for (const m of refused) {
    expect((await m.send()).statusCode).toBe(200);
  }
  // What was acknowledged into the journal while the main database was full is moved in too.
  await waitUntil(() => count(h.service, 'SELECT COUNT(*) AS n FROM inbound_messages') === expectedRows, 10_000, 'every acknowledged message stored');
  await waitUntil(() => owed(h) === 0, 30_000, 'everything handled and sent');
  expect(count(h.service, "SELECT COUNT(*) AS n FROM outbound_messages WHERE status = 'failed'")).toBe(0);
  const sent = new Set(h.graph.sent.map(s => String(s.body.biz_opaque_callback_data)));
  const replies = h.service.db.prepare("SELECT id FROM outbound_messages WHERE kind = 'message'").all() as Array<{ id: number }>;
  expect(replies.filter(r => !sent.has(`out:${r.id}`))).toEqual([]);
}

function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    return false;
  }
  const t = tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', t.dir], { stdio: 'ignore' });
    execFileSync('umount', [t.dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    t.cleanup();
  }
}

describe('degradation/disk full', () => {
  it('the files cannot grow (SQLITE_FULL, max_page_count): 503 and only stored messages acknowledged, the service survives, then stores again', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const h = await startWithGraph(t.dir, { engine: createFlowEngine(), statusWebhooks: false, env: { WA_SEND_RATE: '500' } });
    cleanups.push(() => closeWithin(h, 5000));
    const post = poster(h);
    for (let i = 0; i < 5; i++) {
      expect((await post(`6281377700${i}`, 'halo').send()).statusCode).toBe(200);
    }
    // Replies in flight while the disk fills: recording their results meets the full disk too.
    h.graph.setLatency(300);
    await waitUntil(() => count(h.service, "SELECT COUNT(*) AS n FROM outbound_messages WHERE status = 'sending'") > 0, 5000, 'sends in flight');

    // The disk is full: no new page, and the event log's last page is full too (it is written by
    // every part of the service), as it would be after a while under load.
    h.service.db.pragma(`max_page_count = ${h.service.db.pragma('page_count', { simple: true }) as number}`);
    const filler = h.service.db.prepare("INSERT INTO events (at, type, data) VALUES (0, 'test.disk-filler', '{}')");
    for (let i = 0; i < 100_000; i++) {
      try {
        filler.run();
      } catch {
        break;
      }
    }
    // The webhook journal's file is on the same disk: it cannot grow either, and its free pages fill up.
    const journal = h.service.journal.db;
    journal.exec('CREATE TABLE disk_filler (x BLOB)');
    journal.pragma(`max_page_count = ${journal.pragma('page_count', { simple: true }) as number}`);
    const journalFiller = journal.prepare('INSERT INTO disk_filler (x) VALUES (zeroblob(512))');
    for (let i = 0; i < 100_000; i++) {
      try {
        journalFiller.run();
      } catch {
        break;
      }
    }
    const { acked, refused } = await postWhileFull(h, 50, 300);
    expect(refused.length).toBe(50);
    await new Promise(r => setTimeout(r, 1500)); // the flows and the sender run against the full disk meanwhile
    expect((await h.service.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);

    h.service.db.pragma('max_page_count = 1073741823');
    journal.pragma('max_page_count = 1073741823');
    h.graph.setLatency(0);
    await recovers(h, refused, 5 + acked + refused.length);
  }, 60_000);

  it.skipIf(!canMountTmpfs())('the file system is full (a small tmpfs, ENOSPC): 503, nothing acknowledged that was not stored, then stores again', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const mountPoint = join(t.dir, 'disk');
    mkdirSync(mountPoint);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', mountPoint]);
    cleanups.push(() => void execFileSync('umount', ['-l', mountPoint]));
    const h = await startWithGraph(join(mountPoint, 'data'), { engine: createFlowEngine(), statusWebhooks: false, env: { WA_SEND_RATE: '500' } });
    cleanups.push(() => closeWithin(h, 5000));
    const post = poster(h);
    for (let i = 0; i < 5; i++) {
      expect((await post(`6281377701${i}`, 'halo').send()).statusCode).toBe(200);
    }
    await waitUntil(() => owed(h) === 0, 10_000, 'first replies sent');

    // Something else fills the disk to the last byte.
    const fillerFile = join(mountPoint, 'filler');
    const fd = openSync(fillerFile, 'w');
    const chunk = Buffer.alloc(64 * 1024);
    for (let size = chunk.length; size >= 1; ) {
      try {
        writeSync(fd, chunk, 0, size);
      } catch {
        size = Math.floor(size / 2);
      }
    }
    closeSync(fd);
    // The WAL may still have room from before (it is reused after a checkpoint): post until refused.
    const { acked, refused } = await postWhileFull(h, 20, 3000);
    expect(refused.length).toBe(20);
    expect((await h.service.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);

    rmSync(fillerFile);
    await recovers(h, refused, 5 + acked + refused.length);
  }, 90_000);
});
