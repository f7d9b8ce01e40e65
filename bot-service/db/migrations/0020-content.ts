import type { Db } from '../open.ts';

/**
 * Content the bot says and the reference data it reasons with (issue 3).
 *
 * The live tables below hold the PUBLISHED version of every item: that is all the bot reads.
 * Drafts and history live in `content_versions` (one row per version of an item, a JSON snapshot
 * of its editable fields), so a later issue can add draft/publish from the console without
 * touching what the bot reads: publishing = copy the snapshot into the live row, mark the
 * version published and bump `content_state.revision` in one transaction. The flows cache
 * content by that revision, so an edit shows in the next reply.
 *
 * Editable rows carry `version` (the published version number), `updated_at` and `updated_by`
 * ('seed' or 'user:<id>'). Length limits that WhatsApp imposes on menu rows are CHECKs here so
 * no edit can publish a menu the Graph API would refuse.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE content_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      revision INTEGER NOT NULL,            -- bumped on every publish; caches compare against it
      updated_at INTEGER NOT NULL           -- epoch ms
    ) STRICT;
    INSERT INTO content_state (id, revision, updated_at) VALUES (1, 0, 0);

    -- Which reference datasets were loaded, once; after that the database is the truth.
    CREATE TABLE content_seeds (
      dataset TEXT PRIMARY KEY,             -- regions, boundaries, hospitals, menu, faq, tips, hoaxes, selfcheck, hotlines, info
      source TEXT NOT NULL,                 -- file it came from, e.g. reference-data/jatim-regions.csv
      source_version TEXT,
      attribution TEXT,                     -- licence notice to keep with the data (see reference-data/SOURCES.md)
      seeded_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE regions (
      code TEXT PRIMARY KEY,                -- Kemendagri code, 35.01 ... 35.79
      bps_code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,                   -- official name, e.g. Kabupaten Malang
      short_name TEXT NOT NULL,
      type TEXT NOT NULL CHECK (type IN ('kabupaten', 'kota')),
      label_lat REAL NOT NULL,              -- interior label point (always inside the polygon)
      label_lon REAL NOT NULL,
      population INTEGER NOT NULL,
      ambiguous_with TEXT,                  -- the twin region sharing the short name, if any
      -- Figures as staff last published them (2020 Jatim practice: confirmed, recovered, deaths, ODP, PDP).
      confirmed INTEGER CHECK (confirmed >= 0),
      recovered INTEGER CHECK (recovered >= 0),
      deaths INTEGER CHECK (deaths >= 0),
      odp INTEGER CHECK (odp >= 0),         -- orang dalam pemantauan
      pdp INTEGER CHECK (pdp >= 0),         -- pasien dalam pengawasan
      zone TEXT CHECK (zone IN ('hijau', 'kuning', 'oranye', 'merah')),
      figures_date TEXT,                    -- YYYY-MM-DD (WIB) the figures are for
      version INTEGER NOT NULL DEFAULT 1,
      updated_at INTEGER NOT NULL,
      updated_by TEXT NOT NULL
    ) STRICT;

    CREATE TABLE region_aliases (
      alias TEXT PRIMARY KEY,               -- lower case, as citizens type it
      region_code TEXT NOT NULL REFERENCES regions(code) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX region_aliases_region ON region_aliases(region_code);

    CREATE TABLE region_boundaries (
      region_code TEXT PRIMARY KEY REFERENCES regions(code) ON DELETE CASCADE,
      geometry TEXT NOT NULL                -- GeoJSON geometry (MultiPolygon, [lon, lat], RFC 7946)
    ) STRICT;

    CREATE TABLE hospitals (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      region_code TEXT NOT NULL REFERENCES regions(code),
      address TEXT,
      phone TEXT,
      lat REAL NOT NULL,
      lon REAL NOT NULL,
      coord_quality TEXT NOT NULL,          -- point_third_party | approx_region_label_point | verified
      designation TEXT NOT NULL,            -- ';'-separated: kemenkes, pemprov, pemprov_rujukan_utama
      source TEXT,
      position INTEGER NOT NULL,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      version INTEGER NOT NULL DEFAULT 1,
      updated_at INTEGER NOT NULL,
      updated_by TEXT NOT NULL,
      UNIQUE (name, region_code)
    ) STRICT;
    CREATE INDEX hospitals_region ON hospitals(region_code);

    CREATE TABLE menu_items (
      id TEXT PRIMARY KEY,
      position INTEGER NOT NULL,            -- also the number a citizen can type
      title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 24),
      description TEXT CHECK (description IS NULL OR length(description) <= 72),
      title_en TEXT CHECK (title_en IS NULL OR length(title_en) BETWEEN 1 AND 24),
      description_en TEXT CHECK (description_en IS NULL OR length(description_en) <= 72),
      keyword TEXT NOT NULL,                -- shown to citizens: "ketik RADAR"
      action TEXT NOT NULL CHECK (action IN ('radar', 'data', 'faq', 'faq-item', 'selfcheck', 'tips', 'hoax', 'hospital', 'hotline', 'volunteer', 'info')),
      action_arg TEXT,                      -- for faq-item: the FAQ id to show
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      version INTEGER NOT NULL DEFAULT 1,
      updated_at INTEGER NOT NULL,
      updated_by TEXT NOT NULL
    ) STRICT;

    -- Typed words that open a menu item (its keyword and synonyms) or run an action directly.
    CREATE TABLE menu_keywords (
      keyword TEXT PRIMARY KEY,             -- lower case, punctuation as spaces: 'cek mandiri', 'covid 19'
      menu_id TEXT REFERENCES menu_items(id) ON DELETE CASCADE,
      action TEXT CHECK (action IN ('radar', 'data', 'faq', 'faq-item', 'selfcheck', 'tips', 'hoax', 'hospital', 'hotline', 'volunteer', 'info')),
      action_arg TEXT,
      CHECK ((menu_id IS NULL) <> (action IS NULL))
    ) STRICT;

    CREATE TABLE faq (
      id TEXT PRIMARY KEY,
      position INTEGER NOT NULL,
      question TEXT NOT NULL,
      answer TEXT NOT NULL,
      question_en TEXT,
      answer_en TEXT,
      source TEXT,
      as_of TEXT,                           -- YYYY-MM the answer reflects
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      version INTEGER NOT NULL DEFAULT 1,
      updated_at INTEGER NOT NULL,
      updated_by TEXT NOT NULL
    ) STRICT;

    CREATE TABLE faq_keywords (
      faq_id TEXT NOT NULL REFERENCES faq(id) ON DELETE CASCADE,
      keyword TEXT NOT NULL,
      PRIMARY KEY (faq_id, keyword)
    ) STRICT;

    CREATE TABLE tips (
      id TEXT PRIMARY KEY,
      position INTEGER NOT NULL,
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      title_en TEXT,
      body_en TEXT,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      version INTEGER NOT NULL DEFAULT 1,
      updated_at INTEGER NOT NULL,
      updated_by TEXT NOT NULL
    ) STRICT;

    CREATE TABLE hoaxes (
      id TEXT PRIMARY KEY,
      claim TEXT NOT NULL,                  -- representative paraphrase of the circulating message
      verdict TEXT NOT NULL CHECK (verdict IN ('hoaks', 'menyesatkan', 'fakta')),
      clarification TEXT NOT NULL,          -- the bot's answer, as written
      clarification_en TEXT,
      source TEXT,
      topic TEXT,
      first_seen TEXT,                      -- YYYY-MM
      note TEXT,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      version INTEGER NOT NULL DEFAULT 1,
      updated_at INTEGER NOT NULL,
      updated_by TEXT NOT NULL
    ) STRICT;

    -- The self check-up: questions, answers, flags, rules, levels and texts, as content-seed.json documents them.
    CREATE TABLE selfcheck (
      id TEXT PRIMARY KEY,                  -- e.g. cek_mandiri_v1
      title TEXT NOT NULL,
      title_en TEXT,
      intro TEXT NOT NULL,
      intro_en TEXT,
      disclaimer TEXT NOT NULL,
      disclaimer_en TEXT,
      emergency_text TEXT NOT NULL,         -- added to the result when an emergency rule fires
      emergency_text_en TEXT,
      level_order TEXT NOT NULL,            -- evaluation order, e.g. tinggi,sedang,rendah
      documentation TEXT,                   -- JSON: basis, answer normalisation, completeness, procedure (for people)
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      version INTEGER NOT NULL DEFAULT 1,
      updated_at INTEGER NOT NULL,
      updated_by TEXT NOT NULL
    ) STRICT;

    CREATE TABLE selfcheck_questions (
      selfcheck_id TEXT NOT NULL REFERENCES selfcheck(id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      position INTEGER NOT NULL,
      text TEXT NOT NULL,
      text_en TEXT,
      PRIMARY KEY (selfcheck_id, id)
    ) STRICT;

    CREATE TABLE selfcheck_answers (
      selfcheck_id TEXT NOT NULL,
      question_id TEXT NOT NULL,
      id TEXT NOT NULL,
      position INTEGER NOT NULL,
      label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 24),
      description TEXT CHECK (description IS NULL OR length(description) <= 72),
      label_en TEXT CHECK (label_en IS NULL OR length(label_en) BETWEEN 1 AND 24),
      description_en TEXT CHECK (description_en IS NULL OR length(description_en) <= 72),
      PRIMARY KEY (selfcheck_id, question_id, id),
      FOREIGN KEY (selfcheck_id, question_id) REFERENCES selfcheck_questions(selfcheck_id, id) ON DELETE CASCADE
    ) STRICT;

    CREATE TABLE selfcheck_flags (
      selfcheck_id TEXT NOT NULL REFERENCES selfcheck(id) ON DELETE CASCADE,
      id TEXT NOT NULL,                     -- e.g. DEMAM
      position INTEGER NOT NULL,
      definition TEXT NOT NULL,             -- JSON expression: {question, in} | {any: [...]} | {all: [...]}
      note TEXT,
      PRIMARY KEY (selfcheck_id, id)
    ) STRICT;

    CREATE TABLE selfcheck_rules (
      selfcheck_id TEXT NOT NULL REFERENCES selfcheck(id) ON DELETE CASCADE,
      id TEXT NOT NULL,                     -- e.g. T1
      position INTEGER NOT NULL,
      level TEXT NOT NULL CHECK (level IN ('rendah', 'sedang', 'tinggi')),
      emergency INTEGER NOT NULL CHECK (emergency IN (0, 1)),
      condition TEXT NOT NULL,              -- JSON expression over flags
      expr TEXT,                            -- the same, readable
      rationale TEXT,
      PRIMARY KEY (selfcheck_id, id)
    ) STRICT;

    CREATE TABLE selfcheck_levels (
      selfcheck_id TEXT NOT NULL REFERENCES selfcheck(id) ON DELETE CASCADE,
      level TEXT NOT NULL CHECK (level IN ('rendah', 'sedang', 'tinggi')),
      label TEXT NOT NULL,
      recommendation TEXT NOT NULL,
      label_en TEXT,
      recommendation_en TEXT,
      offer_volunteer INTEGER NOT NULL CHECK (offer_volunteer IN (0, 1)),
      actions TEXT,                         -- ';'-separated action ids, for people
      PRIMARY KEY (selfcheck_id, level)
    ) STRICT;

    CREATE TABLE selfcheck_advisories (
      selfcheck_id TEXT NOT NULL REFERENCES selfcheck(id) ON DELETE CASCADE,
      id TEXT NOT NULL,                     -- e.g. unknown_exposure
      condition TEXT NOT NULL,              -- readable condition, as documented
      text TEXT NOT NULL,
      text_en TEXT,
      PRIMARY KEY (selfcheck_id, id)
    ) STRICT;

    CREATE TABLE hotlines (
      id TEXT PRIMARY KEY,
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      number TEXT NOT NULL,
      note TEXT,
      name_en TEXT,
      note_en TEXT,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      version INTEGER NOT NULL DEFAULT 1,
      updated_at INTEGER NOT NULL,
      updated_by TEXT NOT NULL
    ) STRICT;

    -- "Info terkini": the bot shows the newest published row.
    CREATE TABLE info_updates (
      id INTEGER PRIMARY KEY,
      date TEXT NOT NULL,                   -- YYYY-MM-DD (WIB) of the update
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      title_en TEXT,
      body_en TEXT,
      status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
      published_at INTEGER,
      created_at INTEGER NOT NULL,
      author TEXT NOT NULL
    ) STRICT;
    CREATE INDEX info_updates_published ON info_updates(published_at) WHERE status = 'published';

    -- Every version of every editable item: drafts, the published one, and history.
    CREATE TABLE content_versions (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,                   -- menu, faq, tip, hoax, hospital, hotline, region_figures, selfcheck
      item_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'superseded')),
      data TEXT NOT NULL,                   -- JSON snapshot of the item's editable fields
      author TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      published_at INTEGER,
      revision INTEGER,                     -- content_state.revision the publish produced
      UNIQUE (kind, item_id, version)
    ) STRICT;
    CREATE INDEX content_versions_status ON content_versions(kind, status);
  `);
}
