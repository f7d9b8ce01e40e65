import { join } from 'node:path';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { seedContent } from './content/seed.ts';
import { openDatabase, type Db } from './db/open.ts';
import { EventLog } from './events/event-log.ts';
import type { FlowEngine } from './flows/types.ts';
import { WebhookJournal, webhookJournalFileName } from './journal/webhook-journal.ts';
import { createLogger, type Logger } from './logger.ts';
import { createGraphClient, type GraphClient } from './outbox/graph-client.ts';
import { Outbox } from './outbox/outbox.ts';
import type { Sender, SenderOptions } from './outbox/sender.ts';
import type { ContactDispatcher } from './pipeline/contact-dispatcher.ts';
import { createProcessing, type Processing } from './pipeline/processing.ts';
import { startProcessingThread } from './pipeline/processing-thread.ts';
import { registerConsoleApi } from './api/index.ts';
import { ensureBootstrapAdmin } from './api/auth/bootstrap.ts';
import { startJobs } from './jobs.ts';
import { createReportScheduler } from './reports/scheduler.ts';
import { createStatsProjector } from './stats/projector.ts';
import { consoleRoutes, defaultRendererDir } from './routes/console.ts';
import { registerHealthRoute } from './routes/health.ts';
import { webhookBodyLimit, webhookRoutes } from './routes/webhook.ts';

type CommonOptions = {
  logger?: Logger;
  /** Database file; defaults to `${dataDir}/bot.db`. The webhook journal is `webhooks.db` beside it. */
  databaseFile?: string;
  /** The built renderer served at /console/; defaults to out/renderer. */
  rendererDir?: string;
};

/** Processing inline, on the webhook's thread, with the given engine (tests and tools). */
export type ServiceOptions = CommonOptions & {
  engine: FlowEngine;
  /** Defaults to the real Graph API client for the configured WA_GRAPH_URL. */
  graph?: GraphClient;
  sender?: Partial<SenderOptions>;
};

/** Processing in a thread of its own with the production engine (how bot-service runs). */
export type ThreadedServiceOptions = CommonOptions & {
  /** The processing thread died: the bot is silent, so whoever runs the service must stop it. */
  onProcessingFailure: (error: Error) => void;
};

/** bot-service, however its processing runs. */
export type CoreService = {
  config: Config;
  app: FastifyInstance;
  db: Db;
  /** The webhook journal: what a 200 to Meta waits for. */
  journal: WebhookJournal;
  events: EventLog;
  outbox: Outbox;
  processing: Processing;
  /** The statistics projector; `catchUp()` counts every event logged so far. */
  stats: { catchUp(): number };
  log: Logger;
  /** Starts listening on the configured host and port; returns the base URL. */
  listen(): Promise<string>;
  /** Waits until every acknowledged webhook is stored, every message handled and nothing is due to send. */
  whenIdle(): Promise<void>;
  close(): Promise<void>;
};

/** bot-service with its processing inline: the parts are reachable for tests. */
export type Service = CoreService & { sender: Sender; dispatcher: ContactDispatcher };

/**
 * Wires bot-service with the flows and the sender inline, on the webhook's thread. A webhook's
 * journal entry is moved into the main database before the webhook answers, so a test reads
 * what it posted as soon as the answer comes.
 */
export async function createService(config: Config, options: ServiceOptions): Promise<Service> {
  const { log, databaseFile, journalFile, db, events, journal } = openStores(config, options);
  const graph =
    options.graph ??
    createGraphClient({ graphUrl: config.wa.graphUrl, phoneNumberId: config.wa.phoneNumberId, accessToken: config.wa.accessToken });
  const parts = createProcessing({
    db,
    journalFile,
    events,
    engine: options.engine,
    graph,
    log,
    sessionQuietMinutes: config.sessionQuietMinutes,
    sender: { ratePerSecond: config.sendRatePerSecond, ...options.sender },
    onMoved: seq => journal.prune(seq),
  });
  const core = await assemble(config, options, {
    db,
    journal,
    events,
    log,
    stats: parts.stats,
    processing: () => Promise.resolve({ ...parts, journaled: () => parts.moveNow() }),
  });
  parts.start();
  return { ...core, sender: parts.sender, dispatcher: parts.dispatcher };
}

/**
 * Wires bot-service as it runs in production: this thread takes webhooks (into the webhook
 * journal) and the console API; a processing thread moves the journal into the main database and
 * runs the flows, the sender and the statistics (pipeline/processing-thread.ts).
 */
export async function createThreadedService(config: Config, options: ThreadedServiceOptions): Promise<CoreService> {
  const { log, databaseFile, journalFile, db, events, journal } = openStores(config, options);
  // The processing thread's connection checkpoints the WAL (pipeline/processing-worker.ts): this
  // thread answers webhooks and must not stall copying tens of megabytes into the database file
  // when one of its rare writes (a volunteer's reply) finds the WAL long.
  db.pragma('wal_autocheckpoint = 0');
  // The processing thread follows the event log; this one only brings the counters up to date
  // on demand (before a daily report), under the same checkpoint, so nothing counts twice.
  const stats = createStatsProjector({ db, events, log });
  return assemble(config, options, {
    db,
    journal,
    events,
    log,
    stats,
    processing: () =>
      startProcessingThread({
        databaseFile,
        journalFile,
        config,
        events,
        log,
        onMoved: seq => journal.prune(seq),
        onFailure: options.onProcessingFailure,
      }),
  });
}

/** The logger, the main database (migrated), its event log and the webhook journal beside it. */
function openStores(
  config: Config,
  options: CommonOptions
): { log: Logger; databaseFile: string; journalFile: string; db: Db; events: EventLog; journal: WebhookJournal } {
  const log = options.logger ?? createLogger(config.logLevel);
  const databaseFile = options.databaseFile ?? join(config.dataDir, 'bot.db');
  const journalFile = join(databaseFile, '..', webhookJournalFileName);
  const db = openDatabase(databaseFile);
  // The journal prunes what the main database holds: first make sure that is on disk (a
  // checkpoint syncs the WAL), since the last stop may have been a crash.
  db.pragma('wal_checkpoint(PASSIVE)');
  const movedUpTo = db.prepare('SELECT seq FROM webhook_journal_position WHERE id = 1').pluck().get() as number;
  return { log, databaseFile, journalFile, db, events: new EventLog(db), journal: new WebhookJournal(journalFile, { movedUpTo }) };
}

/**
 * Stops taking requests and waits for those in flight. A keep-alive connection whose request was
 * in flight when the close began would otherwise hold it open until its keep-alive timeout (72 s;
 * Meta and the simulator keep their webhook connections alive): it is closed as soon as it is idle.
 */
export async function closeHttp(app: FastifyInstance): Promise<void> {
  const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
  try {
    await app.close();
  } finally {
    clearInterval(sweep);
  }
}

/** The HTTP routes (webhook, console API) and the jobs, around a database and a processing handle. */
async function assemble(
  config: Config,
  options: CommonOptions,
  parts: {
    db: Db;
    journal: WebhookJournal;
    events: EventLog;
    log: Logger;
    stats: { catchUp(): number };
    /** Started after the database is seeded. */
    processing: () => Promise<Processing>;
  }
): Promise<CoreService> {
  const { db, journal, events, log, stats } = parts;
  // First start: reference data and starting content; afterwards the database is the truth.
  seedContent(db);
  if (config.bootstrapAdminPassword !== null) {
    ensureBootstrapAdmin(db, config.bootstrapAdminPassword);
  }
  const reportScheduler = createReportScheduler({ db, log, catchUp: () => stats.catchUp(), quietMinutes: config.sessionQuietMinutes });
  const outbox = new Outbox(db, events);
  const processing = await parts.processing();

  // Per-request log lines would cost more than the webhook itself at launch-day rates; warnings
  // and errors are logged where they happen instead.
  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: webhookBodyLimit,
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      log.error({ err: error, url: request.url, method: request.method }, 'request failed');
      return reply.code(status).send({ error: 'internal error' });
    }
    return reply.code(status).send({ error: error.message });
  });
  registerHealthRoute(app, db);
  await app.register(webhookRoutes, {
    appSecret: config.wa.appSecret,
    verifyToken: config.wa.verifyToken,
    phoneNumberId: config.wa.phoneNumberId,
    async store(raw, phoneNumberId) {
      await journal.submit(raw, phoneNumberId);
      processing.journaled();
    },
  });
  await app.register(consoleRoutes, { rendererDir: options.rendererDir ?? defaultRendererDir });
  await registerConsoleApi(app, {
    config,
    db,
    events,
    outbox,
    log,
    wakeSender: () => processing.wakeSender(),
    announce: () => events.announce(),
  });
  await app.ready();

  reportScheduler.start();
  const jobs = startJobs({ db, events, outbox, log, wakeSender: () => processing.wakeSender(), retentionDays: config.retentionDays });

  return {
    config,
    app,
    db,
    journal,
    events,
    outbox,
    processing,
    stats,
    log,
    async listen() {
      return app.listen({ host: config.host, port: config.port });
    },
    whenIdle: () => processing.whenIdle(),
    async close() {
      jobs.stop();
      await closeHttp(app);
      journal.close();
      await processing.stop();
      await reportScheduler.stop();
      db.close();
    },
  };
}
