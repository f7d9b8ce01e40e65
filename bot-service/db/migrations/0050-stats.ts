import type { Db } from '../open.ts';

// Written out here, not imported: a shipped migration must not change when the code's list grows.
const hourlyMetricColumns = [
  'conversations',
  'conversations_handed_off',
  'messages_in',
  'messages_out',
  'delivery_failures',
  'handoffs',
  'hoax_claims',
  'selfcheck_rendah',
  'selfcheck_sedang',
  'selfcheck_tinggi',
  'feature_radar',
  'feature_data',
  'feature_faq',
  'feature_selfcheck',
  'feature_tips',
  'feature_hoax',
  'feature_hospital',
  'feature_hotline',
  'feature_info',
  'feature_menu',
] as const;

const metricDdl = hourlyMetricColumns.map(c => `      ${c} INTEGER NOT NULL DEFAULT 0`).join(',\n');

/**
 * Statistics counters per region, WIB day and hour (issues 4 and 7), kept by the stats projector
 * from the event log, and the stored daily reports.
 *
 * A conversation counts for the region known at its end, so every count that belongs to a
 * conversation is also tallied per conversation (`stats_conversation_hourly`): when its region
 * changes, the projector moves exactly those amounts from the old region to the new one.
 * Region keys are the Kemendagri codes `35.01` ... `35.79`, or `unknown`.
 */
export function up(db: Db): void {
  db.exec(`
    -- The last event seq the projector applied; moved in the same transaction as the counters.
    CREATE TABLE stats_checkpoint (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      seq INTEGER NOT NULL,
      updated_at INTEGER NOT NULL           -- epoch ms
    ) STRICT;
    INSERT INTO stats_checkpoint (id, seq, updated_at) VALUES (1, 0, 0);

    CREATE TABLE stats_hourly (
      day TEXT NOT NULL,                    -- YYYY-MM-DD, Asia/Jakarta
      hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
      region_code TEXT NOT NULL,            -- 35.01 ... 35.79 or unknown
${metricDdl},
      PRIMARY KEY (day, hour, region_code)
    ) STRICT, WITHOUT ROWID;

    -- The same counts per conversation, so a region change can move them.
    CREATE TABLE stats_conversation_hourly (
      conversation_id INTEGER NOT NULL,
      day TEXT NOT NULL,
      hour INTEGER NOT NULL,
${metricDdl},
      PRIMARY KEY (conversation_id, day, hour)
    ) STRICT, WITHOUT ROWID;

    -- What the projector knows of each conversation (ids and codes only).
    CREATE TABLE stats_conversations (
      conversation_id INTEGER PRIMARY KEY,
      contact_id INTEGER NOT NULL,
      region_code TEXT NOT NULL,
      state TEXT NOT NULL,
      feature TEXT,                         -- the feature last entered (a use counts on a change)
      handed_off INTEGER NOT NULL DEFAULT 0 CHECK (handed_off IN (0, 1)),
      started_at INTEGER NOT NULL           -- epoch ms, conversations.started_at
    ) STRICT;

    -- Unique contacts per WIB day and region: the set, with how many of the contact's
    -- conversations put them there (a region change moves a reference, not the contact).
    CREATE TABLE stats_day_contacts (
      day TEXT NOT NULL,
      contact_id INTEGER NOT NULL,
      region_code TEXT NOT NULL,
      refs INTEGER NOT NULL CHECK (refs > 0),
      is_new INTEGER NOT NULL CHECK (is_new IN (0, 1)),
      PRIMARY KEY (day, contact_id, region_code)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE stats_daily (
      day TEXT NOT NULL,
      region_code TEXT NOT NULL,
      contacts INTEGER NOT NULL DEFAULT 0,
      new_contacts INTEGER NOT NULL DEFAULT 0,
      returning_contacts INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (day, region_code)
    ) STRICT, WITHOUT ROWID;

    -- Province-wide uniques: a citizen seen in two regions on one day counts once here.
    CREATE TABLE stats_daily_province (
      day TEXT PRIMARY KEY,
      contacts INTEGER NOT NULL DEFAULT 0,
      new_contacts INTEGER NOT NULL DEFAULT 0,
      returning_contacts INTEGER NOT NULL DEFAULT 0
    ) STRICT, WITHOUT ROWID;

    -- The WIB day of each contact's first message: new on that day, returning after.
    CREATE TABLE stats_contacts (
      contact_id INTEGER PRIMARY KEY,
      first_day TEXT NOT NULL
    ) STRICT;

    -- Received messages the flow engine has not put into a conversation yet.
    CREATE TABLE stats_pending_inbound (
      inbound_id INTEGER PRIMARY KEY,
      contact_id INTEGER NOT NULL,
      at INTEGER NOT NULL                   -- epoch ms the citizen sent it (capped at receipt)
    ) STRICT;

    -- Each volunteer handoff, with the times the report's medians need.
    CREATE TABLE stats_handoffs (
      id INTEGER PRIMARY KEY,
      conversation_id INTEGER NOT NULL,
      day TEXT NOT NULL,
      requested_at INTEGER NOT NULL,        -- epoch ms the conversation started waiting
      priority INTEGER NOT NULL DEFAULT 0,
      claimed_at INTEGER,
      first_reply_at INTEGER,
      resolved_at INTEGER
    ) STRICT;
    -- Covering: the report reads a day's handoff times from the index alone.
    CREATE INDEX stats_handoffs_day ON stats_handoffs(day, requested_at, claimed_at, first_reply_at, resolved_at);
    CREATE INDEX stats_handoffs_open ON stats_handoffs(conversation_id) WHERE resolved_at IS NULL;

    -- Hoax claims per day and matched hoax ('' = not matched to a known hoax).
    CREATE TABLE stats_hoax_daily (
      day TEXT NOT NULL,
      hoax_id TEXT NOT NULL,
      claims INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (day, hoax_id)
    ) STRICT, WITHOUT ROWID;

    -- Stored daily reports: once made, a past day's report is served as stored.
    CREATE TABLE daily_reports (
      date TEXT PRIMARY KEY,                -- YYYY-MM-DD, Asia/Jakarta
      json TEXT NOT NULL,
      csv TEXT NOT NULL,
      pdf BLOB NOT NULL,
      generated_at INTEGER NOT NULL,        -- epoch ms
      generated_by TEXT NOT NULL,           -- 'scheduler' or 'user:<id>'
      version INTEGER NOT NULL DEFAULT 1    -- bumped by each regeneration
    ) STRICT;
  `);
}
