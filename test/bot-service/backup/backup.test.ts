import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase, defaultBackupPath, wibStamp } from '../../../scripts/backup.ts';
import { restoreDatabase } from '../../../scripts/restore.ts';
import { createFakeGraph } from '../../../simulator/fake-graph.ts';
import { signBody } from '../../../bot-service/whatsapp/signature.ts';
import { envelope, phoneNumberId } from '../fixtures/webhooks.ts';
import { accessToken, appSecret, tempDir, verifyToken } from '../helpers.ts';
import { spawnService, type ServiceProcess } from '../crash/service-process.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(): Promise<{ dir: string; env: Record<string, string>; start: (dir?: string) => Promise<ServiceProcess> }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const graph = createFakeGraph({ accessToken, phoneNumberId });
  const { graphUrl } = await graph.listen({ host: '127.0.0.1', port: 0 });
  cleanups.push(() => graph.close());
  const env = {
    BOT_PORT: '0', WA_APP_SECRET: appSecret, WA_VERIFY_TOKEN: verifyToken, WA_ACCESS_TOKEN: accessToken,
    WA_PHONE_NUMBER_ID: phoneNumberId, WA_GRAPH_URL: graphUrl, WA_SEND_RATE: '2000',
  };
  const start = async (dir = t.dir) => {
    const s = await spawnService({ ...env, BOT_DATA_DIR: dir });
    cleanups.push(async () => {
      if (s.child.exitCode === null) {
        s.child.kill('SIGTERM');
        await s.exited;
      }
    });
    return s;
  };
  return { dir: t.dir, env, start };
}

function message(i: number): { wamid: string; body: string } {
  const waId = `6281300${String(i % 50).padStart(5, '0')}`;
  const wamid = `wamid.backup.${i}.${Math.random().toString(36).slice(2, 8)}`;
  const body = JSON.stringify(
    envelope([{ contacts: [{ profile: { name: `Warga ${i}` }, wa_id: waId }], messages: [{ from: waId, id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: `pesan ${i}` } }] }])
  );
  return { wamid, body };
}

/** Posts webhooks with `concurrency` in flight until `stop()`; `acked` holds what was answered 200. */
function writeLoad(url: string, concurrency: number): { acked: string[]; stop: () => Promise<void> } {
  const acked: string[] = [];
  let running = true;
  let i = 0;
  const worker = async () => {
    while (running) {
      const m = message(i++);
      const res = await fetch(`${url}/webhooks/whatsapp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(m.body, appSecret) },
        body: m.body,
      });
      await res.text();
      if (res.status === 200) acked.push(m.wamid);
    }
  };
  const workers = Array.from({ length: concurrency }, worker);
  return {
    acked,
    stop: async () => {
      running = false;
      await Promise.all(workers);
    },
  };
}

describe('backup/online backup and restore', () => {
  it('under write load, the copy is consistent and holds every message acknowledged before the backup began', async () => {
    const { dir, start } = await setup();
    const service = await start();
    const load = writeLoad(service.url, 8);
    while (load.acked.length < 300) await new Promise(r => setTimeout(r, 20));
    const before = [...load.acked];
    const destination = defaultBackupPath(dir);
    const result = await backupDatabase(join(dir, 'bot.db'), destination);
    // The service kept taking writes while the backup's connection was open and after it.
    while (load.acked.length < before.length + 50) await new Promise(r => setTimeout(r, 20));
    await load.stop();
    expect(result.path).toBe(destination);
    expect(destination).toMatch(/backups[\\/]bot-\d{8}-\d{6}\.db$/);
    const copy = new Database(destination, { readonly: true });
    cleanups.push(() => void copy.close());
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('foreign_key_check')).toEqual([]);
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('user_version', { simple: true })).toBe(result.userVersion);
    const stored = new Set((copy.prepare('SELECT wamid FROM inbound_messages').all() as Array<{ wamid: string }>).map(r => r.wamid));
    for (const w of before) expect(stored.has(w)).toBe(true);
    // A snapshot, not a torn copy: every message's webhook body came along with it.
    const orphans = copy.prepare('SELECT COUNT(*) AS n FROM inbound_messages m LEFT JOIN webhook_events e ON e.id = m.event_id WHERE e.id IS NULL').get() as { n: number };
    expect(orphans.n).toBe(0);
    expect(existsSync(`${destination}-wal`)).toBe(false);
  }, 60_000);

  it('`npm run backup` prints the path of a verified copy under BOT_DATA_DIR/backups, named by the WIB time', async () => {
    const { dir, start } = await setup();
    const service = await start();
    const load = writeLoad(service.url, 4);
    while (load.acked.length < 50) await new Promise(r => setTimeout(r, 20));
    const run = spawnSync(process.execPath, ['scripts/backup.ts'], { env: { ...process.env, BOT_DATA_DIR: dir }, encoding: 'utf8' });
    await load.stop();
    expect(run.status).toBe(0);
    const printed = run.stdout.trim();
    expect(printed.startsWith(join(dir, 'backups', 'bot-'))).toBe(true);
    expect(printed.slice(printed.lastIndexOf('bot-') + 4, printed.lastIndexOf('bot-') + 12)).toBe(wibStamp().slice(0, 8));
    expect(run.stderr).toMatch(/integrity ok/);
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
    const copy = new Database(printed, { readonly: true });
    expect((copy.prepare('SELECT COUNT(*) AS n FROM inbound_messages').get() as { n: number }).n).toBeGreaterThanOrEqual(50);
    copy.close();
  }, 60_000);

  it('restore refuses a running database, restores into a stopped data dir, and the service starts on it', async () => {
    const { dir, start } = await setup();
    const first = await start();
    const load = writeLoad(first.url, 4);
    while (load.acked.length < 100) await new Promise(r => setTimeout(r, 20));
    const backup = await backupDatabase(join(dir, 'bot.db'), join(dir, 'backups', 'snapshot.db'));
    await load.stop();
    const acked = load.acked.length;
    const snap = new Database(backup.path, { readonly: true });
    const inBackup = (snap.prepare('SELECT COUNT(*) AS n FROM inbound_messages').get() as { n: number }).n;
    snap.close();
    expect(inBackup).toBeGreaterThanOrEqual(100);

    // While the service runs on it, restore changes nothing.
    expect(() => restoreDatabase(backup.path, dir)).toThrow(/in use/);
    const cli = spawnSync(process.execPath, ['scripts/restore.ts', backup.path, dir], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/in use/);

    // Stopped: the database there is kept aside and the backup goes in.
    first.child.kill('SIGTERM');
    await first.exited;
    const result = restoreDatabase(backup.path, dir);
    expect(result.previous).not.toBeNull();
    expect(existsSync(result.previous!)).toBe(true);
    const kept = new Database(result.previous!, { readonly: true });
    expect((kept.prepare('SELECT COUNT(*) AS n FROM inbound_messages').get() as { n: number }).n).toBe(acked);
    kept.close();

    const second = await start();
    const health = await fetch(`${second.url}/healthz`);
    expect(health.status).toBe(200);
    // It takes traffic again on the restored data.
    const again = writeLoad(second.url, 2);
    while (again.acked.length < 10) await new Promise(r => setTimeout(r, 20));
    await again.stop();
    second.child.kill('SIGTERM');
    await second.exited;
    const db = new Database(join(dir, 'bot.db'), { readonly: true });
    // What the backup held, plus what came after the restore: nothing of the newer, replaced file.
    expect((db.prepare('SELECT COUNT(*) AS n FROM inbound_messages').get() as { n: number }).n).toBe(inBackup + again.acked.length);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    // Into an empty data dir: nothing to keep aside.
    const empty = tempDir();
    cleanups.push(empty.cleanup);
    const fresh = restoreDatabase(backup.path, join(empty.dir, 'data'));
    expect(fresh.previous).toBeNull();
    const third = await start(join(empty.dir, 'data'));
    expect((await fetch(`${third.url}/healthz`)).status).toBe(200);
  }, 90_000);
});
