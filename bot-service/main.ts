/**
 * `npm run bot-service`: starts bot-service alone, configured by the environment and `.env`.
 * A missing or malformed setting stops the start with one line naming it.
 */
import { ConfigError, loadEnv, readConfig } from './config.ts';
import { MigrationError } from './db/migrate.ts';
import { createLogger } from './logger.ts';
import { startBotService } from './start.ts';

let config;
try {
  config = readConfig(loadEnv(process.env));
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`bot-service: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

const log = createLogger(config.logLevel);
try {
  const running = await startBotService(config, log);
  log.info({ url: running.url, dataDir: config.dataDir, demo: config.demo }, 'bot-service listening');
  const stop = async (signal: string) => {
    log.info({ signal }, 'bot-service stopping');
    await running.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
} catch (error) {
  if (error instanceof MigrationError) {
    process.stderr.write(`bot-service: ${error.message}\n`);
    process.exit(1);
  }
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    process.stderr.write(`bot-service: BOT_PORT ${config.port} on ${config.host} is already in use\n`);
    process.exit(1);
  }
  throw error;
}
