import { createFakeGraph, type FakeGraph } from '../../simulator/fake-graph.ts';
import type { Service } from '../../bot-service/server.ts';
import { displayNumber, phoneNumberId } from './fixtures/webhooks.ts';
import { accessToken, appSecret, startService } from './helpers.ts';
import type { FlowEngine } from '../../bot-service/flows/types.ts';
import type { SenderOptions } from '../../bot-service/outbox/sender.ts';

/**
 * bot-service on a real port, with the simulator's fake Graph API on another: replies go out over
 * HTTP and Meta-style signed status webhooks come back.
 */
export async function startWithGraph(
  dataDir: string,
  options: { engine?: FlowEngine; statusWebhooks?: boolean; sender?: Partial<SenderOptions>; env?: Record<string, string> } = {}
): Promise<{ service: Service; graph: FakeGraph; baseUrl: string; close: () => Promise<void> }> {
  const graph = createFakeGraph({ accessToken, phoneNumberId, statusDelaysMs: { sent: 5, delivered: 10, read: 20 } });
  const { graphUrl } = await graph.listen({ host: '127.0.0.1', port: 0 });
  const service = await startService(dataDir, { engine: options.engine, env: { WA_GRAPH_URL: graphUrl, ...options.env }, sender: options.sender });
  const baseUrl = await service.listen();
  if (options.statusWebhooks !== false) {
    graph.setWebhookTarget({ url: `${baseUrl}/webhooks/whatsapp`, appSecret, phoneNumberId, displayPhoneNumber: displayNumber });
  }
  return {
    service,
    graph,
    baseUrl,
    close: async () => {
      await service.close();
      await graph.close();
    },
  };
}

export async function waitUntil(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise(r => setTimeout(r, 10));
  }
}
