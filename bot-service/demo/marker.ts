import type { Db } from '../db/open.ts';

/**
 * The record of a seeded demo history: which WIB days it covers, how much it made, and which
 * contact and conversation ids are demo, so the console can say so and the rows can be found
 * again. One row at most; its presence means "this database holds made-up data".
 */
export type DemoHistoryRecord = {
  from: string;
  to: string;
  conversations: number;
  contacts: number;
  messagesIn: number;
  messagesOut: number;
  seed: number;
  seededAt: number;
  contactIds: { first: number; last: number };
  conversationIds: { first: number; last: number };
};

// Made here rather than in a migration: only demo databases ever get this table.
const ddl = `
  CREATE TABLE IF NOT EXISTS demo_history (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    demo INTEGER NOT NULL DEFAULT 1 CHECK (demo = 1),  -- made-up data, never real citizens
    from_day TEXT NOT NULL,               -- YYYY-MM-DD, Asia/Jakarta
    to_day TEXT NOT NULL,
    conversations INTEGER NOT NULL,
    contacts INTEGER NOT NULL,
    messages_in INTEGER NOT NULL,
    messages_out INTEGER NOT NULL,
    seed INTEGER NOT NULL,
    seeded_at INTEGER NOT NULL,           -- epoch ms
    first_contact_id INTEGER NOT NULL,    -- demo contacts and conversations are these id ranges
    last_contact_id INTEGER NOT NULL,
    first_conversation_id INTEGER NOT NULL,
    last_conversation_id INTEGER NOT NULL
  ) STRICT`;

export function ensureDemoHistoryTable(db: Db): void {
  db.exec(ddl);
}

/** The demo history this database holds, or null (also when the table was never made). */
export function readDemoHistory(db: Db): DemoHistoryRecord | null {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'demo_history'").get() !== undefined;
  if (!exists) {
    return null;
  }
  const row = db.prepare('SELECT * FROM demo_history WHERE id = 1').get() as Record<string, number | string> | undefined;
  if (row === undefined) {
    return null;
  }
  return {
    from: String(row.from_day),
    to: String(row.to_day),
    conversations: Number(row.conversations),
    contacts: Number(row.contacts),
    messagesIn: Number(row.messages_in),
    messagesOut: Number(row.messages_out),
    seed: Number(row.seed),
    seededAt: Number(row.seeded_at),
    contactIds: { first: Number(row.first_contact_id), last: Number(row.last_contact_id) },
    conversationIds: { first: Number(row.first_conversation_id), last: Number(row.last_conversation_id) },
  };
}

/** Records the history; inside the transaction that wrote it. */
export function writeDemoHistory(db: Db, r: DemoHistoryRecord): void {
  db.prepare(
    `INSERT INTO demo_history (id, from_day, to_day, conversations, contacts, messages_in, messages_out, seed, seeded_at,
       first_contact_id, last_contact_id, first_conversation_id, last_conversation_id)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    r.from,
    r.to,
    r.conversations,
    r.contacts,
    r.messagesIn,
    r.messagesOut,
    r.seed,
    r.seededAt,
    r.contactIds.first,
    r.contactIds.last,
    r.conversationIds.first,
    r.conversationIds.last
  );
}
