import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { readConfig, type Config } from '../../bot-service/config.ts';
import type { FlowEngine } from '../../bot-service/flows/types.ts';
import type { GraphClient } from '../../bot-service/outbox/graph-client.ts';
import type { SenderOptions } from '../../bot-service/outbox/sender.ts';
import { createService, type Service } from '../../bot-service/server.ts';
import { signBody } from '../../bot-service/whatsapp/signature.ts';
import { phoneNumberId } from './fixtures/webhooks.ts';

export const appSecret = 'test-app-secret-3f9a';
export const verifyToken = 'test-verify-token';
export const accessToken = 'test-access-token';

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'jatim-bot-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function testConfig(dataDir: string, env: Record<string, string> = {}): Config {
  return readConfig({
    BOT_DATA_DIR: dataDir,
    BOT_PORT: '0',
    WA_APP_SECRET: appSecret,
    WA_VERIFY_TOKEN: verifyToken,
    WA_ACCESS_TOKEN: accessToken,
    WA_PHONE_NUMBER_ID: phoneNumberId,
    WA_GRAPH_URL: 'http://127.0.0.1:9/v25.0',
    BOT_LOG_LEVEL: 'silent',
    ...env,
  });
}

/** A flow engine for pipeline tests: answers every text with one text reply. */
export const echoEngine: FlowEngine = {
  handle(ctx) {
    const text = ctx.message.text ?? `(${ctx.message.type})`;
    return { replies: [{ body: { type: 'text', text: { body: `Anda menulis: ${text}` } }, summary: `echo ${text}` }], flowState: { count: 1 } };
  },
};

export async function startService(
  dataDir: string,
  options: { engine?: FlowEngine; graph?: GraphClient; env?: Record<string, string>; sender?: Partial<SenderOptions> } = {}
): Promise<Service> {
  return createService(testConfig(dataDir, options.env), {
    engine: options.engine ?? echoEngine,
    graph: options.graph,
    logger: pino({ level: 'silent' }),
    sender: options.sender,
  });
}

export function signedPost(body: unknown, secret = appSecret): { payload: string; headers: Record<string, string> } {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  return { payload, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(payload, secret) } };
}

export function count(service: Service, sql: string, ...params: unknown[]): number {
  return (service.db.prepare(sql).get(...params) as { n: number }).n;
}
