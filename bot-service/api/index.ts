import type { FastifyInstance } from 'fastify';
import { authRoutes } from './auth/routes.ts';
import { contentRoutes } from './content/routes.ts';
import { conversationsRoutes } from './conversations/routes.ts';
import type { ApiDeps } from './deps.ts';
import { hoaxRoutes } from './hoax/routes.ts';
import { inboxRoutes } from './inbox/routes.ts';
import { openApiRoutes } from './openapi.ts';
import { privacyRoutes } from './privacy/routes.ts';
import { statsRoutes } from './stats/routes.ts';
import { streamRoutes } from './stream/routes.ts';
import { systemRoutes } from './system/routes.ts';

/** The console API under /api: every route but login needs a session (see api/auth). */
export async function registerConsoleApi(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  await app.register(
    async scope => {
      await authRoutes(scope, deps);
      await streamRoutes(scope, deps);
      await conversationsRoutes(scope, deps);
      await inboxRoutes(scope, deps);
      await contentRoutes(scope, deps);
      await statsRoutes(scope, deps);
      await privacyRoutes(scope, deps);
      await systemRoutes(scope, deps);
      await hoaxRoutes(scope, deps);
      await openApiRoutes(scope, deps);
    },
    { prefix: '/api' }
  );
}
