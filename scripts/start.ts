/**
 * `npm start`: the whole system on one machine, on its embedded default: bot-service in demo mode
 * (SQLite under ./data), the WhatsApp simulator playing Meta, and the console.
 *
 * Demo secrets are generated once and kept in data/demo-secrets.json, shared by both sides;
 * nothing here talks to Meta.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadEnv, readConfig } from '../bot-service/config.ts';
import type { Db } from '../bot-service/db/open.ts';
import { createUser, findUserByUsername } from '../bot-service/db/queries/users.ts';
import { describeDemoSeed, seedDemoHistoryFile } from '../bot-service/demo/history.ts';
import { createLogger } from '../bot-service/logger.ts';
import { startBotService } from '../bot-service/start.ts';
import { startSimulator } from '../simulator/server.ts';
import { probeElectron } from './electron-probe.ts';

type DemoSecrets = { appSecret: string; verifyToken: string; accessToken: string; phoneNumberId: string };

function demoSecrets(dataDir: string): DemoSecrets {
  const file = join(dataDir, 'demo-secrets.json');
  if (existsSync(file)) {
    return JSON.parse(readFileSync(file, 'utf8')) as DemoSecrets;
  }
  const secrets: DemoSecrets = {
    appSecret: randomBytes(24).toString('hex'),
    verifyToken: randomBytes(12).toString('hex'),
    accessToken: 'DEMO' + randomBytes(24).toString('base64url'),
    phoneNumberId: '1' + String(Date.now()).slice(-14),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
  return secrets;
}

type DemoAccount = { username: string; password: string; role: 'admin' | 'supervisor' | 'volunteer' | 'official'; displayName: string };

/** One account per role, made on the first demo start; passwords kept beside the demo database. */
function demoAccounts(db: Db, dataDir: string): DemoAccount[] {
  const file = join(dataDir, 'demo-accounts.json');
  let accounts: DemoAccount[];
  if (existsSync(file)) {
    accounts = JSON.parse(readFileSync(file, 'utf8')) as DemoAccount[];
  } else {
    const pass = () => randomBytes(9).toString('base64url');
    accounts = [
      { username: 'admin', password: pass(), role: 'admin', displayName: 'Admin Demo' },
      { username: 'posko', password: pass(), role: 'supervisor', displayName: 'Petugas Posko Demo' },
      { username: 'relawan', password: pass(), role: 'volunteer', displayName: 'Relawan Demo' },
      { username: 'pejabat', password: pass(), role: 'official', displayName: 'Pejabat Demo' },
    ];
    writeFileSync(file, JSON.stringify(accounts, null, 2) + '\n', { mode: 0o600 });
  }
  for (const a of accounts) {
    if (findUserByUsername(db, a.username) === undefined) {
      createUser(db, { username: a.username, password: a.password, role: a.role, displayName: a.displayName });
    }
  }
  return accounts;
}

const env = loadEnv(process.env);
const botPort = Number(env.BOT_PORT ?? 8080);
const simPort = Number(env.SIM_PORT ?? 8081);
const host = env.BOT_HOST ?? '127.0.0.1';
const dataDir = env.BOT_DATA_DIR ?? './data';
const secrets = demoSecrets(dataDir);

let config;
try {
  config = readConfig({
    ...env,
    BOT_DEMO: 'true',
    BOT_DATA_DIR: dataDir,
    WA_APP_SECRET: secrets.appSecret,
    WA_VERIFY_TOKEN: secrets.verifyToken,
    WA_ACCESS_TOKEN: secrets.accessToken,
    WA_PHONE_NUMBER_ID: secrets.phoneNumberId,
    WA_GRAPH_URL: `http://127.0.0.1:${simPort}/v25.0`,
    BOT_LOG_LEVEL: env.BOT_LOG_LEVEL ?? 'warn',
  });
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`npm start: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

const simulator = await startSimulator({
  host: '127.0.0.1',
  port: simPort,
  appSecret: secrets.appSecret,
  accessToken: secrets.accessToken,
  phoneNumberId: secrets.phoneNumberId,
  botWebhookUrl: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${botPort}/webhooks/whatsapp`,
});
// A clearly marked demo history (three days before today) so the heatmap and reports show something
// on a first start; BOT_DEMO_HISTORY=off leaves the database empty.
if ((env.BOT_DEMO_HISTORY ?? '').trim().toLowerCase() !== 'off') {
  const demo = seedDemoHistoryFile(join(config.dataDir, 'bot.db'), { now: Date.now() });
  process.stdout.write(`${describeDemoSeed(demo)}\n`);
}
const log = createLogger(config.logLevel);
const bot = await startBotService(config, log);

const accounts = demoAccounts(bot.service.db, config.dataDir);
const consoleUrl = `${bot.url}/console/`;
const electron = probeElectron();

const lines = [
  '',
  'Jatim COVID-19 command post: demo running (nothing here talks to Meta)',
  `  WhatsApp simulator (the citizen's phone): ${simulator.url}/`,
  `  console:                                  ${electron.ok ? 'opening the desktop app; in a browser: ' : ''}${consoleUrl}`,
  `  bot-service:                              ${bot.url}  (health: ${bot.url}/healthz)`,
  `  data:                                     ${config.dataDir}`,
  '',
  'Demo accounts (kept in data/demo-accounts.json):',
  ...accounts.map(a => `  ${a.role.padEnd(10)} ${a.username.padEnd(8)} ${a.password}`),
  '',
  ...(electron.ok ? [] : [`No Electron binary here (${electron.reason}): open the console in a browser.`, '']),
  'Stop with Ctrl+C.',
  '',
];
process.stdout.write(lines.join('\n'));

let desktop: ReturnType<typeof spawn> | null = null;
if (electron.ok) {
  // The desktop app finds the service through its settings; the default is this demo's address.
  desktop = spawn(electron.executable, ['.'], { stdio: 'inherit', env: { ...process.env } });
  desktop.once('exit', () => void stop());
}

async function stop(): Promise<void> {
  desktop?.kill();
  await bot.close();
  await simulator.close();
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
