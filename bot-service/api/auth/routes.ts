import type { FastifyInstance } from 'fastify';
import type { SessionUser } from '../../contract/auth.ts';
import type { ApiDeps } from '../deps.ts';
import { registerAuditRoutes } from './audit-routes.ts';
import { registerSessionRoutes } from './session-routes.ts';
import { registerUserRoutes } from './user-routes.ts';

/**
 * Accounts and sessions: login/logout/me, user administration and the audit log.
 *
 * Also gives the /api scope what `requireRole` needs (the session store and the request
 * fields it sets), so it must be registered before the other route modules.
 */
export async function authRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.decorate('consoleAuthDb', deps.db);
  app.decorateRequest('user', null as unknown as SessionUser);
  app.decorateRequest('session', null as unknown as { id: number; expiresAt: number });
  registerSessionRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerAuditRoutes(app, deps);
}
