import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { createThreadedService, type CoreService } from './server.ts';

/** Exit code when the processing thread dies (the bot would be silent; a supervisor restarts it). */
export const PROCESSING_FAILED_EXIT_CODE = 70;

/**
 * Starts the whole service as it runs in production and in the demo: webhook and console API on
 * this thread, the flows and the sender in the processing thread, listening socket open.
 */
export async function startBotService(config: Config, log: Logger): Promise<{ service: CoreService; url: string; close: () => Promise<void> }> {
  const service = await createThreadedService(config, {
    logger: log,
    onProcessingFailure: error => {
      log.fatal({ err: error }, 'the processing thread stopped: bot-service exits so it can be restarted');
      process.exit(PROCESSING_FAILED_EXIT_CODE);
    },
  });
  const url = await service.listen();
  return { service, url, close: () => service.close() };
}
