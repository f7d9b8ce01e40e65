import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../deps.ts';

/** Console API routes for content; filled in by the issue that owns them. */
export async function contentRoutes(_app: FastifyInstance, _deps: ApiDeps): Promise<void> {}
