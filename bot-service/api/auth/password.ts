import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt (memory-hard), parameters stored with the hash:
 * `scrypt$<log2 N>$<r>$<p>$<salt base64>$<key base64>`, so the cost can rise later without
 * breaking old hashes.
 */

/** log2 of scrypt's N: 2^15 with r = 8 needs 32 MiB and ~0.1 s per hash on one core. */
export const defaultHashCost = 15;
const r = 8;
const p = 1;
const keyLength = 32;
// A stored hash asking for more than this is refused rather than allowed to exhaust memory.
const maxCost = 20;

const maxmemFor = (cost: number): number => 256 * 2 ** cost * r;

function format(cost: number, salt: Buffer, key: Buffer): string {
  return `scrypt$${cost}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Hashes synchronously (blocks the event loop for the hash's duration: CLI, bootstrap and tests). */
export function hashPasswordSync(password: string, cost: number = defaultHashCost): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, keyLength, { N: 2 ** cost, r, p, maxmem: maxmemFor(cost) });
  return format(cost, salt, key);
}

function scryptAsync(password: string, salt: Buffer, length: number, cost: number, rr: number, pp: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, length, { N: 2 ** cost, r: rr, p: pp, maxmem: 256 * 2 ** cost * rr * pp }, (error, key) =>
      error ? reject(error) : resolve(key)
    );
  });
}

/** Hashes on the thread pool (for request handlers). */
export async function hashPassword(password: string, cost: number = defaultHashCost): Promise<string> {
  const salt = randomBytes(16);
  return format(cost, salt, await scryptAsync(password, salt, keyLength, cost, r, p));
}

/** True when the password matches; false for a mismatch or an unreadable hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    return false;
  }
  const [cost, rr, pp] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (![cost, rr, pp].every(Number.isInteger) || cost < 1 || cost > maxCost || rr < 1 || rr > 32 || pp < 1 || pp > 4) {
    return false;
  }
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  if (expected.length < 16) {
    return false;
  }
  const actual = await scryptAsync(password, salt, expected.length, cost, rr, pp);
  return timingSafeEqual(actual, expected);
}

let dummy: string | null = null;

/**
 * A hash of a random password at the default cost: an unknown user is checked against it, so
 * answering "no such user" takes as long as a wrong password.
 */
export function dummyHash(): string {
  dummy ??= hashPasswordSync(randomBytes(16).toString('base64'));
  return dummy;
}
