/**
 * The simulator process on one port: the fake Graph API (Meta's side of
 * sends), the phone web page at `/`, and the `/sim/api` JSON + SSE API that
 * plays citizens and posts their signed webhooks to the bot.
 */
import { readFile } from 'node:fs/promises';
import Fastify, { type FastifyReply } from 'fastify';
import { createChatStore, type ChatStore } from './chat-store.ts';
import { DEFAULT_BOT_WEBHOOK_URL, DEFAULT_DISPLAY_PHONE_NUMBER } from './config.ts';
import { createDeliverer } from './delivery.ts';
import { createFakeGraph, type FakeGraph, type ReadMode } from './fake-graph.ts';
import { DEFAULT_REGIONS_CSV, loadPlaces } from './places.ts';
import { registerSimApi } from './sim-api.ts';
import type { StatusDelays } from './status-webhooks.ts';
import { DEFAULT_WABA_ID } from './webhook-payloads.ts';

export type SimulatorOptions = {
  host?: string;
  /** 0 picks a free port */
  port?: number;
  appSecret: string;
  accessToken: string;
  phoneNumberId: string;
  displayPhoneNumber?: string;
  botWebhookUrl?: string;
  wabaId?: string;
  /** version in `graphUrl`; any `vN.N` is served */
  graphVersion?: string;
  businessName?: string;
  readMode?: ReadMode;
  statusWebhooks?: boolean;
  statusDelaysMs?: Partial<StatusDelays>;
  /** pauses before redelivering a webhook (inbound or status) the bot did not answer 200 */
  retryDelaysMs?: number[];
  rateLimitPerSecond?: number | null;
  regionsCsvPath?: string | URL;
  /** Fastify's request log (pino) on stdout */
  logger?: boolean;
};

export type Simulator = {
  /** base URL of the simulator, e.g. http://127.0.0.1:8081 */
  url: string;
  /** WA_GRAPH_URL for the bot, e.g. http://127.0.0.1:8081/v25.0 */
  graphUrl: string;
  graph: FakeGraph;
  chats: ChatStore;
  close(): Promise<void>;
};

const PUBLIC_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/phone.css': { file: 'phone.css', type: 'text/css; charset=utf-8' },
  '/phone.js': { file: 'phone.js', type: 'text/javascript; charset=utf-8' },
  '/phone-render.js': { file: 'phone-render.js', type: 'text/javascript; charset=utf-8' },
};

// The page renders untrusted bot text: no inline script, nothing from elsewhere.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  const displayPhoneNumber = options.displayPhoneNumber ?? DEFAULT_DISPLAY_PHONE_NUMBER;
  const botWebhookUrl = options.botWebhookUrl ?? DEFAULT_BOT_WEBHOOK_URL;
  const business = { phoneNumberId: options.phoneNumberId, displayPhoneNumber, wabaId: options.wabaId ?? DEFAULT_WABA_ID };
  const retry = options.retryDelaysMs ? { retryDelaysMs: options.retryDelaysMs } : {};

  const places = await loadPlaces(options.regionsCsvPath ?? DEFAULT_REGIONS_CSV);
  const publicFiles = new Map<string, Buffer>();
  for (const [route, { file }] of Object.entries(PUBLIC_FILES)) {
    publicFiles.set(route, await readFile(new URL(`./public/${file}`, import.meta.url)));
  }

  const store = createChatStore();
  const graph = createFakeGraph({
    accessToken: options.accessToken,
    phoneNumberId: options.phoneNumberId,
    displayPhoneNumber,
    webhook: { url: botWebhookUrl, appSecret: options.appSecret, ...business },
    statusWebhooks: options.statusWebhooks ?? true,
    readMode: options.readMode ?? 'auto',
    rateLimitPerSecond: options.rateLimitPerSecond ?? null,
    contactName: waId => store.citizen(waId)?.name,
    ...(options.statusDelaysMs ? { statusDelaysMs: options.statusDelaysMs } : {}),
    ...retry,
  });
  const deliverer = createDeliverer(retry);
  const sseClients = new Set<FastifyReply>();

  // What the bot does through the fake Graph shows on the phones.
  graph.onEvent(e => {
    if (e.type === 'sent') store.addBotMessage(e.record.waId, e.record.wamid, e.record.type, e.record.body);
    else if (e.type === 'read') store.markReadUpTo(e.record.messageId, e.record.typing);
    else if (e.type === 'status' && e.post.ok && e.post.status !== 'played') store.setBotStatus(e.post.wamid, e.post.status);
  });

  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 5 * 1024 * 1024 });
  await graph.mount(app);

  for (const [route, { type }] of Object.entries(PUBLIC_FILES)) {
    app.get(route, async (_request, reply) =>
      reply
        .header('content-type', type)
        .header('content-security-policy', CSP)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(publicFiles.get(route))
    );
  }

  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());

  let graphUrl = '';
  registerSimApi(app, {
    business,
    businessName: options.businessName ?? 'Jatim Tanggap COVID-19',
    appSecret: options.appSecret,
    botWebhookUrl,
    graphUrl: () => graphUrl,
    graph,
    store,
    places,
    deliverer,
    sseClients,
  });

  // Live streams never end on their own; end them so close() does not hang.
  app.addHook('preClose', async () => {
    for (const client of sseClients) client.raw.end();
    sseClients.clear();
  });

  await app.listen({ host, port: options.port ?? 8081 });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : options.port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const url = `http://${urlHost}:${port}`;
  graphUrl = `${url}/${options.graphVersion ?? 'v25.0'}`;

  return {
    url,
    graphUrl,
    graph,
    chats: store,
    async close() {
      deliverer.stop();
      await graph.close();
      store.close();
      await app.close();
    },
  };
}
