import type { Config } from './config.ts';
import { createFlowEngine } from './flows/engine.ts';
import type { Logger } from './logger.ts';
import { createService, type Service } from './server.ts';

/** Starts the whole service for production or demo: engine, content, listening socket. */
export async function startBotService(config: Config, log: Logger): Promise<{ service: Service; url: string; close: () => Promise<void> }> {
  const service = await createService(config, { engine: createFlowEngine(), logger: log });
  const url = await service.listen();
  return { service, url, close: () => service.close() };
}
