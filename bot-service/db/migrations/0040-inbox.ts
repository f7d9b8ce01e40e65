import type { Db } from '../open.ts';

/**
 * Volunteer inbox: assignment, notes, presence, canned replies and templates (issue 4).
 *
 * The pipeline (0010) moves a conversation from 'bot' to 'waiting' on a handoff; the triggers
 * below keep the inbox's columns right without the pipeline knowing about them: a fresh handoff
 * stamps `waiting_since` (and clears the previous handoff's record), and a 'flow.signal' event for
 * a hoax claim or a high-risk self check-up flags its conversation. User ids refer to the
 * accounts of migration 0030.
 *
 * Drafts and history of canned replies, templates and the latest update use 0020's
 * `content_versions` (kinds 'canned', 'template', 'info'), like every other content kind.
 */
export function up(db: Db): void {
  db.exec(`
    ALTER TABLE conversations ADD COLUMN assigned_to INTEGER REFERENCES users(id);  -- while state = 'assigned'
    ALTER TABLE conversations ADD COLUMN assigned_at INTEGER;      -- epoch ms
    ALTER TABLE conversations ADD COLUMN waiting_since INTEGER;    -- epoch ms of the handoff; kept on release
    ALTER TABLE conversations ADD COLUMN first_reply_at INTEGER;   -- first volunteer reply after the handoff
    ALTER TABLE conversations ADD COLUMN resolved_at INTEGER;
    ALTER TABLE conversations ADD COLUMN resolved_by INTEGER REFERENCES users(id);
    ALTER TABLE conversations ADD COLUMN flags INTEGER NOT NULL DEFAULT 0;  -- bit 1: hoax claim, bit 2: high-risk self check-up
    ALTER TABLE conversations ADD COLUMN queue_notice_at INTEGER;  -- last "your place in the queue" message

    CREATE INDEX conversations_activity ON conversations(last_message_at, id);
    CREATE INDEX conversations_region_activity ON conversations(region_code, last_message_at);
    CREATE INDEX conversations_queue ON conversations(priority, waiting_since) WHERE state = 'waiting';
    CREATE INDEX conversations_assignee ON conversations(assigned_to) WHERE state = 'assigned';

    -- Stamp a fresh handoff (bot -> waiting). A release (assigned -> waiting) keeps the original
    -- wait, so a released citizen does not go to the back of the queue.
    CREATE TRIGGER conversations_handoff AFTER UPDATE OF state ON conversations
    WHEN NEW.state = 'waiting' AND OLD.state IN ('bot', 'closed')
    BEGIN
      UPDATE conversations
      SET waiting_since = CAST(unixepoch('subsec') * 1000 AS INTEGER),
          first_reply_at = NULL, resolved_at = NULL, resolved_by = NULL, queue_notice_at = NULL,
          assigned_to = NULL, assigned_at = NULL
      WHERE id = NEW.id;
    END;

    -- Back to the bot by any path (resolve, or the citizen cancelling): nobody holds it any more,
    -- and the next handoff starts from its own priority.
    CREATE TRIGGER conversations_back_to_bot AFTER UPDATE OF state ON conversations
    WHEN NEW.state IN ('bot', 'closed') AND OLD.state IN ('waiting', 'assigned')
    BEGIN
      UPDATE conversations SET assigned_to = NULL, assigned_at = NULL, priority = 0 WHERE id = NEW.id;
    END;

    CREATE TRIGGER conversations_flag_signal AFTER INSERT ON events
    WHEN NEW.type = 'flow.signal' AND NEW.conversation_id IS NOT NULL
      AND (json_extract(NEW.data, '$.kind') = 'hoax-claim'
           OR (json_extract(NEW.data, '$.kind') = 'selfcheck' AND json_extract(NEW.data, '$.level') = 'tinggi'))
    BEGIN
      UPDATE conversations
      SET flags = flags | (CASE json_extract(NEW.data, '$.kind') WHEN 'hoax-claim' THEN 1 ELSE 2 END)
      WHERE id = NEW.conversation_id;
    END;

    -- Internal notes: never sent to the citizen. Erasing a conversation erases its notes.
    CREATE TABLE conversation_notes (
      id INTEGER PRIMARY KEY,
      conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      author_id INTEGER NOT NULL REFERENCES users(id),
      text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX conversation_notes_conversation ON conversation_notes(conversation_id, id);

    -- Heartbeats from the console; a volunteer counts as online while last_seen is recent.
    CREATE TABLE volunteer_presence (
      user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      status TEXT NOT NULL CHECK (status IN ('online', 'away')),
      capacity INTEGER NOT NULL CHECK (capacity BETWEEN 0 AND 50),  -- most open conversations at once
      last_seen INTEGER NOT NULL,
      changed_at INTEGER NOT NULL          -- when status or capacity last changed
    ) STRICT;

    -- Canned replies for the composer; {nama}, {wilayah} and {relawan} are filled in when sent.
    CREATE TABLE canned_replies (
      id INTEGER PRIMARY KEY,
      position INTEGER NOT NULL DEFAULT 0,
      title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 80),
      text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4096),
      text_en TEXT CHECK (text_en IS NULL OR length(text_en) BETWEEN 1 AND 4096),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      version INTEGER NOT NULL DEFAULT 0,   -- 0 until first published
      updated_at INTEGER NOT NULL,
      updated_by TEXT NOT NULL
    ) STRICT;

    -- WhatsApp message templates as registered with Meta; only approved ones can be sent, and
    -- they are the only thing that can reach a citizen outside the 24-hour window.
    CREATE TABLE message_templates (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 512),  -- lowercase letters, digits, underscores
      language TEXT NOT NULL,               -- Meta language code, e.g. id, en
      body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 1024), -- with {{1}}, {{2}}, ... placeholders
      param_count INTEGER NOT NULL CHECK (param_count >= 0),
      approved INTEGER NOT NULL DEFAULT 0 CHECK (approved IN (0, 1)),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      version INTEGER NOT NULL DEFAULT 0,
      updated_at INTEGER NOT NULL,
      updated_by TEXT NOT NULL,
      UNIQUE (name, language)
    ) STRICT;

    CREATE INDEX content_versions_item ON content_versions(kind, item_id, version);
  `);
}
