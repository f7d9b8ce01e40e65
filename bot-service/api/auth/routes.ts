import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../deps.ts';

/** Console API routes for auth; filled in by the issue that owns them. */
export async function authRoutes(_app: FastifyInstance, _deps: ApiDeps): Promise<void> {}
