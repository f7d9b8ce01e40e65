import type { Db } from '../../db/open.ts';
import { countUsers, createUser } from '../../db/queries/users.ts';
import { audit } from '../audit.ts';

/**
 * The first account: on a start with no users and `BOOTSTRAP_ADMIN_PASSWORD` set, creates user
 * `admin` (role admin) with that password. Returns whether it did; never touches existing users.
 */
export function ensureBootstrapAdmin(db: Db, password: string | null | undefined): { created: boolean } {
  if (password === null || password === undefined || password === '') {
    return { created: false };
  }
  return db.transaction(() => {
    if (countUsers(db) > 0) {
      return { created: false };
    }
    const { id } = createUser(db, { username: 'admin', password, role: 'admin', displayName: 'Administrator' });
    audit(db, { actorId: null, action: 'user.bootstrap', target: `user:${id}`, details: { username: 'admin', role: 'admin' } });
    return { created: true };
  })();
}
