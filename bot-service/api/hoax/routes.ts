import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import {
  ClusterIdParams,
  ClusterListQuery,
  MergeRequest,
  SplitRequest,
  VerdictRequest,
  type ClusterListResponse,
  type DeliverySummary,
  type MergeResponse,
  type SplitResponse,
  type VerdictResponse,
} from '../../contract/hoax.ts';
import type { DeliveryCounts } from '../../hoax/delivery.ts';
import { mergeClusters, splitCluster } from '../../hoax/merge-split.ts';
import { clusterDetail, clusterSummary, listClusters } from '../../hoax/queries.ts';
import { setVerdict, type DeskResult } from '../../hoax/verdict.ts';
import { requireRole } from '../auth/guard.ts';
import { parseInput } from '../auth/validate.ts';
import type { ApiDeps } from '../deps.ts';

/**
 * The hoax desk (issue 6): supervisors and admins decide, volunteers read, officials get none of
 * it (claims are citizens' words). Every change is audited and announced on the live stream.
 */

const delivery = (counts: DeliveryCounts | null): DeliverySummary | null =>
  counts === null ? null : { message: counts.message, template: counts.template, notDeliverable: counts.notDeliverable };

export async function hoaxRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const { db } = deps;
  const readers = requireRole('volunteer', 'supervisor', 'admin');
  const deciders = requireRole('supervisor', 'admin');
  const desk = { db, events: deps.events, outbox: deps.outbox };

  /** Parses `:id` and the body; answers 400 itself and returns null on bad input. */
  function input<S extends z.ZodType>(request: { params: unknown; body: unknown }, reply: FastifyReply, schema: S): { id: number; body: z.output<S> } | null {
    const params = parseInput(ClusterIdParams, request.params, 'params');
    if (!params.ok) {
      reply.code(400).send({ error: params.error });
      return null;
    }
    const body = parseInput(schema, request.body);
    if (!body.ok) {
      reply.code(400).send({ error: body.error });
      return null;
    }
    return { id: params.value.id, body: body.value };
  }

  function answer<T>(reply: FastifyReply, result: DeskResult<T>, shape: (value: T) => unknown): unknown {
    if (!result.ok) return reply.code(result.status).send({ error: result.error });
    deps.wakeSender();
    deps.announce();
    return shape(result.value);
  }

  app.get('/hoax/clusters', { preHandler: readers }, async (request, reply) => {
    const query = parseInput(ClusterListQuery, request.query, 'query');
    if (!query.ok) return reply.code(400).send({ error: query.error });
    const now = Date.now();
    const response: ClusterListResponse = { clusters: listClusters(db, { ...query.value, now }), now };
    return response;
  });

  app.get('/hoax/clusters/:id', { preHandler: readers }, async (request, reply) => {
    const params = parseInput(ClusterIdParams, request.params, 'params');
    if (!params.ok) return reply.code(400).send({ error: params.error });
    const detail = clusterDetail(db, params.value.id, Date.now());
    if (detail === null) return reply.code(404).send({ error: `no hoax cluster ${params.value.id}` });
    return detail;
  });

  app.post('/hoax/clusters/:id/verdict', { preHandler: deciders }, async (request, reply) => {
    const i = input(request, reply, VerdictRequest);
    if (i === null) return reply;
    const now = Date.now();
    return answer(reply, setVerdict(desk, request.user, i.id, i.body, now), (v): VerdictResponse => ({
      cluster: clusterSummary(db, i.id, now)!,
      delivery: delivery(v.delivery),
    }));
  });

  app.post('/hoax/clusters/:id/merge', { preHandler: deciders }, async (request, reply) => {
    const i = input(request, reply, MergeRequest);
    if (i === null) return reply;
    const now = Date.now();
    return answer(reply, mergeClusters(desk, request.user, i.id, i.body.clusterIds, now), (v): MergeResponse => ({
      cluster: clusterSummary(db, i.id, now)!,
      movedClaims: v.movedClaims,
      delivery: delivery(v.delivery),
    }));
  });

  app.post('/hoax/clusters/:id/split', { preHandler: deciders }, async (request, reply) => {
    const i = input(request, reply, SplitRequest);
    if (i === null) return reply;
    const now = Date.now();
    return answer(reply, splitCluster(desk, request.user, i.id, i.body.claimIds, now), (v): SplitResponse => ({
      from: clusterSummary(db, i.id, now)!,
      cluster: clusterSummary(db, v.clusterId, now)!,
    }));
  });
}
