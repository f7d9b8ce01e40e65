/**
 * Route handlers of the fake Graph API, registered in their own Fastify
 * scope: bodies arrive as raw text so that a malformed body gets a Graph
 * error rather than Fastify's.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  defaultHttpStatus,
  graphError,
  invalidTokenError,
  unknownObjectError,
  type GraphErrorBody,
} from './graph-errors.ts';
import { newFbtraceId } from './ids.ts';
import { validateSendBody } from './send-validation.ts';
import type { GraphCore } from './fake-graph.ts';

type Params = { version: string; phoneNumberId: string };
type MediaParams = { version: string; mediaId: string };

const VERSION = /^v\d+\.\d+$/;

function unknownPath(path: string): GraphErrorBody {
  return {
    error: { message: `Unknown path components: ${path}`, type: 'OAuthException', code: 2500, fbtrace_id: newFbtraceId() },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise(r => setTimeout(r, ms));
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const m = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
  return m?.[1];
}

/**
 * Down, latency and auth, common to every Graph route. Returns true when it
 * has answered (or dropped the connection) and the handler must stop.
 */
async function gate(core: GraphCore, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  if (core.state.latencyMs > 0) await sleep(core.state.latencyMs);
  if (core.state.down === 'reset') {
    reply.hijack();
    request.raw.socket.destroy();
    return true;
  }
  if (core.state.down === 'http') {
    await reply.code(503).send(graphError(2));
    return true;
  }
  if (bearer(request) !== core.options.accessToken) {
    core.reject({ httpStatus: 401, code: 190, details: 'invalid access token', body: null, injected: false });
    await reply.code(401).header('www-authenticate', 'OAuth "Facebook Platform" "invalid_token"').send(invalidTokenError());
    return true;
  }
  return false;
}

async function sendError(core: GraphCore, reply: FastifyReply, httpStatus: number, body: GraphErrorBody, raw: unknown, injected: boolean) {
  core.reject({
    httpStatus,
    code: body.error.code,
    details: body.error.error_data?.details ?? body.error.message,
    body: raw,
    injected,
  });
  return reply.code(httpStatus).send(body);
}

async function postMessages(core: GraphCore, request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) {
  const { version, phoneNumberId } = request.params;
  if (!VERSION.test(version)) return reply.code(400).send(unknownPath(request.url));
  if (await gate(core, request, reply)) return reply;
  if (phoneNumberId !== core.options.phoneNumberId) {
    return sendError(core, reply, 400, unknownObjectError(phoneNumberId), null, false);
  }

  let body: unknown;
  try {
    const text = typeof request.body === 'string' ? request.body : '';
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return sendError(core, reply, 400, graphError(100, 'The request body is not valid JSON.', 'Invalid parameter'), request.body, false);
  }

  const req = validateSendBody(body, core.options.displayPhoneNumber ?? '');
  if (req.kind === 'invalid') {
    return sendError(core, reply, 400, graphError(req.code, req.details, req.title), body, false);
  }
  const record = body as Record<string, unknown>;
  if (req.kind === 'read') {
    core.markRead(req, record, phoneNumberId);
    return reply.send({ success: true });
  }

  if (core.overRateLimit()) return sendError(core, reply, 400, graphError(130429), body, false);
  const fault = core.takeFault(req.waId ?? req.recipient ?? '');
  if (fault && !fault.async) {
    return sendError(core, reply, fault.httpStatus ?? defaultHttpStatus(fault.code), graphError(fault.code, fault.details), body, true);
  }

  const wamid = core.accept(req, record, phoneNumberId, fault);
  const contact = req.waId !== undefined ? { input: req.input, wa_id: req.waId } : { input: req.input, user_id: req.recipient };
  return reply.send({ messaging_product: 'whatsapp', contacts: [contact], messages: [{ id: wamid }] });
}

async function getMedia(core: GraphCore, request: FastifyRequest<{ Params: MediaParams }>, reply: FastifyReply) {
  const { version, mediaId } = request.params;
  if (!VERSION.test(version)) return reply.code(400).send(unknownPath(request.url));
  if (await gate(core, request, reply)) return reply;
  const media = core.media.get(mediaId);
  if (!media) return reply.code(400).send(unknownObjectError(mediaId));
  const url = `${request.protocol}://${request.host}/whatsapp_business/attachments/?mid=${encodeURIComponent(media.id)}&ext=${Math.floor(Date.now() / 1000) + 300}`;
  return reply.send({
    messaging_product: 'whatsapp',
    url,
    mime_type: media.mimeType,
    sha256: media.sha256,
    file_size: String(media.bytes.length),
    id: media.id,
  });
}

async function downloadMedia(core: GraphCore, request: FastifyRequest<{ Querystring: { mid?: string } }>, reply: FastifyReply) {
  if (await gate(core, request, reply)) return reply;
  const media = request.query.mid ? core.media.get(request.query.mid) : undefined;
  if (!media) return reply.code(404).send(unknownObjectError(request.query.mid ?? ''));
  return reply.header('content-type', media.mimeType).send(media.bytes);
}

/** Register the Graph routes on an encapsulated Fastify scope. */
export function registerGraphRoutes(app: FastifyInstance, core: GraphCore): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  app.post<{ Params: Params }>('/:version/:phoneNumberId/messages', (request, reply) => postMessages(core, request, reply));
  app.get<{ Params: MediaParams }>('/:version/:mediaId', (request, reply) => getMedia(core, request, reply));
  app.get<{ Querystring: { mid?: string } }>('/whatsapp_business/attachments/', (request, reply) => downloadMedia(core, request, reply));
}
