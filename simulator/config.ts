/**
 * Simulator settings from the environment (and `.env`, which the environment
 * overrides). A missing or malformed setting is one clear line naming it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import type { ReadMode } from './status-webhooks.ts';
import type { SimulatorOptions } from './server.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULT_DISPLAY_PHONE_NUMBER = '62315550123';
export const DEFAULT_BOT_WEBHOOK_URL = 'http://127.0.0.1:8080/webhooks/whatsapp';

type Env = Record<string, string | undefined>;

function required(env: Env, name: string): string {
  const v = env[name]?.trim();
  if (!v) throw new ConfigError(`${name} is not set: the simulator needs it (the same value the bot-service uses)`);
  return v;
}

function httpUrl(name: string, value: string): string {
  try {
    const u = new URL(value);
    if (u.protocol === 'http:' || u.protocol === 'https:') return value;
  } catch {
    // fall through to the error below
  }
  throw new ConfigError(`${name} is not an http(s) URL: ${JSON.stringify(value)}`);
}

/** Values of a `.env` file that the environment does not already set. */
export function withDotEnv(env: Env, path = '.env'): Env {
  if (!existsSync(path)) return env;
  const fromFile = parseEnv(readFileSync(path, 'utf8'));
  return { ...fromFile, ...Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) };
}

export function simulatorOptionsFromEnv(env: Env): SimulatorOptions {
  const appSecret = required(env, 'WA_APP_SECRET');
  const accessToken = required(env, 'WA_ACCESS_TOKEN');
  const phoneNumberId = required(env, 'WA_PHONE_NUMBER_ID');
  if (!/^[A-Za-z0-9_-]+$/.test(phoneNumberId)) throw new ConfigError(`WA_PHONE_NUMBER_ID must be an id like 106540352242922, got ${JSON.stringify(phoneNumberId)}`);

  const displayPhoneNumber = env.WA_DISPLAY_PHONE_NUMBER?.trim() || DEFAULT_DISPLAY_PHONE_NUMBER;
  if (!/^\d{7,15}$/.test(displayPhoneNumber)) {
    throw new ConfigError(`WA_DISPLAY_PHONE_NUMBER must be 7 to 15 digits with no "+", got ${JSON.stringify(displayPhoneNumber)}`);
  }
  const botWebhookUrl = httpUrl('BOT_WEBHOOK_URL', env.BOT_WEBHOOK_URL?.trim() || DEFAULT_BOT_WEBHOOK_URL);

  const portText = env.SIM_PORT?.trim() || '8081';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new ConfigError(`SIM_PORT must be a port number, got ${JSON.stringify(portText)}`);
  const host = env.SIM_HOST?.trim() || '127.0.0.1';

  const readMode = (env.SIM_READ_MODE?.trim() || 'auto') as ReadMode;
  if (!['auto', 'on-open', 'never'].includes(readMode)) {
    throw new ConfigError(`SIM_READ_MODE must be auto, on-open or never, got ${JSON.stringify(readMode)}`);
  }

  return { host, port, appSecret, accessToken, phoneNumberId, displayPhoneNumber, botWebhookUrl, readMode };
}
