import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build` puts the renderer (electron-vite). */
export const defaultRendererDir = resolve(import.meta.dirname, '..', '..', 'out', 'renderer');

// The renderer talks only to this service (same origin): nothing else is allowed.
const consoleCsp =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'";

/** `/console/`: the console's renderer as a web page, for browsers and for the Electron app. */
export async function consoleRoutes(app: FastifyInstance, options: { rendererDir: string }): Promise<void> {
  if (!existsSync(resolve(options.rendererDir, 'index.html'))) {
    app.get('/console/*', async (_request, reply) =>
      reply.code(503).type('text/plain; charset=utf-8').send('The console is not built yet: run `npm run build`, then reload.')
    );
    app.get('/console', async (_request, reply) => reply.redirect('/console/'));
    return;
  }
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', consoleCsp);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    return payload;
  });
  await app.register(fastifyStatic, { root: options.rendererDir, prefix: '/console/', index: ['index.html'], redirect: true });
}
