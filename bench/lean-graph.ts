/**
 * A lean fake of the Graph API `/messages` endpoint for the bench, in the bench's own process.
 *
 * The simulator's fake Graph validates every body and keeps records, which costs the bench process
 * CPU that the measured service would otherwise get on a 2-core machine. This one answers as Meta
 * does (a wamid per send, `success` for mark-as-read), names the wamid after the outbox id
 * (`wamid.bench.out.<id>`, taken from `biz_opaque_callback_data`) so that pre-built status
 * webhooks can refer to our sent messages, and records when each outbox id arrived.
 */
import { createServer, type Server } from 'node:http';

export type LeanGraph = {
  /** WA_GRAPH_URL for the service (version included). */
  graphUrl: string;
  /** Arrival time (epoch ms) of the first call per outbox id; 0 = not seen. */
  arrivalOf(outId: number): number;
  /** Calls per outbox id seen more than once (a reply sent twice). */
  duplicates(): number;
  counts(): { sends: number; reads: number; refused: number };
  /** While down, every call gets HTTP 503 with Meta's "service unavailable" error (code 2). */
  setDown(down: boolean): void;
  close(): Promise<void>;
};

export async function startLeanGraph(): Promise<LeanGraph> {
  let arrivals = new Float64Array(1 << 16);
  let sends = 0;
  let reads = 0;
  let refused = 0;
  let duplicates = 0;
  let down = false;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const now = Date.now();
      if (down) {
        refused++;
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end('{"error":{"message":"Service temporarily unavailable","type":"OAuthException","code":2,"fbtrace_id":"AbenchDown"}}');
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      // Read marks carry `"status":"read"`; sends carry our outbox id. Avoid a full parse.
      const match = /"biz_opaque_callback_data":"out:(\d+)"/.exec(text);
      if (match === null) {
        reads++;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"success":true}');
        return;
      }
      const id = Number(match[1]);
      while (id >= arrivals.length) {
        const bigger = new Float64Array(arrivals.length * 2);
        bigger.set(arrivals);
        arrivals = bigger;
      }
      if (arrivals[id] === 0) {
        arrivals[id] = now;
      } else {
        duplicates++;
      }
      sends++;
      const to = /"to":"\+?(\d+)"/.exec(text)?.[1] ?? '';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"messaging_product":"whatsapp","contacts":[{"input":"+${to}","wa_id":"${to}"}],"messages":[{"id":"wamid.bench.out.${id}"}]}`);
    });
  });
  server.keepAliveTimeout = 72_000;
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    graphUrl: `http://127.0.0.1:${port}/v25.0`,
    arrivalOf: id => (id < arrivals.length ? arrivals[id]! : 0),
    duplicates: () => duplicates,
    counts: () => ({ sends, reads, refused }),
    setDown: d => {
      down = d;
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
