import { Writable } from 'node:stream';
import pino from 'pino';
import { createFlowEngine } from '../../../bot-service/flows/engine.ts';
import { createService, type Service } from '../../../bot-service/server.ts';
import { createFakeGraph, type FakeGraph } from '../../../simulator/fake-graph.ts';
import { phoneNumberId } from '../fixtures/webhooks.ts';
import { accessToken, testConfig } from '../helpers.ts';

export type LogEntry = { level: number; msg: string; [key: string]: unknown };

/**
 * bot-service in-process with the real flow engine and the simulator's fake Graph API on a port
 * (no status webhooks, so nothing arrives by itself), keeping every warning and error it logs.
 */
export async function startServiceUnderFuzz(
  dataDir: string,
  env: Record<string, string> = {}
): Promise<{ service: Service; graph: FakeGraph; logs: LogEntry[]; errors: () => LogEntry[]; close: () => Promise<void> }> {
  const logs: LogEntry[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) {
        if (line.trim() !== '') {
          logs.push(JSON.parse(line) as LogEntry);
        }
      }
      done();
    },
  });
  const graph = createFakeGraph({ accessToken, phoneNumberId, maxRecords: 5000 });
  const { graphUrl } = await graph.listen({ host: '127.0.0.1', port: 0 });
  const service = await createService(testConfig(dataDir, { WA_GRAPH_URL: graphUrl, WA_SEND_RATE: '1000', ...env }), {
    engine: createFlowEngine(),
    logger: pino({ level: 'warn' }, sink),
  });
  return {
    service,
    graph,
    logs,
    errors: () => logs.filter(l => l.level >= 50),
    close: async () => {
      await service.close();
      await graph.close();
    },
  };
}

/** Row counts of every table a webhook can touch, and the last event number. */
export function snapshot(service: Service): Record<string, number> {
  const one = (sql: string) => (service.db.prepare(sql).get() as { n: number }).n;
  return {
    webhook_events: one('SELECT COUNT(*) AS n FROM webhook_events'),
    inbound_messages: one('SELECT COUNT(*) AS n FROM inbound_messages'),
    contacts: one('SELECT COUNT(*) AS n FROM contacts'),
    conversations: one('SELECT COUNT(*) AS n FROM conversations'),
    outbound_messages: one('SELECT COUNT(*) AS n FROM outbound_messages'),
    pending_statuses: one('SELECT COUNT(*) AS n FROM pending_statuses'),
    events: one('SELECT COALESCE(MAX(seq), 0) AS n FROM events'),
    outbound_status_changes: one("SELECT COUNT(*) AS n FROM outbound_messages WHERE status NOT IN ('queued', 'sending', 'accepted')"),
  };
}
