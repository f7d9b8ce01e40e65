import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

/** Settings of bot-service, read once at start from the environment and `.env`. */
export type Config = {
  host: string;
  port: number;
  dataDir: string;
  /** Demo mode: WhatsApp settings may be absent; `npm start` generates them. */
  demo: boolean;
  wa: {
    appSecret: string;
    verifyToken: string;
    accessToken: string;
    phoneNumberId: string;
    graphUrl: string;
  };
  /** Most Graph API calls per second for our number (Meta's default tier is 80). */
  sendRatePerSecond: number;
  /** A conversation ends after this long without a message. */
  sessionQuietMinutes: number;
  bootstrapAdminPassword: string | null;
  /** Message texts older than this many days are deleted; counters stay. */
  retentionDays: number;
  logLevel: string;
};

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

/** Reads `.env` from `dir` if present; real environment variables win over it. */
export function loadEnv(processEnv: Env, dir: string = process.cwd()): Env {
  const file = resolve(dir, '.env');
  if (!existsSync(file)) {
    return { ...processEnv };
  }
  const fromFile = parseEnv(readFileSync(file, 'utf8'));
  return { ...fromFile, ...processEnv };
}

function readString(env: Env, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined || value === '' ? fallback : value;
}

function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (!/^\d+$/.test(raw.trim())) {
    throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  }
  const value = Number(raw.trim());
  if (value < min || value > max) {
    throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

function readBool(env: Env, name: string): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '' || raw === '0' || raw === 'false' || raw === 'no') {
    return false;
  }
  if (raw === '1' || raw === 'true' || raw === 'yes') {
    return true;
  }
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function readUrl(env: Env, name: string, fallback: string): string {
  const value = readString(env, name, fallback).replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`${name} must be an http(s) URL, got "${value}"`);
  }
  return value;
}

/**
 * Builds the configuration, or throws a ConfigError whose message is one line naming the bad setting.
 */
export function readConfig(env: Env): Config {
  const demo = readBool(env, 'BOT_DEMO');
  const requireSecret = (name: string): string => {
    const value = env[name];
    if (value === undefined || value.trim() === '') {
      if (demo) {
        return '';
      }
      throw new ConfigError(`${name} is required (set it in the environment or .env; see README "Settings")`);
    }
    if (/\s/.test(value)) {
      throw new ConfigError(`${name} must not contain spaces`);
    }
    return value;
  };
  const phoneNumberId = requireSecret('WA_PHONE_NUMBER_ID');
  if (phoneNumberId !== '' && !/^\d+$/.test(phoneNumberId)) {
    throw new ConfigError(`WA_PHONE_NUMBER_ID must be digits (the number's id from WhatsApp Manager), got "${phoneNumberId}"`);
  }
  const host = readString(env, 'BOT_HOST', '127.0.0.1');
  if (!/^[\w.:-]+$/.test(host)) {
    throw new ConfigError(`BOT_HOST is not a host name or address: "${host}"`);
  }
  const password = env.BOOTSTRAP_ADMIN_PASSWORD;
  if (password !== undefined && password !== '' && password.length < 8) {
    throw new ConfigError('BOOTSTRAP_ADMIN_PASSWORD must be at least 8 characters');
  }
  return {
    host,
    port: readInt(env, 'BOT_PORT', 8080, 0, 65535),
    dataDir: resolve(readString(env, 'BOT_DATA_DIR', './data')),
    demo,
    wa: {
      appSecret: requireSecret('WA_APP_SECRET'),
      verifyToken: requireSecret('WA_VERIFY_TOKEN'),
      accessToken: requireSecret('WA_ACCESS_TOKEN'),
      phoneNumberId,
      graphUrl: readUrl(env, 'WA_GRAPH_URL', 'https://graph.facebook.com/v25.0'),
    },
    sendRatePerSecond: readInt(env, 'WA_SEND_RATE', 80, 1, 10_000),
    sessionQuietMinutes: readInt(env, 'BOT_SESSION_QUIET_MINUTES', 30, 1, 24 * 60),
    bootstrapAdminPassword: password === undefined || password === '' ? null : password,
    retentionDays: readInt(env, 'BOT_RETENTION_DAYS', 90, 1, 3650),
    logLevel: readString(env, 'BOT_LOG_LEVEL', 'info'),
  };
}
