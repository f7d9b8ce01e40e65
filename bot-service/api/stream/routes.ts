import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../deps.ts';

/** Console API routes for stream; filled in by the issue that owns them. */
export async function streamRoutes(_app: FastifyInstance, _deps: ApiDeps): Promise<void> {}
