import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { path: string; headers: http.IncomingHttpHeaders; raw: string; json: unknown };

/** A tiny webhook receiver on 127.0.0.1, port 0: records requests, answers `answer(n)` (n = request index). */
export async function startReceiver(answer: (index: number, r: Received) => number = () => 200) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let json: unknown = null;
      try {
        json = JSON.parse(raw);
      } catch {
        json = null;
      }
      const r: Received = { path: req.url ?? '', headers: req.headers, raw, json };
      received.push(r);
      res.writeHead(answer(received.length - 1, r), { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/whatsapp`,
    received,
    async waitFor(n: number, timeoutMs = 3000): Promise<Received[]> {
      const start = Date.now();
      while (received.length < n) {
        if (Date.now() - start > timeoutMs) throw new Error(`receiver: got ${received.length} of ${n} requests`);
        await new Promise(r => setTimeout(r, 10));
      }
      return received;
    },
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

/** HMAC computed here, independently of simulator/sign.ts. */
export function independentSignature(raw: string, secret: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(Buffer.from(raw, 'utf8')).digest('hex');
}

export async function postJson(url: string, body: unknown, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json, text };
}
