import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Service } from '../../../../bot-service/server.ts';
import { startService, tempDir } from '../../helpers.ts';

const script = fileURLToPath(new URL('../../../../scripts/users.ts', import.meta.url));

let dir: string;
let cleanup: () => void;
let service: Service | null = null;

beforeEach(() => {
  const t = tempDir();
  dir = t.dir;
  cleanup = t.cleanup;
});

afterEach(async () => {
  await service?.close();
  service = null;
  cleanup();
});

function cli(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // No WA_* settings: the tool needs only BOT_DATA_DIR. cwd is the data dir so no .env is read.
    const child = spawn(process.execPath, [script, ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', BOT_DATA_DIR: dir, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', d => (stdout += d));
    child.stderr.on('data', d => (stderr += d));
    child.on('error', reject);
    child.on('close', code => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

const login = (username: string, password: string) => service!.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('scripts/users', () => {
  it('adds a user (password from NEW_PASSWORD) who can log in to bot-service', async () => {
    const added = await cli(['add', 'Nur', '--role', 'volunteer', '--name', 'Nur Hidayah'], { env: { NEW_PASSWORD: 'relawan-jatim' } });
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/added user Nur/);
    service = await startService(dir);
    const res = await login('nur', 'relawan-jatim');
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'Nur', role: 'volunteer', displayName: 'Nur Hidayah' });
  });

  it('resets a password read from stdin and ends the sessions', async () => {
    expect((await cli(['add', 'budi', '--role', 'supervisor'], { env: { NEW_PASSWORD: 'old-password' } })).code).toBe(0);
    service = await startService(dir);
    const token = (await login('budi', 'old-password')).json().token as string;
    const reset = await cli(['reset-password', 'BUDI'], { stdin: 'new-password-1\n' });
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/1 session/);
    expect((await service.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    expect((await login('budi', 'old-password')).statusCode).toBe(401);
    expect((await login('budi', 'new-password-1')).statusCode).toBe(200);
  });

  it('fails clearly with a non-zero exit on bad input', async () => {
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [['add', 'siti', '--role', 'boss'], { NEW_PASSWORD: 'long-enough' }, /role/],
      [['add', 'siti'], { NEW_PASSWORD: 'long-enough' }, /--role/],
      [['add', 'siti', '--role', 'official'], { NEW_PASSWORD: 'short' }, /password: at least 8/],
      [['add', 'siti', '--role', 'official'], {}, /no password/],
      [['reset-password', 'nobody'], { NEW_PASSWORD: 'long-enough' }, /no user "nobody"/],
      [['frobnicate'], {}, /unknown command/],
    ];
    for (const [args, env, message] of cases) {
      const res = await cli(args, { env });
      expect(res.code, args.join(' ')).not.toBe(0);
      expect(res.stderr, args.join(' ')).toMatch(message);
    }
    expect((await cli(['add', 'siti', '--role', 'official'], { env: { NEW_PASSWORD: 'long-enough' } })).code).toBe(0);
    const dup = await cli(['add', 'SITI', '--role', 'official'], { env: { NEW_PASSWORD: 'long-enough' } });
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/already exists/);
  });
});
