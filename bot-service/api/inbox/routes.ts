import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { ConversationIdParams } from '../../contract/conversations.ts';
import {
  EmptyRequest,
  NoteRequest,
  PresenceRequest,
  ReplyRequest,
  ResolveRequest,
  TransferRequest,
  type InboxItem,
  type InboxResponse,
} from '../../contract/inbox.ts';
import { toSummaries } from '../../db/queries/conversations.ts';
import { assignedConversations, freeCapacity, getPresence, recentPresence, waitingQueue, type InboxRow } from '../../db/queries/inbox.ts';
import type { Db } from '../../db/open.ts';
import { addNote, claim, heartbeat, release, reply as sendReply, resolve, transfer, type ActionResult } from '../../inbox/actions.ts';
import { viewingFor, type ViewingRegistry } from '../../inbox/viewing.ts';
import { requireRole } from '../auth/guard.ts';
import { parseInput } from '../auth/validate.ts';
import type { ApiDeps } from '../deps.ts';

/**
 * The volunteer inbox (issue 4). Claims are atomic (one UPDATE that only a waiting conversation
 * passes); every change is an event for the live stream and a line in the audit log.
 */

function toItems(db: Db, viewing: ViewingRegistry, rows: InboxRow[], now: number, queued: boolean): InboxItem[] {
  return toSummaries(db, rows).map((s, i) => ({
    ...s,
    queuePosition: queued ? i + 1 : null,
    preview: rows[i]!.preview,
    viewers: viewing.viewers(s.id, now),
  }));
}

function answer<T>(reply: FastifyReply, result: ActionResult<T>, after: () => void, shape: (value: T) => unknown): unknown {
  if (!result.ok) return reply.code(result.status).send({ error: result.error });
  after();
  return shape(result.value);
}

export async function inboxRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const { db } = deps;
  const viewing = viewingFor(db);
  const staff = requireRole('volunteer', 'supervisor', 'admin');
  const announce = (): void => deps.announce();
  const announceAndSend = (): void => {
    deps.wakeSender();
    deps.announce();
  };

  app.get('/inbox', { preHandler: staff }, async request => {
    const now = Date.now();
    const user = request.user;
    const everyone = user.role !== 'volunteer';
    const response: InboxResponse = {
      waiting: toItems(db, viewing, waitingQueue(db), now, true),
      mine: toItems(db, viewing, assignedConversations(db, user.id), now, false),
      assigned: everyone ? toItems(db, viewing, assignedConversations(db, null), now, false) : [],
      me: getPresence(db, user.id, now),
      volunteers: recentPresence(db, now),
      freeCapacity: freeCapacity(db, now),
    };
    return response;
  });

  app.post('/inbox/presence', { preHandler: staff }, async (request, reply) => {
    const body = parseInput(PresenceRequest, request.body);
    if (!body.ok) return reply.code(400).send({ error: body.error });
    return heartbeat(deps, request.user, body.value.status, body.value.capacity);
  });

  /** Parses `:id` and the body; answers 400 itself and returns null on bad input. */
  function input<S extends z.ZodType>(
    request: { params: unknown; body: unknown },
    reply: FastifyReply,
    schema: S
  ): { id: number; body: z.output<S> } | null {
    const params = parseInput(ConversationIdParams, request.params, 'params');
    if (!params.ok) {
      reply.code(400).send({ error: params.error });
      return null;
    }
    const body = parseInput(schema, request.body ?? {});
    if (!body.ok) {
      reply.code(400).send({ error: body.error });
      return null;
    }
    return { id: params.value.id, body: body.value };
  }

  app.post('/inbox/:id/claim', { preHandler: staff }, async (request, reply) => {
    const i = input(request, reply, EmptyRequest);
    if (i === null) return reply;
    return answer(reply, claim(deps, request.user, i.id), announce, conversation => ({ conversation }));
  });

  app.post('/inbox/:id/release', { preHandler: staff }, async (request, reply) => {
    const i = input(request, reply, EmptyRequest);
    if (i === null) return reply;
    return answer(reply, release(deps, request.user, i.id), announce, conversation => ({ conversation }));
  });

  app.post('/inbox/:id/transfer', { preHandler: staff }, async (request, reply) => {
    const i = input(request, reply, TransferRequest);
    if (i === null) return reply;
    return answer(reply, transfer(deps, request.user, i.id, i.body.toUserId), announce, conversation => ({ conversation }));
  });

  app.post('/inbox/:id/reply', { preHandler: staff }, async (request, reply) => {
    const i = input(request, reply, ReplyRequest);
    if (i === null) return reply;
    return answer(reply, sendReply(deps, request.user, i.id, i.body), announceAndSend, value => value);
  });

  app.post('/inbox/:id/notes', { preHandler: staff }, async (request, reply) => {
    const i = input(request, reply, NoteRequest);
    if (i === null) return reply;
    return answer(reply, addNote(deps, request.user, i.id, i.body.text), announce, note => ({ note }));
  });

  app.post('/inbox/:id/resolve', { preHandler: staff }, async (request, reply) => {
    const i = input(request, reply, ResolveRequest);
    if (i === null) return reply;
    return answer(reply, resolve(deps, request.user, i.id, i.body.notifyCitizen), announceAndSend, ({ notified, ...conversation }) => ({
      conversation,
      notified,
    }));
  });
}
