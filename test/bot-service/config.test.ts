import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv, readConfig } from '../../bot-service/config.ts';

const complete = { WA_APP_SECRET: 's', WA_VERIFY_TOKEN: 'v', WA_ACCESS_TOKEN: 'a', WA_PHONE_NUMBER_ID: '123' };

describe('config', () => {
  it('uses the documented defaults', () => {
    const c = readConfig(complete);
    expect(c.host).toBe('127.0.0.1');
    expect(c.port).toBe(8080);
    expect(c.dataDir).toMatch(/data$/);
    expect(c.wa.graphUrl).toBe('https://graph.facebook.com/v25.0');
    expect(c.sendRatePerSecond).toBe(80);
    expect(c.sessionQuietMinutes).toBe(30);
  });

  it('names the missing setting in one line outside demo mode', () => {
    for (const name of Object.keys(complete)) {
      const env: Record<string, string> = { ...complete };
      delete env[name];
      expect(() => readConfig(env)).toThrow(ConfigError);
      expect(() => readConfig(env)).toThrow(new RegExp(`^${name} is required`));
    }
  });

  it('does not require WhatsApp settings in demo mode', () => {
    expect(readConfig({ BOT_DEMO: 'true' }).demo).toBe(true);
  });

  it('rejects malformed values with the setting named', () => {
    expect(() => readConfig({ ...complete, BOT_PORT: '80a' })).toThrow(/^BOT_PORT must be a whole number/);
    expect(() => readConfig({ ...complete, BOT_PORT: '70000' })).toThrow(/^BOT_PORT must be between/);
    expect(() => readConfig({ ...complete, WA_GRAPH_URL: 'not a url' })).toThrow(/^WA_GRAPH_URL is not a valid URL/);
    expect(() => readConfig({ ...complete, WA_GRAPH_URL: 'ftp://x/v1' })).toThrow(/^WA_GRAPH_URL must be an http/);
    expect(() => readConfig({ ...complete, WA_PHONE_NUMBER_ID: 'abc' })).toThrow(/^WA_PHONE_NUMBER_ID must be digits/);
    expect(() => readConfig({ ...complete, BOT_DEMO: 'maybe' })).toThrow(/^BOT_DEMO must be true or false/);
    expect(() => readConfig({ ...complete, BOOTSTRAP_ADMIN_PASSWORD: 'short' })).toThrow(/^BOOTSTRAP_ADMIN_PASSWORD/);
  });

  it('reads .env, and the environment wins over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jatim-env-'));
    writeFileSync(join(dir, '.env'), 'BOT_PORT=9090\nWA_APP_SECRET=from-file\n# comment\nWA_VERIFY_TOKEN="quoted token"\n');
    const env = loadEnv({ WA_APP_SECRET: 'from-env' }, dir);
    expect(env.BOT_PORT).toBe('9090');
    expect(env.WA_APP_SECRET).toBe('from-env');
    expect(env.WA_VERIFY_TOKEN).toBe('quoted token');
  });
});
