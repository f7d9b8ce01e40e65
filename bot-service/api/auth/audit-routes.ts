import type { FastifyInstance } from 'fastify';
import { AuditQuery, type AuditPage } from '../../contract/auth.ts';
import { listAudit } from '../../db/queries/audit.ts';
import type { ApiDeps } from '../deps.ts';
import { requireRole } from './guard.ts';
import { parseInput } from './validate.ts';

/** `GET /audit?before=&limit=&actor=&action=`: the audit log for admins, newest first. */
export function registerAuditRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.get('/audit', { preHandler: requireRole('admin') }, async (request, reply) => {
    const parsed = parseInput(AuditQuery, request.query, 'query');
    if (!parsed.ok) {
      return reply.code(400).send({ error: parsed.error });
    }
    const query = parsed.value;
    const rows = listAudit(deps.db, query);
    const page: AuditPage = {
      items: rows.map(r => ({
        id: r.id,
        at: r.at,
        actorId: r.actor_id,
        actorUsername: r.actor_username,
        action: r.action,
        target: r.target,
        details: JSON.parse(r.details) as Record<string, unknown>,
      })),
      nextBefore: rows.length === query.limit ? rows[rows.length - 1]!.id : null,
    };
    return page;
  });
}
