import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { isValidSignature } from '../whatsapp/signature.ts';
import { parseWebhook, WebhookShapeError } from '../whatsapp/webhook-parse.ts';

export type WebhookDeps = {
  appSecret: string;
  verifyToken: string;
  phoneNumberId: string;
  /** Resolves once the body is committed to the webhook journal; rejects if it could not be. */
  store: (raw: string, phoneNumberId: string) => Promise<void>;
};

/** Meta's payloads are up to 3 MB; leave room above it. */
export const webhookBodyLimit = 5 * 1024 * 1024;

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `GET` and `POST /webhooks/whatsapp` (spec §1, §2). */
export async function webhookRoutes(app: FastifyInstance, deps: WebhookDeps): Promise<void> {
  // The raw bytes are needed for the signature: take the body as a Buffer and parse it ourselves.
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: webhookBodyLimit }, (_req, body, done) => {
    done(null, body);
  });

  app.get('/webhooks/whatsapp', async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    const token = q['hub.verify_token'] ?? '';
    if (q['hub.mode'] === 'subscribe' && deps.verifyToken !== '' && safeEqual(token, deps.verifyToken) && q['hub.challenge']) {
      return reply.type('text/plain').send(q['hub.challenge']);
    }
    request.log.warn({ mode: q['hub.mode'] }, 'webhook verification refused');
    return reply.code(403).send({ error: 'verification failed: wrong hub.mode or hub.verify_token' });
  });

  app.post('/webhooks/whatsapp', async (request, reply) => {
    const raw = request.body;
    if (!Buffer.isBuffer(raw)) {
      return reply.code(400).send({ error: 'expected an application/json body' });
    }
    if (!isValidSignature(raw, request.headers['x-hub-signature-256'] as string | undefined, deps.appSecret)) {
      request.log.warn({ hasHeader: request.headers['x-hub-signature-256'] !== undefined }, 'webhook signature missing or wrong');
      return reply.code(401).send({ error: 'missing or invalid X-Hub-Signature-256' });
    }
    const text = raw.toString('utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      request.log.warn({ reason: (error as Error).message }, 'webhook body is not JSON');
      return reply.code(400).send({ error: `malformed JSON: ${(error as Error).message}` });
    }
    let parsed;
    try {
      parsed = parseWebhook(json, deps.phoneNumberId);
    } catch (error) {
      if (error instanceof WebhookShapeError) {
        request.log.warn({ reason: error.message }, 'webhook body has an unexpected shape');
        return reply.code(400).send({ error: `unexpected webhook shape: ${error.message}` });
      }
      throw error;
    }
    if (parsed.skipped.otherNumber.length > 0 || parsed.skipped.otherField.length > 0) {
      request.log.info(parsed.skipped, 'webhook changes skipped (another number or field)');
    }
    if (parsed.valueErrors.length > 0) {
      request.log.warn({ errors: parsed.valueErrors }, 'Meta reported errors in a webhook');
    }
    if (parsed.messages.length === 0 && parsed.statuses.length === 0) {
      return { ok: true };
    }
    try {
      await deps.store(text, deps.phoneNumberId);
    } catch (error) {
      // Not stored, so not acknowledged: Meta retries.
      request.log.error({ err: error }, 'webhook could not be stored');
      return reply.code(503).send({ error: 'could not store the webhook; retry later' });
    }
    return { ok: true };
  });
}
