import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/open.ts';

/** `GET /healthz`: 200 once the database is open and migrated (and answers a query). */
export function registerHealthRoute(app: FastifyInstance, db: Db): void {
  app.get('/healthz', async (_request, reply) => {
    try {
      db.prepare('SELECT 1').get();
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
    return { status: 'ok' };
  });
}
