import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SessionUser } from '../../contract/auth.ts';
import { ConversationIdParams, ConversationListQuery, ViewingRequest } from '../../contract/conversations.ts';
import { getConversationDetail, listConversations } from '../../db/queries/conversations.ts';
import { getConversationState } from '../../db/queries/inbox.ts';
import type { Db } from '../../db/open.ts';
import { staffName } from '../../inbox/actions.ts';
import { viewingFor } from '../../inbox/viewing.ts';
import { requireRole } from '../auth/guard.ts';
import { parseInput } from '../auth/validate.ts';
import type { ApiDeps } from '../deps.ts';

/**
 * Conversations (issue 4): the live monitor's list for supervisors, and one conversation's
 * transcript for whoever handles it. Officials get none of this (aggregates only).
 */

/**
 * Volunteers see a conversation only while it waits in the inbox or is assigned to them: the
 * citizen's words are theirs to read only to help them.
 */
export function visibleTo(db: Db, user: SessionUser, id: number): 'ok' | 'missing' | 'forbidden' {
  const conv = getConversationState(db, id);
  if (conv === null) return 'missing';
  if (user.role !== 'volunteer') return 'ok';
  return conv.state === 'waiting' || (conv.state === 'assigned' && conv.assigned_to === user.id) ? 'ok' : 'forbidden';
}

function refuse(reply: FastifyReply, visibility: 'missing' | 'forbidden'): FastifyReply {
  return visibility === 'missing'
    ? reply.code(404).send({ error: 'no such conversation' })
    : reply.code(403).send({ error: 'volunteers see only waiting conversations and their own' });
}

export async function conversationsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const { db } = deps;
  const viewing = viewingFor(db);

  app.get('/conversations', { preHandler: requireRole('supervisor', 'admin') }, async (request, reply) => {
    const query = parseInput(ConversationListQuery, request.query, 'query');
    if (!query.ok) return reply.code(400).send({ error: query.error });
    return listConversations(db, query.value);
  });

  app.get('/conversations/:id', { preHandler: requireRole('volunteer', 'supervisor', 'admin') }, async (request, reply) => {
    const params = parseInput(ConversationIdParams, request.params, 'params');
    if (!params.ok) return reply.code(400).send({ error: params.error });
    const visibility = visibleTo(db, request.user, params.value.id);
    if (visibility !== 'ok') return refuse(reply, visibility);
    const detail = getConversationDetail(db, params.value.id);
    if (detail === null) return refuse(reply, 'missing');
    return { ...detail, viewers: viewing.viewers(params.value.id, Date.now()) };
  });

  app.post('/conversations/:id/viewing', { preHandler: requireRole('volunteer', 'supervisor', 'admin') }, async (request, reply) => {
    const params = parseInput(ConversationIdParams, request.params, 'params');
    if (!params.ok) return reply.code(400).send({ error: params.error });
    const body = parseInput(ViewingRequest, request.body ?? {});
    if (!body.ok) return reply.code(400).send({ error: body.error });
    const { id } = params.value;
    const visibility = visibleTo(db, request.user, id);
    if (visibility !== 'ok') return refuse(reply, visibility);
    const now = Date.now();
    if (body.value.active) viewing.touch(id, { id: request.user.id, name: staffName(request.user) }, now);
    else viewing.leave(id, request.user.id);
    return { viewers: viewing.viewers(id, now) };
  });
}
