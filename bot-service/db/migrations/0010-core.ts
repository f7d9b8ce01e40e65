import type { Db } from '../open.ts';

/** Contacts, the webhook journal, conversations, the outbox and the event log. */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE contacts (
      id INTEGER PRIMARY KEY,
      wa_key TEXT NOT NULL UNIQUE,          -- wa_id, or the business-scoped user_id where wa_id is absent
      wa_id TEXT,
      user_id TEXT,
      profile_name TEXT,
      language TEXT NOT NULL DEFAULT 'id',
      region_code TEXT,
      flow_state TEXT,                      -- JSON of the flow engine's state for this citizen
      last_inbound_ts INTEGER,              -- epoch seconds of the newest message (the 24-hour window)
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE webhook_events (
      id INTEGER PRIMARY KEY,
      received_at INTEGER NOT NULL,         -- epoch ms
      phone_number_id TEXT,
      body TEXT NOT NULL                    -- the raw request body, as signed by Meta
    ) STRICT;

    CREATE TABLE conversations (
      id INTEGER PRIMARY KEY,
      contact_id INTEGER NOT NULL REFERENCES contacts(id),
      started_at INTEGER NOT NULL,          -- epoch ms of the first message
      last_message_at INTEGER NOT NULL,
      ended_at INTEGER,
      region_code TEXT,
      state TEXT NOT NULL DEFAULT 'bot' CHECK (state IN ('bot', 'waiting', 'assigned', 'closed')),
      feature TEXT,
      priority INTEGER NOT NULL DEFAULT 0,
      message_count INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX conversations_contact ON conversations(contact_id, id);
    CREATE INDEX conversations_open ON conversations(last_message_at) WHERE ended_at IS NULL;

    CREATE TABLE inbound_messages (
      id INTEGER PRIMARY KEY,
      wamid TEXT NOT NULL UNIQUE,           -- Meta's id: the dedupe key for retries and duplicates
      contact_id INTEGER NOT NULL REFERENCES contacts(id),
      conversation_id INTEGER REFERENCES conversations(id),
      event_id INTEGER NOT NULL REFERENCES webhook_events(id),
      type TEXT NOT NULL,
      text TEXT,                            -- body, caption or tapped title, for people to read
      payload TEXT NOT NULL,                -- the message object as received
      forwarded INTEGER NOT NULL DEFAULT 0, -- 0 no, 1 forwarded, 2 frequently forwarded
      wa_timestamp INTEGER NOT NULL,        -- epoch seconds, when the citizen sent it
      received_at INTEGER NOT NULL,         -- epoch ms
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'handled', 'late')),
      handled_at INTEGER
    ) STRICT;
    CREATE INDEX inbound_pending ON inbound_messages(contact_id, wa_timestamp, wamid) WHERE state = 'pending';
    CREATE INDEX inbound_conversation ON inbound_messages(conversation_id, wa_timestamp);

    CREATE TABLE outbound_messages (
      id INTEGER PRIMARY KEY,
      contact_id INTEGER NOT NULL REFERENCES contacts(id),
      conversation_id INTEGER REFERENCES conversations(id),
      in_reply_to INTEGER REFERENCES inbound_messages(id),
      kind TEXT NOT NULL CHECK (kind IN ('message', 'template', 'read')),
      type TEXT NOT NULL,                   -- the Graph API message type (text, interactive, template, ...) or 'read'
      body TEXT NOT NULL,                   -- JSON: the Graph request body without the recipient
      text TEXT,                            -- what people read in a transcript
      author TEXT NOT NULL,                 -- 'bot', 'system' or 'user:<id>'
      status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'accepted', 'sent', 'delivered', 'read', 'failed')),
      wamid TEXT UNIQUE,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL,     -- epoch ms
      error_code INTEGER,
      error_reason TEXT,
      created_at INTEGER NOT NULL,
      sent_at INTEGER,
      delivered_at INTEGER,
      read_at INTEGER,
      failed_at INTEGER
    ) STRICT;
    CREATE INDEX outbound_due ON outbound_messages(next_attempt_at, id) WHERE status = 'queued';
    CREATE INDEX outbound_sending ON outbound_messages(id) WHERE status = 'sending';
    CREATE INDEX outbound_unsent_by_contact ON outbound_messages(contact_id, id) WHERE status IN ('queued', 'sending');
    CREATE INDEX outbound_conversation ON outbound_messages(conversation_id, id);

    -- Statuses for ids we have not recorded yet (Meta may answer faster than our commit of the send).
    CREATE TABLE pending_statuses (
      wamid TEXT NOT NULL,
      status TEXT NOT NULL,
      wa_timestamp INTEGER NOT NULL,
      errors TEXT,
      received_at INTEGER NOT NULL,
      PRIMARY KEY (wamid, status)
    ) STRICT;

    CREATE TABLE events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      at INTEGER NOT NULL,                  -- epoch ms
      type TEXT NOT NULL,                   -- e.g. message.received, message.status, conversation.updated
      contact_id INTEGER,
      conversation_id INTEGER,
      data TEXT NOT NULL                    -- JSON
    ) STRICT;
  `);
}
