import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, apiFetch, onUnauthorized, serviceBaseFromPage, setApiBase, setAuthToken, streamUrl } from '../../../renderer/src/api/client.ts';

type Seen = { method: string; url: string; authorization: string | undefined; contentType: string | undefined; body: string };

let server: Server;
let seen: Seen[];
let respond: (req: IncomingMessage, res: ServerResponse) => void;

beforeEach(async () => {
  seen = [];
  respond = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  };
  server = createServer((req, res) => {
    let body = '';
    req.on('data', chunk => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, contentType: req.headers['content-type'], body });
      respond(req, res);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  setApiBase(`http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/prefix/`);
  setAuthToken(null);
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise(resolve => server.close(resolve));
});

describe('renderer/api/client', () => {
  it('sends the bearer token and plain bodies as JSON, under the service prefix', async () => {
    setAuthToken('tok-123');
    const result = await apiFetch<{ ok: boolean }>('/api/inbox/7/reply', { method: 'POST', body: { kind: 'text', text: 'Halo' } });
    expect(result).toEqual({ ok: true });
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/prefix/api/inbox/7/reply',
      authorization: 'Bearer tok-123',
      contentType: 'application/json',
      body: '{"kind":"text","text":"Halo"}',
    });
  });

  it('throws ApiError with the status and the server’s {error} text', async () => {
    respond = (_req, res) => {
      res.writeHead(409, { 'content-type': 'application/json' });
      res.end('{"error":"already claimed by someone else"}');
    };
    const error = await apiFetch('/api/inbox/1/claim', { method: 'POST', body: {} }).catch(e => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, message: 'already claimed by someone else' });
  });

  it('reads Retry-After on 429', async () => {
    respond = (_req, res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '42' });
      res.end('{"error":"too many attempts"}');
    };
    const error = (await apiFetch('/api/auth/login', { method: 'POST', body: {} }).catch(e => e)) as ApiError;
    expect(error.retryAfter).toBe(42);
  });

  it('tells the session about a 401 only when a session token was sent', async () => {
    respond = (_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"error":"unauthorized"}');
    };
    let ended = 0;
    const stop = onUnauthorized(() => ended++);
    await apiFetch('/api/auth/login', { method: 'POST', body: {} }).catch(() => undefined); // wrong password: no session
    expect(ended).toBe(0);
    setAuthToken('expired');
    await apiFetch('/api/inbox').catch(() => undefined);
    expect(ended).toBe(1);
    stop();
  });

  it('reports an unreachable service as status 0', async () => {
    setApiBase('http://127.0.0.1:9');
    const error = (await apiFetch('/api/auth/me').catch(e => e)) as ApiError;
    expect(error.status).toBe(0);
  });

  it('finds the service address from the page address, prefix included', () => {
    expect(serviceBaseFromPage('http://127.0.0.1:8080/console/#/inbox')).toBe('http://127.0.0.1:8080');
    expect(serviceBaseFromPage('https://posko.example/covid/console/index.html')).toBe('https://posko.example/covid');
    expect(serviceBaseFromPage('app://console/index.html')).toBe('');
    setApiBase('https://posko.example/covid');
    expect(streamUrl()).toBe('wss://posko.example/covid/api/stream');
  });
});
