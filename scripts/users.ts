/**
 * Console accounts from the command line, on the database bot-service uses (BOT_DATA_DIR).
 *
 *   node scripts/users.ts add <username> --role <admin|supervisor|volunteer|official> [--name "Display Name"]
 *   node scripts/users.ts reset-password <username>
 *   node scripts/users.ts list
 *
 * The password comes from NEW_PASSWORD, else from stdin: typed twice without echo on a terminal,
 * or the first line of piped input. Safe while bot-service runs (SQLite WAL).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { audit } from '../bot-service/api/audit.ts';
import { ConfigError, loadEnv, readConfig } from '../bot-service/config.ts';
import { DisplayName, Password, Role, Username } from '../bot-service/contract/auth.ts';
import { MigrationError } from '../bot-service/db/migrate.ts';
import { openDatabase, type Db } from '../bot-service/db/open.ts';
import { deleteUserSessions } from '../bot-service/db/queries/sessions.ts';
import { createUser, DuplicateUsernameError, findUserByUsername, listUsers, updateUser } from '../bot-service/db/queries/users.ts';
import { hashPasswordSync } from '../bot-service/api/auth/password.ts';

class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

const usage = `usage:
  node scripts/users.ts add <username> --role <admin|supervisor|volunteer|official> [--name "Display Name"]
  node scripts/users.ts reset-password <username>
  node scripts/users.ts list
The password is read from NEW_PASSWORD, or from stdin (not echoed on a terminal).
The database is \${BOT_DATA_DIR}/bot.db (BOT_DATA_DIR from the environment or .env; default ./data).`;

function check<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ message: string }> } } }, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new CliError(`${what}: ${result.error.issues[0]?.message ?? 'invalid'}`, 2);
  }
  return result.data;
}

function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new CliError('cancelled'));
          return;
        }
        value = ch === '\u007f' || ch === '\b' ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function readPassword(env: Record<string, string | undefined>): Promise<string> {
  let password: string;
  if (env.NEW_PASSWORD !== undefined && env.NEW_PASSWORD !== '') {
    password = env.NEW_PASSWORD;
  } else if (process.stdin.isTTY) {
    password = await readHidden('New password: ');
    if ((await readHidden('Repeat it: ')) !== password) {
      throw new CliError('the two passwords differ');
    }
  } else {
    password = await readPiped();
  }
  if (password === '') {
    throw new CliError('no password given: set NEW_PASSWORD or type it on stdin', 2);
  }
  return check(Password, password, 'password');
}

function openFromSettings(env: Record<string, string | undefined>): Db {
  // Only BOT_DATA_DIR matters here: the WhatsApp settings are not needed to manage accounts.
  const config = readConfig({ BOT_DEMO: 'true', BOT_DATA_DIR: env.BOT_DATA_DIR });
  return openDatabase(join(config.dataDir, 'bot.db'));
}

async function run(argv: string[], env: Record<string, string | undefined>): Promise<string> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { role: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${usage}`, 2);
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || command === undefined) {
    return usage;
  }
  if (command === 'list') {
    const db = openFromSettings(env);
    try {
      return listUsers(db)
        .map(u => `${u.id}\t${u.username}\t${u.role}${u.disabled ? '\t(disabled)' : ''}${u.display_name ? `\t${u.display_name}` : ''}`)
        .join('\n');
    } finally {
      db.close();
    }
  }
  if (command !== 'add' && command !== 'reset-password') {
    throw new CliError(`unknown command "${command}"\n${usage}`, 2);
  }
  if (rest.length !== 1) {
    throw new CliError(`${command} takes exactly one username\n${usage}`, 2);
  }
  const username = check(Username, rest[0], 'username');
  if (command === 'add') {
    if (parsed.values.role === undefined) {
      throw new CliError('add needs --role <admin|supervisor|volunteer|official>', 2);
    }
    const role = check(Role, parsed.values.role, 'role');
    const displayName = parsed.values.name === undefined ? null : check(DisplayName, parsed.values.name, 'name');
    const password = await readPassword(env);
    const db = openFromSettings(env);
    try {
      const { id } = db.transaction(() => {
        const user = createUser(db, { username, password, role, displayName });
        audit(db, { actorId: null, action: 'user.create', target: `user:${user.id}`, details: { username, role, via: 'cli' } });
        return user;
      })();
      return `added user ${username} (id ${id}, role ${role})`;
    } catch (error) {
      if (error instanceof DuplicateUsernameError) {
        throw new CliError(`user "${username}" already exists (usernames ignore case)`);
      }
      throw error;
    } finally {
      db.close();
    }
  }
  const db = openFromSettings(env);
  try {
    const user = findUserByUsername(db, username);
    if (user === undefined) {
      throw new CliError(`no user "${username}"`);
    }
    const hash = hashPasswordSync(await readPassword(env));
    const revoked = db.transaction(() => {
      updateUser(db, user.id, { passwordHash: hash });
      // Whoever knew the old password is signed out too.
      const n = deleteUserSessions(db, user.id);
      audit(db, { actorId: null, action: 'user.update', target: `user:${user.id}`, details: { passwordReset: true, revokedSessions: n, via: 'cli' } });
      return n;
    })();
    return `password of ${user.username} reset; ${revoked} session(s) ended`;
  } finally {
    db.close();
  }
}

try {
  const output = await run(process.argv.slice(2), loadEnv(process.env));
  process.stdout.write(output + '\n');
} catch (error) {
  if (error instanceof CliError) {
    process.stderr.write(`users: ${error.message}\n`);
    process.exit(error.exitCode);
  }
  if (error instanceof ConfigError || error instanceof MigrationError) {
    process.stderr.write(`users: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
