import Fastify, { type FastifyInstance } from 'fastify';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession } from '../../../../bot-service/api/auth/sessions.ts';
import { defaultStreamOptions } from '../../../../bot-service/api/stream/connection.ts';
import { registerStream } from '../../../../bot-service/api/stream/routes.ts';
import { streamCloseCodes } from '../../../../bot-service/contract/stream.ts';
import { openDatabase, type Db } from '../../../../bot-service/db/open.ts';
import { deleteUserSessions } from '../../../../bot-service/db/queries/sessions.ts';
import { createUser } from '../../../../bot-service/db/queries/users.ts';
import { EventLog } from '../../../../bot-service/events/event-log.ts';
import { tempDir } from '../../helpers.ts';
import { StreamClient } from './stream-client.ts';

// The stream on its own with short timers (the real service uses 10 s / 30 s).
let db: Db;
let app: FastifyInstance;
let baseUrl: string;
let cleanup: () => void;
let userId: number;
let token: string;

beforeEach(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openDatabase(join(t.dir, 'bot.db'));
  app = Fastify();
  const deps = { db, events: new EventLog(db), log: pino({ level: 'silent' }) };
  await app.register(scope => registerStream(scope, deps, { ...defaultStreamOptions, authTimeoutMs: 200, heartbeatMs: 100 }), { prefix: '/api' });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  userId = createUser(db, { username: 'sup', password: 'long-enough', role: 'supervisor', hashCost: 10 }).id;
  token = createSession(db, userId, null, Date.now()).token;
});

afterEach(async () => {
  await app.close();
  db.close();
  cleanup();
});

describe('api/stream timers', () => {
  it('closes a connection that never authenticates', async () => {
    const c = await StreamClient.open(baseUrl);
    expect((await c.closed).code).toBe(streamCloseCodes.authTimeout);
  });

  it('keeps a client that answers pings, drops one that does not', async () => {
    const good = await StreamClient.ready(baseUrl, token, 0);
    const silent = await StreamClient.open(baseUrl, { autoPong: false });
    silent.send({ type: 'auth', token, after: 0 });
    await silent.waitFor(m => m.type === 'ready');
    const closed = await silent.closed;
    expect(closed.code).toBe(1006); // terminated, no close frame
    expect(good.ws.readyState).toBe(good.ws.OPEN);
    good.close();
  });

  it('closes with 4401 when the session ends while connected', async () => {
    const c = await StreamClient.ready(baseUrl, token, 0);
    deleteUserSessions(db, userId);
    expect((await c.closed).code).toBe(streamCloseCodes.unauthorized);
  });
});
