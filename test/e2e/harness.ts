/**
 * The browser tests' world: bot-service in-process (real engine, temp data dir, the built
 * console at /console/) and the WhatsApp simulator on free ports, one pair per Playwright
 * worker; a user of each role; and pages already logged in as one of them.
 *
 *   import { test, expect } from './harness.ts';
 *   test('...', async ({ stack, loginAs }) => { const page = await loginAs('volunteer'); ... });
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import pino from 'pino';
import { readConfig } from '../../bot-service/config.ts';
import type { Role } from '../../bot-service/contract/auth.ts';
import { createUser } from '../../bot-service/db/queries/users.ts';
import { startBotService } from '../../bot-service/start.ts';
import type { CoreService } from '../../bot-service/server.ts';
import type { ChatEntry } from '../../simulator/chat-store.ts';
import { startSimulator, type Simulator } from '../../simulator/server.ts';

export { expect };

export const roles: readonly Role[] = ['admin', 'supervisor', 'volunteer', 'official'];

export type StackUser = { id: number; username: string; password: string; displayName: string; role: Role };

export type Stack = {
  /** `http://127.0.0.1:<port>`: bot-service. */
  botUrl: string;
  /** `${botUrl}/console/`: the console as browsers load it. */
  consoleUrl: string;
  service: CoreService;
  simulator: Simulator;
  /** One user of each role (a second volunteer as `volunteer2`). */
  users: Record<Role | 'volunteer2', StackUser>;
  /** A citizen sends a text through the simulator (signed webhook to the bot, like Meta). */
  citizenSays(waId: string, text: string, name?: string): Promise<void>;
  /** The bot's messages on a citizen's simulated phone, as text. */
  phoneTexts(waId: string): string[];
  /** Waits until the citizen's phone shows a bot message matching `match`. */
  waitForPhone(waId: string, match: RegExp | string, timeoutMs?: number): Promise<string>;
  /** A session token for API calls from the test itself. */
  tokenFor(user: StackUser): Promise<string>;
  /** Calls the console API as one of the users (for setting the scene); throws on a non-2xx answer. */
  apiAs<T = unknown>(who: Role | 'volunteer2', method: string, path: string, body?: unknown): Promise<T>;
};

const appSecret = 'e2e-app-secret-5b1c';
const accessToken = 'e2e-access-token';
const phoneNumberId = '109876543210123';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function textOf(entry: ChatEntry): string {
  if (entry.from !== 'bot') return '';
  const body = entry.body as {
    text?: { body?: string };
    interactive?: { header?: { text?: string }; body?: { text?: string }; footer?: { text?: string } };
    template?: { name?: string };
  };
  if (body.text?.body !== undefined) return body.text.body;
  if (body.interactive !== undefined) return [body.interactive.header?.text, body.interactive.body?.text, body.interactive.footer?.text].filter(Boolean).join('\n');
  return body.template?.name !== undefined ? `[template ${body.template.name}]` : '';
}

/** Starts the simulator and bot-service pointed at each other, with users of every role. */
export async function startStack(): Promise<Stack & { close: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jatim-e2e-'));
  const botPort = await freePort();
  const simulator = await startSimulator({
    port: 0,
    appSecret,
    accessToken,
    phoneNumberId,
    botWebhookUrl: `http://127.0.0.1:${botPort}/webhooks/whatsapp`,
    statusDelaysMs: { sent: 20, delivered: 60, read: 400 },
  });
  const config = readConfig({
    BOT_DATA_DIR: dataDir,
    BOT_HOST: '127.0.0.1',
    BOT_PORT: String(botPort),
    WA_APP_SECRET: appSecret,
    WA_VERIFY_TOKEN: 'e2e-verify-token',
    WA_ACCESS_TOKEN: accessToken,
    WA_PHONE_NUMBER_ID: phoneNumberId,
    WA_GRAPH_URL: simulator.graphUrl,
    BOT_LOG_LEVEL: 'silent',
  });
  const bot = await startBotService(config, pino({ level: 'silent' }));
  const botUrl = bot.url.replace('localhost', '127.0.0.1');

  const make = (role: Role, username: string, displayName: string): StackUser => {
    const password = `pw-${username}-e2e-1`;
    const { id } = createUser(bot.service.db, { username, password, role, displayName, hashCost: 10 });
    return { id, username, password, displayName, role };
  };
  const users = {
    admin: make('admin', 'admin1', 'Admin Posko'),
    supervisor: make('supervisor', 'super1', 'Sari Supervisor'),
    volunteer: make('volunteer', 'relawan1', 'Rina Relawan'),
    volunteer2: make('volunteer', 'relawan2', 'Budi Relawan'),
    official: make('official', 'pejabat1', 'Pak Kadis'),
  };

  const tokens = new Map<string, string>();
  const phoneTexts = (waId: string) => simulator.chats.messages(waId).filter(e => e.from === 'bot').map(textOf);

  const stack: Stack & { close: () => Promise<void> } = {
    botUrl,
    consoleUrl: `${botUrl}/console/`,
    service: bot.service,
    simulator,
    users,
    async citizenSays(waId, text, name) {
      const response = await fetch(`${simulator.url}/sim/api/citizens/${waId}/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'text', text, ...(name !== undefined ? { name } : {}) }),
      });
      if (!response.ok) throw new Error(`simulator refused the message: ${response.status} ${await response.text()}`);
      const result = (await response.json()) as { botStatus: number };
      if (result.botStatus !== 200) throw new Error(`bot-service answered the webhook with ${result.botStatus}`);
    },
    phoneTexts,
    async waitForPhone(waId, match, timeoutMs = 10_000) {
      const started = Date.now();
      const test = (text: string) => (typeof match === 'string' ? text.includes(match) : match.test(text));
      for (;;) {
        const found = phoneTexts(waId).find(test);
        if (found !== undefined) return found;
        if (Date.now() - started > timeoutMs) {
          throw new Error(`no bot message matching ${String(match)} on ${waId}'s phone; it has: ${JSON.stringify(phoneTexts(waId))}`);
        }
        await new Promise(resolve => setTimeout(resolve, 50));
      }
    },
    async tokenFor(user) {
      const response = await fetch(`${botUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: user.username, password: user.password }),
      });
      if (!response.ok) throw new Error(`login as ${user.username} failed: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { token: string }).token;
    },
    async apiAs<T>(who: Role | 'volunteer2', method: string, path: string, body?: unknown): Promise<T> {
      const user = users[who];
      let token = tokens.get(user.username);
      if (token === undefined) {
        token = await stack.tokenFor(user);
        tokens.set(user.username, token);
      }
      const response = await fetch(`${botUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path} as ${who}: ${response.status} ${text}`);
      return (text === '' ? undefined : JSON.parse(text)) as T;
    },
    async close() {
      await bot.close();
      await simulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return stack;
}

/** Opens the console in a fresh browser context, logged in as `user` (token placed as the login form would). */
export async function openConsoleAs(browser: Browser, stack: Stack, user: StackUser, hash = ''): Promise<Page> {
  const token = await stack.tokenFor(user);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  await context.addInitScript(value => window.sessionStorage.setItem('console.session', value), token);
  const page = await context.newPage();
  await page.goto(stack.consoleUrl + hash);
  await expect(page.getByTestId('who')).toContainText(user.displayName);
  return page;
}

const screenshotsDir = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

/** Keeps a screenshot of a screen for the README: docs/screenshots/<name>.png. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  // Let live counters, fonts and transitions settle.
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`) });
}

let citizenCounter = 0;

/** A phone number unique within this worker run, like 6281xxxxxxxxx. */
export function newCitizen(): string {
  citizenCounter++;
  return `62812${String(process.pid % 1000).padStart(3, '0')}${String(citizenCounter).padStart(4, '0')}`;
}

export const test = base.extend<{ loginAs: (who: Role | 'volunteer2', hash?: string) => Promise<Page> }, { stack: Stack }>({
  stack: [
    async ({}, use) => {
      const stack = await startStack();
      await use(stack);
      await stack.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  loginAs: async ({ browser, stack }, use) => {
    const pages: Page[] = [];
    await use(async (who, hash = '') => {
      const page = await openConsoleAs(browser, stack, stack.users[who], hash);
      pages.push(page);
      return page;
    });
    for (const page of pages) await page.context().close();
  },
});
