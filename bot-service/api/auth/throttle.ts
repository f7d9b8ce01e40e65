import type { Db } from '../../db/open.ts';

/**
 * Login throttling per account and per client address, stored in the database so a restart
 * does not reset it.
 *
 * An attempt is counted as a failure BEFORE the password is checked (the check takes ~0.1 s on
 * the thread pool, and parallel guesses must not slip past the limit); a success then resets the
 * account and takes its own count back from the address. From the threshold on, every failure
 * locks the key for base × 2^(failures − threshold), up to the maximum.
 */

export type ThrottlePolicy = {
  /** Failures that trigger the first lock. */
  threshold: number;
  baseLockMs: number;
  maxLockMs: number;
  /** A key with no failure for this long starts again from zero. */
  forgetAfterMs: number;
};

export const accountPolicy: ThrottlePolicy = { threshold: 5, baseLockMs: 30_000, maxLockMs: 60 * 60_000, forgetAfterMs: 24 * 60 * 60_000 };
// One command post may sit behind one address: allow more before locking it out.
export const addressPolicy: ThrottlePolicy = { threshold: 20, baseLockMs: 30_000, maxLockMs: 60 * 60_000, forgetAfterMs: 24 * 60 * 60_000 };

type Row = { key: string; failures: number; last_failure_at: number; locked_until: number | null };

type Counted = { key: string; before: Row | undefined; lockSet: number | null };

export type AttemptTicket = { account: Counted; address: Counted };

export type AttemptGate = { ok: true; ticket: AttemptTicket } | { ok: false; retryAfterSeconds: number };

export const accountKey = (username: string): string => `account:${username.trim().toLowerCase()}`;
export const addressKey = (address: string): string => `address:${address}`;

export function lockDuration(failures: number, policy: ThrottlePolicy): number {
  return failures < policy.threshold ? 0 : Math.min(policy.baseLockMs * 2 ** (failures - policy.threshold), policy.maxLockMs);
}

/** Lets an attempt through (counting it as a failure until `succeed`) or says how long to wait. */
export function beginAttempt(db: Db, username: string, address: string, now: number): AttemptGate {
  const get = db.prepare('SELECT key, failures, last_failure_at, locked_until FROM login_throttle WHERE key = ?');
  const put = db.prepare(
    `INSERT INTO login_throttle (key, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until`
  );
  return db.transaction((): AttemptGate => {
    const keys: Array<[string, ThrottlePolicy]> = [
      [accountKey(username), accountPolicy],
      [addressKey(address), addressPolicy],
    ];
    const rows = keys.map(([key]) => get.get(key) as Row | undefined);
    const lockedUntil = Math.max(0, ...rows.map(r => r?.locked_until ?? 0));
    if (lockedUntil > now) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((lockedUntil - now) / 1000)) };
    }
    const counted = keys.map(([key, policy], i): Counted => {
      const before = rows[i];
      const failures = before !== undefined && now - before.last_failure_at < policy.forgetAfterMs ? before.failures + 1 : 1;
      const lock = lockDuration(failures, policy);
      const lockSet = lock > 0 ? now + lock : null;
      put.run(key, failures, now, lockSet ?? (before?.locked_until ?? null));
      return { key, before, lockSet };
    });
    return { ok: true, ticket: { account: counted[0]!, address: counted[1]! } };
  })();
}

/** The attempt succeeded: forget the account's failures and undo this attempt's count on the address. */
export function succeedAttempt(db: Db, ticket: AttemptTicket): void {
  db.transaction(() => {
    db.prepare('DELETE FROM login_throttle WHERE key = ?').run(ticket.account.key);
    const prev = ticket.address.before;
    db.prepare(
      `UPDATE login_throttle SET
         failures = MAX(failures - 1, 0),
         last_failure_at = CASE WHEN $prevAt IS NULL THEN last_failure_at ELSE $prevAt END,
         locked_until = CASE WHEN $lockSet IS NOT NULL AND locked_until = $lockSet THEN $prevLock ELSE locked_until END
       WHERE key = $key`
    ).run({ key: ticket.address.key, prevAt: prev?.last_failure_at ?? null, lockSet: ticket.address.lockSet, prevLock: prev?.locked_until ?? null });
  })();
}
