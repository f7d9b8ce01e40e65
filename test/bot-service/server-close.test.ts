import Fastify from 'fastify';
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { closeHttp } from '../../bot-service/server.ts';

describe('server close', () => {
  it('does not wait for the keep-alive timeout of a connection whose request was in flight when the close began', async () => {
    const app = Fastify();
    app.post('/slow', async () => {
      await new Promise(resolve => setTimeout(resolve, 100));
      return { ok: true };
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    // Meta and the simulator post webhooks over kept-alive connections.
    const agent = new http.Agent({ keepAlive: true });
    const answered = new Promise<number>(resolve => {
      const req = http.request({ host: '127.0.0.1', port, path: '/slow', method: 'POST', agent, headers: { 'content-type': 'application/json' } }, res => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.end('{}');
    });
    await new Promise(resolve => setTimeout(resolve, 30)); // the request is in its handler now
    const started = Date.now();
    await closeHttp(app);
    expect(await answered).toBe(200); // the request in flight still got its answer
    expect(Date.now() - started).toBeLessThan(2000); // without the sweep: 72 s (Fastify's keep-alive timeout)
    agent.destroy();
  });
});
