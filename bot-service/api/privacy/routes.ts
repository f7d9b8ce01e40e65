import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../deps.ts';

/** Console API routes for privacy; filled in by the issue that owns them. */
export async function privacyRoutes(_app: FastifyInstance, _deps: ApiDeps): Promise<void> {}
