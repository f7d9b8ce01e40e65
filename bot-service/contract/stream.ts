import { z } from 'zod';
import { allRoles, type RouteDescription } from './auth.ts';

/**
 * The live stream, `GET /api/stream` (WebSocket; issue 4).
 *
 * 1. The client connects (no token in the URL) and sends `{type:'auth', token, after}`, where
 *    `after` is the last `seq` it has seen (0 for everything still in the log).
 * 2. The server answers `{type:'ready', lastSeq}`, then sends every event with `seq > after` in
 *    order, then new events as they happen: no gap, no duplicate. On a reconnect, send the last
 *    `seq` received as `after`.
 * 3. If the client falls too far behind (a full send buffer, or more events to catch up on than
 *    is sensible), the server sends `{type:'resync', lastSeq}` and closes: re-fetch the state
 *    over HTTP, then reconnect with `after: lastSeq`.
 * A bad or expired session closes with 4401. `{type:'ping'}` is answered with `{type:'pong'}`;
 * the server also sends WebSocket pings and drops a client that stops answering them.
 * Officials get events without contact ids. Event data holds ids and codes, never texts.
 */

export const StreamAuthMessage = z.strictObject({
  type: z.literal('auth'),
  token: z.string().min(1).max(256),
  after: z.number().int().min(0),
});
export type StreamAuthMessage = z.infer<typeof StreamAuthMessage>;

export const StreamPingMessage = z.strictObject({ type: z.literal('ping') });
export type StreamPingMessage = z.infer<typeof StreamPingMessage>;

export const StreamClientMessage = z.discriminatedUnion('type', [StreamAuthMessage, StreamPingMessage]);
export type StreamClientMessage = z.infer<typeof StreamClientMessage>;

export const StreamReadyMessage = z.object({ type: z.literal('ready'), lastSeq: z.number().int() });
export type StreamReadyMessage = z.infer<typeof StreamReadyMessage>;

export const StreamEventMessage = z.object({
  type: z.literal('event'),
  seq: z.number().int(),
  /** Epoch ms. */
  at: z.number().int(),
  /** message.received, message.status, conversation.updated, ... (see bot-service/events/event-log.ts). */
  eventType: z.string(),
  /** Null for officials. */
  contactId: z.number().int().nullable(),
  conversationId: z.number().int().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type StreamEventMessage = z.infer<typeof StreamEventMessage>;

export const StreamResyncMessage = z.object({
  type: z.literal('resync'),
  /** Re-fetch the state, then reconnect with `after: lastSeq`. */
  lastSeq: z.number().int(),
  reason: z.enum(['slow', 'behind', 'reset']),
});
export type StreamResyncMessage = z.infer<typeof StreamResyncMessage>;

export const StreamPongMessage = z.object({ type: z.literal('pong') });
export type StreamPongMessage = z.infer<typeof StreamPongMessage>;

export const StreamServerMessage = z.discriminatedUnion('type', [StreamReadyMessage, StreamEventMessage, StreamResyncMessage, StreamPongMessage]);
export type StreamServerMessage = z.infer<typeof StreamServerMessage>;

/** WebSocket close codes the stream uses. */
export const streamCloseCodes = {
  /** No valid session (or it ended while connected). */
  unauthorized: 4401,
  /** A message that is not valid JSON of the client shapes above. */
  badMessage: 4400,
  /** No auth message in time. */
  authTimeout: 4408,
  /** After a `resync` message. */
  resync: 4409,
} as const;

export const routes = [
  { method: 'GET', url: '/api/stream', roles: allRoles, request: StreamClientMessage, response: StreamServerMessage },
] as const satisfies readonly RouteDescription[];
