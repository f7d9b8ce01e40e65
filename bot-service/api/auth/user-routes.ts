import type { FastifyInstance } from 'fastify';
import { CreateUserRequest, UpdateUserRequest, UserIdParams, type UserView } from '../../contract/auth.ts';
import type { Db } from '../../db/open.ts';
import { deleteUserSessions } from '../../db/queries/sessions.ts';
import {
  countOtherActiveAdmins,
  DuplicateUsernameError,
  getUser,
  insertUser,
  listUsers,
  updateUser,
  type UserChanges,
  type UserRow,
} from '../../db/queries/users.ts';
import { audit } from '../audit.ts';
import type { ApiDeps } from '../deps.ts';
import { requireRole } from './guard.ts';
import { hashPassword } from './password.ts';
import { parseInput } from './validate.ts';

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    displayName: row.display_name,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastLoginAt: row.last_login_at,
  };
}

class Refusal extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Checks and applies an admin's change to a user in one transaction (audited); returns the updated row. */
function applyUserChange(db: Db, actorId: number, id: number, changes: UserChanges, passwordReset: boolean): UserRow {
  return db.transaction(() => {
    const before = getUser(db, id);
    if (before === undefined) {
      throw new Refusal(404, 'no such user');
    }
    const losesAdmin =
      before.role === 'admin' && before.disabled === 0 && ((changes.role !== undefined && changes.role !== 'admin') || changes.disabled === true);
    if (losesAdmin && countOtherActiveAdmins(db, id) === 0) {
      throw new Refusal(409, 'at least one active admin must remain');
    }
    updateUser(db, id, changes);
    const roleChanged = changes.role !== undefined && changes.role !== before.role;
    const disabledNow = changes.disabled === true && before.disabled === 0;
    // A new role or a disabled account must take effect now, not when the session expires.
    const revoked = roleChanged || disabledNow || passwordReset ? deleteUserSessions(db, id) : 0;
    const details: Record<string, unknown> = { revokedSessions: revoked };
    if (roleChanged) details.role = { from: before.role, to: changes.role };
    if (changes.disabled !== undefined && (changes.disabled ? 1 : 0) !== before.disabled) details.disabled = changes.disabled;
    if (changes.displayName !== undefined && changes.displayName !== before.display_name) details.displayNameChanged = true;
    if (passwordReset) details.passwordReset = true;
    audit(db, { actorId, action: 'user.update', target: `user:${id}`, details });
    return getUser(db, id)!;
  })();
}

/** Admin only: `GET/POST /users`, `PATCH /users/:id`, `POST /users/:id/revoke-sessions`. */
export function registerUserRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { db } = deps;
  const adminOnly = { preHandler: requireRole('admin') };

  app.get('/users', adminOnly, async () => ({ users: listUsers(db).map(toUserView) }));

  app.post('/users', adminOnly, async (request, reply) => {
    const parsed = parseInput(CreateUserRequest, request.body);
    if (!parsed.ok) {
      return reply.code(400).send({ error: parsed.error });
    }
    const { username, password, role, displayName } = parsed.value;
    const passwordHash = await hashPassword(password);
    try {
      const row = db.transaction(() => {
        const { id } = insertUser(db, { username, role, displayName: displayName ?? null, passwordHash });
        audit(db, { actorId: request.user.id, action: 'user.create', target: `user:${id}`, details: { username, role } });
        return getUser(db, id)!;
      })();
      return reply.code(201).send({ user: toUserView(row) });
    } catch (error) {
      if (error instanceof DuplicateUsernameError) {
        return reply.code(409).send({ error: 'username: already taken' });
      }
      throw error;
    }
  });

  app.patch('/users/:id', adminOnly, async (request, reply) => {
    const params = parseInput(UserIdParams, request.params, 'params');
    if (!params.ok) {
      return reply.code(400).send({ error: params.error });
    }
    const parsed = parseInput(UpdateUserRequest, request.body);
    if (!parsed.ok) {
      return reply.code(400).send({ error: parsed.error });
    }
    const { role, disabled, displayName, password } = parsed.value;
    const changes: UserChanges = { role, disabled, displayName };
    if (password !== undefined) {
      changes.passwordHash = await hashPassword(password);
    }
    try {
      return { user: toUserView(applyUserChange(db, request.user.id, params.value.id, changes, password !== undefined)) };
    } catch (error) {
      if (error instanceof Refusal) {
        return reply.code(error.status).send({ error: error.message });
      }
      throw error;
    }
  });

  app.post('/users/:id/revoke-sessions', adminOnly, async (request, reply) => {
    const params = parseInput(UserIdParams, request.params, 'params');
    if (!params.ok) {
      return reply.code(400).send({ error: params.error });
    }
    const id = params.value.id;
    const revoked = db.transaction(() => {
      if (getUser(db, id) === undefined) {
        return null;
      }
      const n = deleteUserSessions(db, id);
      audit(db, { actorId: request.user.id, action: 'user.revoke-sessions', target: `user:${id}`, details: { revokedSessions: n } });
      return n;
    })();
    if (revoked === null) {
      return reply.code(404).send({ error: 'no such user' });
    }
    return { revoked };
  });
}
