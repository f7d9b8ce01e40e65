import type { FastifyInstance } from 'fastify';
import { allRoles, LoginRequest, type LoginResponse, type MeResponse } from '../../contract/auth.ts';
import { deleteExpiredSessions, deleteSession } from '../../db/queries/sessions.ts';
import { findUserByUsername, recordLogin } from '../../db/queries/users.ts';
import { audit } from '../audit.ts';
import type { ApiDeps } from '../deps.ts';
import { requireRole } from './guard.ts';
import { dummyHash, verifyPassword } from './password.ts';
import { createSession } from './sessions.ts';
import { beginAttempt, succeedAttempt } from './throttle.ts';
import { parseInput } from './validate.ts';

const loginFailed = { error: 'invalid username or password' };

/** `POST /auth/login`, `POST /auth/logout`, `GET /auth/me`. */
export function registerSessionRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { db } = deps;

  app.post('/auth/login', async (request, reply) => {
    const parsed = parseInput(LoginRequest, request.body);
    if (!parsed.ok) {
      return reply.code(400).send({ error: parsed.error });
    }
    const { username, password } = parsed.value;
    const address = request.ip;
    const gate = beginAttempt(db, username, address, Date.now());
    if (!gate.ok) {
      return reply
        .code(429)
        .header('retry-after', String(gate.retryAfterSeconds))
        .send({ error: `too many failed logins: try again in ${gate.retryAfterSeconds} s` });
    }
    const user = findUserByUsername(db, username.trim());
    // An unknown user is checked against a dummy hash: same answer, same time as a wrong password.
    const matches = await verifyPassword(password, user?.password_hash ?? dummyHash());
    const now = Date.now();
    if (user === undefined || !matches || user.disabled === 1) {
      const reason = user === undefined ? 'unknown-user' : !matches ? 'wrong-password' : 'disabled';
      audit(db, {
        actorId: null,
        action: 'auth.login-failed',
        target: user === undefined ? null : `user:${user.id}`,
        details: { username: username.slice(0, 64), address, reason },
      }, now);
      return reply.code(401).send(loginFailed);
    }
    succeedAttempt(db, gate.ticket);
    const session = db.transaction(() => {
      deleteExpiredSessions(db, now);
      const s = createSession(db, user.id, address, now);
      recordLogin(db, user.id, now);
      audit(db, { actorId: user.id, action: 'auth.login', target: `user:${user.id}`, details: { address } }, now);
      return s;
    })();
    const body: LoginResponse = {
      token: session.token,
      expiresAt: session.expiresAt,
      user: { id: user.id, username: user.username, role: user.role, displayName: user.display_name },
    };
    return body;
  });

  app.post('/auth/logout', { preHandler: requireRole(...allRoles) }, async request => {
    db.transaction(() => {
      deleteSession(db, request.session.id);
      audit(db, { actorId: request.user.id, action: 'auth.logout', target: `user:${request.user.id}` });
    })();
    return { ok: true as const };
  });

  app.get('/auth/me', { preHandler: requireRole(...allRoles) }, async request => {
    const body: MeResponse = { user: request.user, expiresAt: request.session.expiresAt };
    return body;
  });
}
