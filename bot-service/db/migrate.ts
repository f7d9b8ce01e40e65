import type { Db } from './open.ts';
import { migrations } from './migrations/index.ts';

export class MigrationError extends Error {}

/** The schema version this code writes. */
export const latestVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);

/**
 * Runs the pending migrations in one transaction and records the version in `user_version`.
 * Refuses a database written by newer code: opening it could lose data.
 */
export function migrate(db: Db): number {
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version <= migrations[i - 1]!.version) {
      throw new MigrationError('migrations must be listed in increasing version order');
    }
  }
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latestVersion) {
    throw new MigrationError(
      `database schema version ${current} is newer than this code (${latestVersion}); upgrade bot-service or restore a matching backup`
    );
  }
  const pending = migrations.filter(m => m.version > current);
  if (pending.length === 0) {
    return current;
  }
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
    }
    db.pragma(`user_version = ${latestVersion}`);
  })();
  return latestVersion;
}
