import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, simulatorOptionsFromEnv, withDotEnv } from '../../simulator/config.ts';

const env = { WA_APP_SECRET: 's', WA_ACCESS_TOKEN: 't', WA_PHONE_NUMBER_ID: '106540352242922' };

function runMain(extraEnv: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['simulator/main.ts'], {
    cwd: join(import.meta.dirname, '../..'),
    env: { PATH: process.env.PATH ?? '', ...extraEnv },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', d => (stderr += d));
  return new Promise(resolve => child.on('close', code => resolve({ code, stderr })));
}

describe('simulator/config', () => {
  it('applies defaults for the optional settings', () => {
    expect(simulatorOptionsFromEnv(env)).toEqual({
      host: '127.0.0.1',
      port: 8081,
      appSecret: 's',
      accessToken: 't',
      phoneNumberId: '106540352242922',
      displayPhoneNumber: '62315550123',
      botWebhookUrl: 'http://127.0.0.1:8080/webhooks/whatsapp',
      readMode: 'auto',
    });
  });

  it.each(['WA_APP_SECRET', 'WA_ACCESS_TOKEN', 'WA_PHONE_NUMBER_ID'])('names a missing %s', name => {
    expect(() => simulatorOptionsFromEnv({ ...env, [name]: '' })).toThrow(new RegExp(`^${name} is not set`));
  });

  it.each([
    ['SIM_PORT', 'abc'],
    ['SIM_PORT', '70000'],
    ['BOT_WEBHOOK_URL', 'not a url'],
    ['WA_DISPLAY_PHONE_NUMBER', '+62 31 555'],
    ['SIM_READ_MODE', 'sometimes'],
  ])('names a malformed %s', (name, value) => {
    expect(() => simulatorOptionsFromEnv({ ...env, [name]: value })).toThrow(ConfigError);
    expect(() => simulatorOptionsFromEnv({ ...env, [name]: value })).toThrow(new RegExp(`^${name} `));
  });

  it('reads .env but lets the environment win', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-env-'));
    try {
      const file = join(dir, '.env');
      writeFileSync(file, 'WA_APP_SECRET=from-file\nSIM_PORT=9999\n');
      const merged = withDotEnv({ SIM_PORT: '8082' }, file);
      expect(merged.WA_APP_SECRET).toBe('from-file');
      expect(merged.SIM_PORT).toBe('8082');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('main stops with one clear line naming the missing setting', async () => {
    const { code, stderr } = await runMain({ WA_ACCESS_TOKEN: 't', WA_PHONE_NUMBER_ID: '1' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^simulator: WA_APP_SECRET is not set/)]);
  });
});
