import type { Db } from '../../../bot-service/db/open.ts';
import { createUser } from '../../../bot-service/db/queries/users.ts';
import type { Service } from '../../../bot-service/server.ts';
import { envelope, messageValue } from '../fixtures/webhooks.ts';
import { startWithGraph, waitUntil } from '../graph-harness.ts';
import { signedPost } from '../helpers.ts';

/** Two citizens who wrote to the bot and got answers through the fake Graph API (with status webhooks). */
export type Citizen = { waId: string; name: string; secret: string; contactId: number; conversationId: number; wamids: string[] };

export const siti = { waId: '6281234567001', name: 'Siti Aminah', secret: 'rahasia siti demam' };
export const budi = { waId: '6289876543210', name: 'Budi Santoso', secret: 'pesan budi batuk' };

export async function startWithCitizens(dir: string): Promise<{ service: Service; close: () => Promise<void>; a: Citizen; b: Citizen; post: (body: unknown) => Promise<void> }> {
  const h = await startWithGraph(dir);
  const { service } = h;
  const post = async (body: unknown): Promise<void> => {
    const res = await service.app.inject({ method: 'POST', url: '/webhooks/whatsapp', ...signedPost(body) });
    if (res.statusCode !== 200) throw new Error(`webhook refused: ${res.statusCode}`);
  };
  // One delivery carrying both citizens (Meta batches), then one each.
  await post(envelope([messageValue(siti.waId, { type: 'text', text: { body: `${siti.secret} 1` } }, siti.name), messageValue(budi.waId, { type: 'text', text: { body: `${budi.secret} 1` } }, budi.name)]));
  await post(envelope([messageValue(siti.waId, { type: 'text', text: { body: `${siti.secret} 2` } }, siti.name)]));
  await post(envelope([messageValue(budi.waId, { type: 'text', text: { body: `${budi.secret} 2` } }, budi.name)]));
  await service.whenIdle();
  // Replies sent and their status webhooks (which name the recipient's number) stored.
  await waitUntil(() => count(service.db, "SELECT COUNT(*) AS n FROM outbound_messages WHERE kind = 'message' AND status IN ('delivered', 'read')") === 4, 5000, 'replies delivered');
  await h.graph.idle();
  await service.whenIdle();
  return { service, close: h.close, a: describe(service.db, siti), b: describe(service.db, budi), post };
}

function describe(db: Db, c: { waId: string; name: string; secret: string }): Citizen {
  const contactId = (db.prepare('SELECT id FROM contacts WHERE wa_key = ?').get(c.waId) as { id: number }).id;
  const conversationId = (db.prepare('SELECT id FROM conversations WHERE contact_id = ?').get(contactId) as { id: number }).id;
  const wamids = (
    db.prepare('SELECT wamid FROM inbound_messages WHERE contact_id = ? UNION SELECT wamid FROM outbound_messages WHERE contact_id = ? AND wamid IS NOT NULL').all(contactId, contactId) as Array<{ wamid: string }>
  ).map(r => r.wamid);
  return { ...c, contactId, conversationId, wamids };
}

export function count(db: Db, sql: string, ...params: unknown[]): number {
  return (db.prepare(sql).get(...params) as { n: number }).n;
}

/** Every `table.column` (all tables, all columns) whose value contains the needle. */
export function whereFound(db: Db, needle: string): string[] {
  const found: string[] = [];
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>;
  for (const { name } of tables) {
    const cols = db.prepare('SELECT name FROM pragma_table_info(?)').all(name) as Array<{ name: string }>;
    for (const col of cols) {
      const n = count(db, `SELECT COUNT(*) AS n FROM "${name}" WHERE instr(CAST("${col.name}" AS TEXT), ?) > 0`, needle);
      if (n > 0) found.push(`${name}.${col.name}`);
    }
  }
  return found;
}

/** Row counts and counters that erasure and retention must keep. */
export function counts(db: Db): Record<string, number> {
  return {
    contacts: count(db, 'SELECT COUNT(*) AS n FROM contacts'),
    conversations: count(db, 'SELECT COUNT(*) AS n FROM conversations'),
    messagesCounted: count(db, 'SELECT COALESCE(SUM(message_count), 0) AS n FROM conversations'),
    inbound: count(db, 'SELECT COUNT(*) AS n FROM inbound_messages'),
    outbound: count(db, 'SELECT COUNT(*) AS n FROM outbound_messages'),
    webhookEvents: count(db, 'SELECT COUNT(*) AS n FROM webhook_events'),
    events: count(db, 'SELECT COUNT(*) AS n FROM events'),
  };
}

/** An internal note on the conversation, if the inbox tables exist. */
export function addNote(db: Db, conversationId: number, text: string): boolean {
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'conversation_notes'").get() === undefined) return false;
  const author = db.prepare("SELECT id FROM users WHERE username = 'note-author'").get() as { id: number } | undefined;
  const authorId = author?.id ?? createUser(db, { username: 'note-author', password: 'long-enough', role: 'volunteer', hashCost: 10 }).id;
  db.prepare('INSERT INTO conversation_notes (conversation_id, author_id, text, created_at) VALUES (?, ?, ?, ?)').run(conversationId, authorId, text, Date.now());
  return true;
}
