/**
 * The simulator's own JSON API (`/sim/api/...`), used by the phone page, by
 * tests and by load generation. Nothing here is Meta's; see server.ts.
 */
import { z } from 'zod';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ChatEvent, ChatStore } from './chat-store.ts';
import { buildCitizenMessage, citizenSendSchema, offersReply, profileNameOf } from './citizen-send.ts';
import type { Deliverer } from './delivery.ts';
import type { FakeGraph } from './fake-graph.ts';
import type { Place } from './places.ts';
import { postWebhook, signatureFor } from './sign.ts';
import { messagesWebhook, type BusinessInfo } from './webhook-payloads.ts';

export type SimContext = {
  business: BusinessInfo;
  businessName: string;
  appSecret: string;
  botWebhookUrl: string;
  graphUrl: () => string;
  graph: FakeGraph;
  store: ChatStore;
  places: Place[];
  deliverer: Deliverer;
  sseClients: Set<FastifyReply>;
};

const waIdParam = z.object({ waId: z.string().regex(/^\d{6,15}$/, 'waId must be 6 to 15 digits') });

const faultSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('failNext'),
    code: z.number().int(),
    httpStatus: z.number().int().min(400).max(599).optional(),
    count: z.number().int().min(1).optional(),
    to: z.string().optional(),
    details: z.string().optional(),
    async: z.boolean().optional(),
  }),
  z.object({ action: z.literal('down'), down: z.boolean(), mode: z.enum(['http', 'reset']).optional() }),
  z.object({ action: z.literal('latency'), ms: z.number().int().min(0).max(120_000) }),
  z.object({ action: z.literal('rateLimit'), perSecond: z.number().int().min(1).nullable() }),
  z.object({ action: z.literal('statusWebhooks'), enabled: z.boolean() }),
  z.object({ action: z.literal('readMode'), mode: z.enum(['auto', 'on-open', 'never']) }),
  z.object({ action: z.literal('clear') }),
]);

const rawWebhookSchema = z.object({
  body: z.record(z.string(), z.unknown()),
  signature: z.enum(['valid', 'invalid', 'missing']).optional(),
});

function badRequest(reply: FastifyReply, error: z.ZodError) {
  return reply.code(400).send({ error: z.prettifyError(error) });
}

/** Our latest message to this citizen that offers the reply, else the latest of ours. */
function contextFinder(store: ChatStore, waId: string) {
  return (kind: 'button_reply' | 'list_reply' | 'button', replyId: string): string | undefined => {
    const bot = store.messages(waId).filter(e => e.from === 'bot');
    for (let i = bot.length - 1; i >= 0; i--) {
      const e = bot[i];
      if (e?.from === 'bot' && offersReply(e.body, kind, replyId)) return e.wamid;
    }
    return bot.at(-1)?.wamid;
  };
}

function sseSend(reply: FastifyReply, event: ChatEvent | { type: 'hello' }): void {
  reply.raw.write(`data: ${JSON.stringify(event)}\n\n`);
}

export function registerSimApi(app: FastifyInstance, ctx: SimContext): void {
  const { store, graph } = ctx;

  store.onEvent(e => {
    for (const client of ctx.sseClients) sseSend(client, e);
  });

  app.get('/sim/api/config', async () => ({
    businessName: ctx.businessName,
    displayPhoneNumber: ctx.business.displayPhoneNumber,
    phoneNumberId: ctx.business.phoneNumberId,
    botWebhookUrl: ctx.botWebhookUrl,
    graphUrl: ctx.graphUrl(),
  }));

  app.get('/sim/api/places', async () => ctx.places);

  app.get('/sim/api/citizens', async () => store.citizens());

  app.post('/sim/api/citizens', async (request, reply) => {
    const parsed = z.object({ waId: waIdParam.shape.waId, name: z.string().max(100).optional() }).safeParse(request.body);
    if (!parsed.success) return badRequest(reply, parsed.error);
    return store.ensureCitizen(parsed.data.waId, parsed.data.name);
  });

  app.get('/sim/api/citizens/:waId/messages', async (request, reply) => {
    const p = waIdParam.safeParse(request.params);
    if (!p.success) return badRequest(reply, p.error);
    return store.messages(p.data.waId);
  });

  app.post('/sim/api/citizens/:waId/open', async (request, reply) => {
    const p = waIdParam.safeParse(request.params);
    if (!p.success) return badRequest(reply, p.error);
    store.markSeen(p.data.waId);
    return { read: graph.openChat(p.data.waId) };
  });

  app.post('/sim/api/citizens/:waId/send', async (request, reply) => {
    const p = waIdParam.safeParse(request.params);
    if (!p.success) return badRequest(reply, p.error);
    const parsed = citizenSendSchema.safeParse(request.body);
    if (!parsed.success) return badRequest(reply, parsed.error);
    const input = parsed.data;
    const { waId } = p.data;

    const citizen = store.ensureCitizen(waId, profileNameOf(input));
    const message = buildCitizenMessage(input, {
      waId,
      businessNumber: ctx.business.displayPhoneNumber,
      findContext: contextFinder(store, waId),
      media: graph.media,
    });
    store.addCitizenMessage(waId, message);
    const body = messagesWebhook(ctx.business, [{ waId, name: citizen.name }], [message]);
    const delivery = ctx.deliverer.deliver(ctx.botWebhookUrl, body, ctx.appSecret, input.retry ?? true);
    void delivery.done.then(r => store.setBotAnswer(message.id, r.status, r.attempts));
    const first = await delivery.first;
    store.setBotAnswer(message.id, first.status, 1);
    const out: { wamid: string; botStatus: number; botBody: string; error?: string; message: typeof message } = {
      wamid: message.id,
      botStatus: first.status,
      botBody: first.text,
      message,
    };
    if (first.error !== undefined) out.error = first.error;
    return out;
  });

  app.post('/sim/api/webhooks', async (request, reply) => {
    const parsed = rawWebhookSchema.safeParse(request.body);
    if (!parsed.success) return badRequest(reply, parsed.error);
    const mode = parsed.data.signature ?? 'valid';
    const signature = mode === 'missing' ? null : mode === 'invalid' ? signatureFor('tampered', ctx.appSecret) : undefined;
    try {
      const r = await postWebhook(ctx.botWebhookUrl, parsed.data.body, ctx.appSecret, signature === undefined ? {} : { signature });
      return { botStatus: r.status, botBody: r.text };
    } catch (e) {
      return { botStatus: 0, botBody: '', error: e instanceof Error ? e.message : String(e) };
    }
  });

  app.get('/sim/api/events', (request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    reply.raw.write('retry: 2000\n\n');
    sseSend(reply, { type: 'hello' });
    ctx.sseClients.add(reply);
    const ping = setInterval(() => reply.raw.write(': ping\n\n'), 15_000);
    request.raw.on('close', () => {
      clearInterval(ping);
      ctx.sseClients.delete(reply);
    });
  });

  app.get('/sim/api/faults', async () => graph.faults());

  app.post('/sim/api/faults', async (request, reply) => {
    const parsed = faultSchema.safeParse(request.body);
    if (!parsed.success) return badRequest(reply, parsed.error);
    const f = parsed.data;
    if (f.action === 'failNext') {
      const { action: _action, ...spec } = f;
      graph.failNext(spec);
    } else if (f.action === 'down') graph.setDown(f.down ? (f.mode ?? 'http') : false);
    else if (f.action === 'latency') graph.setLatency(f.ms);
    else if (f.action === 'rateLimit') graph.setRateLimit(f.perSecond);
    else if (f.action === 'statusWebhooks') graph.setStatusWebhooks(f.enabled);
    else if (f.action === 'readMode') graph.setReadMode(f.mode);
    else graph.clearFaults();
    return graph.faults();
  });

  app.get('/sim/api/graph/sent', async request => {
    const q = request.query as { to?: string; since?: string };
    const since = Number(q.since ?? 0) || 0;
    return graph.sent.filter(r => r.time >= since && (q.to === undefined || r.waId === q.to.replace(/\D/g, '')));
  });

  app.get('/sim/api/graph/stats', async () => ({
    sent: graph.sent.length,
    reads: graph.reads.length,
    errors: graph.errors.length,
    statusPosts: graph.statusPosts.length,
    statusPostsFailed: graph.statusPosts.filter(p => !p.ok).length,
    inboundPending: ctx.deliverer.pending(),
  }));

  app.post('/sim/api/reset', async () => {
    graph.clear();
    store.clear();
    return { ok: true };
  });
}
