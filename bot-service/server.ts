import { join } from 'node:path';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { seedContent } from './content/seed.ts';
import { openDatabase, type Db } from './db/open.ts';
import { EventLog } from './events/event-log.ts';
import type { FlowEngine } from './flows/types.ts';
import { Journal } from './journal/journal.ts';
import { createLogger, type Logger } from './logger.ts';
import { createGraphClient, type GraphClient } from './outbox/graph-client.ts';
import { Outbox } from './outbox/outbox.ts';
import { Sender, type SenderOptions } from './outbox/sender.ts';
import { StatusApplier } from './outbox/statuses.ts';
import { ContactDispatcher } from './pipeline/contact-dispatcher.ts';
import { InboundProcessor } from './pipeline/inbound-processor.ts';
import { registerConsoleApi } from './api/index.ts';
import { ensureBootstrapAdmin } from './api/auth/bootstrap.ts';
import { startJobs } from './jobs.ts';
import { createReportScheduler } from './reports/scheduler.ts';
import { createStatsProjector } from './stats/projector.ts';
import { consoleRoutes, defaultRendererDir } from './routes/console.ts';
import { registerHealthRoute } from './routes/health.ts';
import { webhookBodyLimit, webhookRoutes } from './routes/webhook.ts';

export type ServiceOptions = {
  engine: FlowEngine;
  /** Defaults to the real Graph API client for the configured WA_GRAPH_URL. */
  graph?: GraphClient;
  logger?: Logger;
  /** Database file; defaults to `${dataDir}/bot.db`. */
  databaseFile?: string;
  sender?: Partial<SenderOptions>;
  /** The built renderer served at /console/; defaults to out/renderer. */
  rendererDir?: string;
};

export type Service = {
  config: Config;
  app: FastifyInstance;
  db: Db;
  events: EventLog;
  outbox: Outbox;
  sender: Sender;
  dispatcher: ContactDispatcher;
  /** The statistics projector; `catchUp()` counts every event logged so far. */
  stats: { catchUp(): number };
  log: Logger;
  /** Starts listening on the configured host and port; returns the base URL. */
  listen(): Promise<string>;
  /** Waits until every stored message is handled and nothing is due to send. */
  whenIdle(): Promise<void>;
  close(): Promise<void>;
};

/** Wires bot-service together: database, journal, pipeline, outbox, sender and HTTP routes. */
export async function createService(config: Config, options: ServiceOptions): Promise<Service> {
  const log = options.logger ?? createLogger(config.logLevel);
  const db = openDatabase(options.databaseFile ?? join(config.dataDir, 'bot.db'));
  // First start: reference data and starting content; afterwards the database is the truth.
  seedContent(db);
  if (config.bootstrapAdminPassword !== null) {
    ensureBootstrapAdmin(db, config.bootstrapAdminPassword);
  }
  const events = new EventLog(db);
  // Statistics are kept as events happen: the projector follows the event log from its checkpoint.
  const stats = createStatsProjector({ db, events, log });
  const reportScheduler = createReportScheduler({ db, log, catchUp: () => stats.catchUp(), quietMinutes: config.sessionQuietMinutes });
  const statuses = new StatusApplier(db, events);
  const outbox = new Outbox(db, events);
  const journal = new Journal(db, events, statuses);
  const graph =
    options.graph ??
    createGraphClient({ graphUrl: config.wa.graphUrl, phoneNumberId: config.wa.phoneNumberId, accessToken: config.wa.accessToken });
  const sender = new Sender(db, events, statuses, graph, log, { ratePerSecond: config.sendRatePerSecond, ...options.sender });
  const processor = new InboundProcessor(db, events, outbox, options.engine, log, config.sessionQuietMinutes * 60_000);
  const dispatcher = new ContactDispatcher(
    id => processor.processContact(id),
    () => {
      events.announce();
      sender.wake();
    },
    log,
    work => db.transaction(work)()
  );

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
    journal,
    onStored: ids => dispatcher.notify(ids),
  });
  await app.register(consoleRoutes, { rendererDir: options.rendererDir ?? defaultRendererDir });
  await registerConsoleApi(app, {
    config,
    db,
    events,
    outbox,
    log,
    wakeSender: () => sender.wake(),
    announce: () => events.announce(),
  });
  await app.ready();

  sender.start();
  stats.start();
  reportScheduler.start();
  const jobs = startJobs({ db, events, outbox, log, wakeSender: () => sender.wake(), retentionDays: config.retentionDays });
  // Messages stored before a stop but not yet handled are handled now.
  dispatcher.notify(processor.contactsWithPending());

  return {
    config,
    app,
    db,
    events,
    outbox,
    sender,
    dispatcher,
    stats,
    log,
    async listen() {
      return app.listen({ host: config.host, port: config.port });
    },
    async whenIdle() {
      for (let i = 0; i < 100; i++) {
        await dispatcher.whenIdle();
        await sender.whenIdle();
        if ((db.prepare("SELECT COUNT(*) AS n FROM inbound_messages WHERE state = 'pending'").get() as { n: number }).n === 0) {
          return;
        }
      }
    },
    async close() {
      jobs.stop();
      await app.close();
      await dispatcher.whenIdle();
      await sender.stop();
      await reportScheduler.stop();
      await stats.stop();
      graph.close?.();
      db.close();
    },
  };
}
