import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseConsoleSource } from '../../main/console-source.ts';

let server: Server | null = null;

/** A real HTTP server on 127.0.0.1, answering every request with `respond`. */
async function serve(respond: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(respond);
  await new Promise<void>(resolve => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  if (server !== null) {
    server.closeAllConnections();
    await new Promise(resolve => server!.close(resolve));
    server = null;
  }
});

describe('main/console-source', () => {
  it('loads the console from the service when it serves HTML', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>console</title>');
    });
    await expect(chooseConsoleSource(`${base}/console/`)).resolves.toEqual({ kind: 'service', url: `${base}/console/` });
  });

  it('uses the bundled renderer when the service has no console (404)', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not found"}');
    });
    const source = await chooseConsoleSource(`${base}/console/`);
    expect(source).toEqual({ kind: 'bundled', reason: 'service answered 404 for the console' });
  });

  it('uses the bundled renderer when something else answers with JSON', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
    await expect(chooseConsoleSource(`${base}/console/`)).resolves.toMatchObject({ kind: 'bundled' });
  });

  it('does not follow a redirect away from the console', async () => {
    const base = await serve((req, res) => {
      if (req.url === '/console/') {
        res.writeHead(302, { location: '/login' });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>somewhere else</title>');
    });
    await expect(chooseConsoleSource(`${base}/console/`)).resolves.toEqual({
      kind: 'bundled',
      reason: 'service answered 302 for the console',
    });
  });

  it('uses the bundled renderer when nothing listens', async () => {
    const base = await serve((_req, res) => res.end());
    server!.closeAllConnections();
    await new Promise(resolve => server!.close(resolve));
    server = null;
    const source = await chooseConsoleSource(`${base}/console/`);
    expect(source.kind).toBe('bundled');
  });

  it('gives up after the timeout when the service hangs', async () => {
    const base = await serve(() => {
      // never answers
    });
    const started = Date.now();
    const source = await chooseConsoleSource(`${base}/console/`, { timeoutMs: 200 });
    expect(source.kind).toBe('bundled');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
