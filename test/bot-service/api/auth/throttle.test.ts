import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountPolicy, addressPolicy } from '../../../../bot-service/api/auth/throttle.ts';
import { createUser } from '../../../../bot-service/db/queries/users.ts';
import type { Service } from '../../../../bot-service/server.ts';
import { startService, tempDir } from '../../helpers.ts';

let service: Service;
let dir: string;
let cleanup: () => void;

beforeEach(async () => {
  const t = tempDir();
  dir = t.dir;
  cleanup = t.cleanup;
  service = await startService(dir);
});

afterEach(async () => {
  await service.close();
  cleanup();
});

const login = (username: string, password: string, remoteAddress = '10.1.1.1') =>
  service.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

const user = (username: string) => createUser(service.db, { username, password: 'the-password', role: 'volunteer', hashCost: 10 });

async function fail(username: string, times: number, address = '10.1.1.1'): Promise<void> {
  for (let i = 0; i < times; i++) {
    expect((await login(username, 'wrong-password', address)).statusCode).toBe(401);
  }
}

describe('api/auth login throttle per account', () => {
  it('locks an account after 5 failures: 429 with Retry-After, even with the right password and from another address', async () => {
    user('rina');
    user('budi');
    await fail('rina', accountPolicy.threshold);
    const locked = await login('rina', 'the-password');
    expect(locked.statusCode).toBe(429);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(25);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(locked.json().error).toMatch(/too many/);
    expect((await login('RINA', 'the-password', '10.9.9.9')).statusCode).toBe(429);
    // Another account at the same address is not affected.
    expect((await login('budi', 'the-password')).statusCode).toBe(200);
  });

  it('locks an unknown username the same way (no hint that it does not exist)', async () => {
    await fail('ghost', accountPolicy.threshold);
    expect((await login('ghost', 'anything')).statusCode).toBe(429);
  });

  it('doubles the lock for each further failure', async () => {
    user('dewi');
    await fail('dewi', accountPolicy.threshold);
    // Let the first lock run out, then fail once more.
    service.db.prepare("UPDATE login_throttle SET locked_until = ? WHERE key = 'account:dewi'").run(Date.now() - 1);
    await fail('dewi', 1);
    const retryAfter = Number((await login('dewi', 'the-password')).headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(55);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('a success resets the account counter', async () => {
    user('agus');
    await fail('agus', accountPolicy.threshold - 1);
    expect((await login('agus', 'the-password')).statusCode).toBe(200);
    await fail('agus', accountPolicy.threshold - 1);
    expect((await login('agus', 'the-password')).statusCode).toBe(200);
  });

  it('lets the account in again once the lock has passed', async () => {
    user('eko');
    await fail('eko', accountPolicy.threshold);
    expect((await login('eko', 'the-password')).statusCode).toBe(429);
    service.db.prepare("UPDATE login_throttle SET locked_until = ? WHERE key = 'account:eko'").run(Date.now() - 1);
    expect((await login('eko', 'the-password')).statusCode).toBe(200);
  });

  it('keeps the lock across a restart', async () => {
    user('lina');
    await fail('lina', accountPolicy.threshold);
    await service.close();
    service = await startService(dir);
    const res = await login('lina', 'the-password');
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('api/auth login throttle per address', () => {
  it('locks an address after 20 failures across accounts; other addresses still log in', async () => {
    const perAccount = accountPolicy.threshold - 1;
    const accounts = Math.ceil(addressPolicy.threshold / perAccount);
    for (let i = 0; i < accounts; i++) {
      user(`acct${i}`);
    }
    user('fresh');
    let failures = 0;
    for (let i = 0; i < accounts && failures < addressPolicy.threshold; i++) {
      const n = Math.min(perAccount, addressPolicy.threshold - failures);
      await fail(`acct${i}`, n, '10.2.2.2');
      failures += n;
    }
    const blocked = await login('fresh', 'the-password', '10.2.2.2');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login('fresh', 'the-password', '10.3.3.3')).statusCode).toBe(200);
  });

  it('a success does not wipe the address count, only its own attempt', async () => {
    user('one');
    user('two');
    await fail('one', 4, '10.4.4.4');
    expect((await login('two', 'the-password', '10.4.4.4')).statusCode).toBe(200);
    const row = service.db.prepare("SELECT failures FROM login_throttle WHERE key = 'address:10.4.4.4'").get() as { failures: number };
    expect(row.failures).toBe(4);
  });
});
