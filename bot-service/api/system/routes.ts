import type { FastifyInstance } from 'fastify';
import { allRoles } from '../../contract/auth.ts';
import type { SystemInfoResponse } from '../../contract/system.ts';
import { readDemoHistory } from '../../demo/marker.ts';
import { requireRole } from '../auth/guard.ts';
import type { ApiDeps } from '../deps.ts';

/** `GET /api/system/info`: demo mode and demo history, for every signed-in role (the console's banner). */
export async function systemRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const { db, config } = deps;
  app.get('/system/info', { preHandler: requireRole(...allRoles) }, async (): Promise<SystemInfoResponse> => {
    const history = readDemoHistory(db);
    return {
      demo: config.demo,
      demoHistory: history === null ? null : { from: history.from, to: history.to, conversations: history.conversations },
    };
  });
}
