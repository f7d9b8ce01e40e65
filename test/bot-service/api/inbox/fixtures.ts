import type { Role } from '../../../../bot-service/contract/auth.ts';
import { seedContent } from '../../../../bot-service/content/seed.ts';
import { createUser } from '../../../../bot-service/db/queries/users.ts';
import type { FlowEngine } from '../../../../bot-service/flows/types.ts';
import type { Service } from '../../../../bot-service/server.ts';
import { messageValue, envelope } from '../../fixtures/webhooks.ts';
import { startWithGraph } from '../../graph-harness.ts';
import { signedPost, startService, tempDir } from '../../helpers.ts';
import type { FakeGraph } from '../../../../simulator/fake-graph.ts';

/**
 * Shared set-up for the console API tests of conversations, the inbox and content: a real
 * service on a temp database with the starting content, users who log in through the API, and
 * citizens who write through the signed webhook.
 */

/**
 * A small, predictable engine: "relawan" asks for a volunteer, "darurat" too at high priority
 * with a high-risk self check-up, "hoaks ..." is a hoax claim; a waiting or assigned
 * conversation gets no bot reply; anything else is echoed as "bot: <text>".
 */
export const inboxEngine: FlowEngine = {
  handle(ctx) {
    const text = (ctx.message.text ?? '').trim();
    if (ctx.conversation.state === 'waiting' || ctx.conversation.state === 'assigned') {
      return { replies: [], flowState: null };
    }
    const say = (body: string) => [{ body: { type: 'text', text: { body } }, summary: body }];
    const region = /surabaya/i.test(text) ? { contact: { regionCode: '35.78' }, regionCode: '35.78' } : null;
    if (/^relawan/i.test(text)) {
      return {
        replies: say('Mohon tunggu relawan.'),
        flowState: null,
        ...(region ? { contact: region.contact } : {}),
        conversation: { feature: 'volunteer', handoff: { priority: 10, reason: 'asked' }, ...(region ? { regionCode: region.regionCode } : {}) },
      };
    }
    if (text === 'darurat') {
      return {
        replies: say('Relawan segera membalas.'),
        flowState: null,
        conversation: { feature: 'selfcheck', handoff: { priority: 90, reason: 'selfcheck-tinggi' } },
        signals: [{ kind: 'selfcheck', level: 'tinggi' }],
      };
    }
    if (text.startsWith('hoaks')) {
      return {
        replies: say('Sedang kami periksa.'),
        flowState: null,
        conversation: { feature: 'hoax' },
        signals: [{ kind: 'hoax-claim', text: null, mediaSha256: null, matchedHoaxId: null }],
      };
    }
    return { replies: say(`bot: ${text}`), flowState: null, ...(region ? { contact: region.contact, conversation: { regionCode: '35.78' } } : {}) };
  },
};

export type Harness = {
  service: Service;
  /** The fake Graph API (only with `graph: true`). */
  graph: FakeGraph | null;
  /** The service's address on a real port (only with `graph: true`). */
  baseUrl: string | null;
  close: () => Promise<void>;
};

export async function startApi(options: { graph?: boolean; engine?: FlowEngine } = {}): Promise<Harness> {
  const t = tempDir();
  const engine = options.engine ?? inboxEngine;
  if (options.graph) {
    const h = await startWithGraph(t.dir, { engine });
    seedContent(h.service.db);
    return {
      service: h.service,
      graph: h.graph,
      baseUrl: h.baseUrl,
      close: async () => {
        await h.close();
        t.cleanup();
      },
    };
  }
  // The sender keeps trying a Graph URL nobody listens on; that is fine for tests that read the outbox.
  const service = await startService(t.dir, { engine });
  seedContent(service.db);
  return {
    service,
    graph: null,
    baseUrl: null,
    close: async () => {
      await service.close();
      t.cleanup();
    },
  };
}

let userSeq = 0;

export type TestUser = { id: number; username: string; role: Role; token: string };

/** Creates a user (cheap hash) and logs in through the API. */
export async function login(service: Service, role: Role, displayName: string | null = null): Promise<TestUser> {
  const username = `${role}-${++userSeq}`;
  const password = 'correct horse battery';
  const { id } = createUser(service.db, { username, password, role, displayName, hashCost: 4 });
  const res = await service.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return { id, username, role, token: (res.json() as { token: string }).token };
}

export type Answer = { status: number; body: any };

/** One console API call; `user` null means no Authorization header. */
export async function call(service: Service, user: TestUser | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<Answer> {
  const res = await service.app.inject({
    method,
    url,
    headers: user ? { authorization: `Bearer ${user.token}` } : {},
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
  });
  return { status: res.statusCode, body: res.body === '' ? null : res.json() };
}

let phoneSeq = 0;

/** A fresh citizen number. */
export const newCitizen = (): string => `62812${String(Date.now() % 100000).padStart(5, '0')}${String(++phoneSeq).padStart(3, '0')}`;

/** The citizen writes `text`; resolves once the service has handled it. */
export async function citizenSays(service: Service, waId: string, text: string, name = 'Siti Aminah'): Promise<void> {
  const res = await service.app.inject({
    method: 'POST',
    url: '/webhooks/whatsapp',
    ...signedPost(envelope([messageValue(waId, { type: 'text', text: { body: text } }, name)])),
  });
  if (res.statusCode !== 200) throw new Error(`webhook answered ${res.statusCode}`);
  await service.whenIdle();
}

/** The citizen asks for a volunteer; returns the waiting conversation's id. */
export async function waitingConversation(service: Service, waId: string = newCitizen(), text = 'relawan'): Promise<number> {
  await citizenSays(service, waId, text);
  const row = service.db
    .prepare("SELECT c.id FROM conversations c JOIN contacts ct ON ct.id = c.contact_id WHERE ct.wa_key = ? AND c.state = 'waiting'")
    .get(waId) as { id: number } | undefined;
  if (row === undefined) throw new Error('the conversation did not reach the inbox');
  return row.id;
}

/** A published canned reply or template, written the way a publish does (for inbox tests). */
export function insertCanned(service: Service, text: string, title = 'Salam'): number {
  return Number(
    service.db
      .prepare("INSERT INTO canned_replies (title, text, version, updated_at, updated_by) VALUES (?, ?, 1, ?, 'test')")
      .run(title, text, Date.now()).lastInsertRowid
  );
}

export function insertTemplate(service: Service, o: { name: string; body: string; approved: boolean; language?: string }): number {
  const params = Math.max(0, ...[...o.body.matchAll(/\{\{(\d+)\}\}/g)].map(m => Number(m[1])));
  return Number(
    service.db
      .prepare(
        "INSERT INTO message_templates (name, language, body, param_count, approved, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 1, ?, 'test')"
      )
      .run(o.name, o.language ?? 'id', o.body, params, o.approved ? 1 : 0, Date.now()).lastInsertRowid
  );
}

/** The audit lines of an action, newest last. */
export function auditLines(service: Service, action: string): Array<{ actor_id: number | null; target: string | null; details: string }> {
  return service.db.prepare('SELECT actor_id, target, details FROM audit_log WHERE action = ? ORDER BY id').all(action) as Array<{
    actor_id: number | null;
    target: string | null;
    details: string;
  }>;
}

/** Texts queued for a conversation, oldest first. */
export function outboxTexts(service: Service, conversationId: number): Array<{ text: string | null; author: string; kind: string }> {
  return service.db
    .prepare("SELECT text, author, kind FROM outbound_messages WHERE conversation_id = ? AND kind != 'read' ORDER BY id")
    .all(conversationId) as Array<{ text: string | null; author: string; kind: string }>;
}
