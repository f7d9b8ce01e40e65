import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../deps.ts';
import { defaultStreamOptions, StreamConnection, type StreamOptions } from './connection.ts';

/** `GET /stream`: the live event stream over WebSocket (protocol in contract/stream.ts). */
export async function streamRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  await registerStream(app, deps, defaultStreamOptions);
}

/** The same with other limits (tests use short heartbeats). */
export async function registerStream(app: FastifyInstance, deps: Pick<ApiDeps, 'db' | 'events' | 'log'>, options: StreamOptions): Promise<void> {
  // A scope of its own: the WebSocket plugin's hooks apply to this route only.
  await app.register(async scope => {
    // Clients send only small control messages.
    await scope.register(websocket, { options: { maxPayload: 4096 } });
    scope.get('/stream', { websocket: true }, socket => {
      new StreamConnection(socket, { db: deps.db, events: deps.events, log: deps.log }, options).start();
    });
  });
}
