/**
 * The baseline: a bare `node:http` server in its own process that reads the whole body and answers
 * 200. bot-service's ingest is measured against it with the same client and concurrency.
 * Prints one JSON line `{"msg":"listening","url":...}` once it accepts connections.
 */
import { createServer } from 'node:http';

const answer = Buffer.from('{"ok":true}');

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    // Touch the bytes as a real handler would, so the body is really read.
    Buffer.concat(chunks);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': answer.length });
    res.end(answer);
  });
});
server.keepAliveTimeout = 72_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.stdout.write(JSON.stringify({ msg: 'listening', url: `http://127.0.0.1:${port}` }) + '\n');
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
