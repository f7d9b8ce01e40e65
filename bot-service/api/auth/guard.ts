import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Role, SessionUser } from '../../contract/auth.ts';
import type { Db } from '../../db/open.ts';
import { authenticateToken, bearerToken } from './sessions.ts';

export type { Role, SessionUser } from '../../contract/auth.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user; set by `requireRole` before the handler runs. */
    user: SessionUser;
    /** The session behind `user` (logout ends it); set with `user`. */
    session: { id: number; expiresAt: number };
  }
  interface FastifyInstance {
    /** The database the guard checks sessions in; decorated by the auth routes on the /api scope. */
    consoleAuthDb: Db;
  }
}

/**
 * A preHandler that lets a request through only with a valid session (`Authorization: Bearer
 * <token>`, else 401 `{error}`) whose user has one of the roles (else 403 `{error}`); it sets
 * `request.user`. List the roles explicitly: there is no "any role" default.
 */
export function requireRole(...roles: Role[]): preHandlerAsyncHookHandler {
  if (roles.length === 0) {
    throw new Error('requireRole needs at least one role');
  }
  const allowed = new Set<Role>(roles);
  return async function guard(this: unknown, request: FastifyRequest, reply: FastifyReply) {
    const db = request.server.consoleAuthDb;
    if (db === undefined || db === null) {
      throw new Error('requireRole used outside the console API scope (no session store)');
    }
    const token = bearerToken(request.headers.authorization);
    const session = token === null ? null : authenticateToken(db, token, Date.now());
    if (session === null) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'sign in first: missing, expired or revoked session' });
    }
    if (!allowed.has(session.user.role)) {
      return reply.code(403).send({ error: `not allowed for role ${session.user.role}` });
    }
    request.user = session.user;
    request.session = { id: session.sessionId, expiresAt: session.expiresAt };
  };
}
