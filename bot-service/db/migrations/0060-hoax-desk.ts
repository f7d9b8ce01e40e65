import type { Db } from '../open.ts';

/**
 * The hoax desk (issue 6): claims citizens forward or submit, clusters of near-duplicates, the
 * MinHash signatures and LSH buckets that place a new claim without scanning the others, the
 * staff verdict, and who was sent the clarification.
 *
 * Personal data: `hoax_claims.text` holds what a citizen wrote. It has `contact_id`,
 * `conversation_id` and `at` columns, so erasure and retention (bot-service/privacy) blank it like
 * every other table about a citizen; `eraseClaimsOf` (bot-service/hoax/erase.ts) also unlinks the
 * claim's signature from it. Clusters, signatures, buckets and text hashes hold no text.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE hoax_clusters (
      id INTEGER PRIMARY KEY,
      created_at INTEGER NOT NULL,          -- epoch ms
      first_seen INTEGER NOT NULL,          -- the first claim's time
      last_seen INTEGER NOT NULL,
      claims INTEGER NOT NULL DEFAULT 0,
      senders INTEGER NOT NULL DEFAULT 0,   -- different contacts
      forwarded INTEGER NOT NULL DEFAULT 0, -- claims WhatsApp marked forwarded (either level)
      frequently_forwarded INTEGER NOT NULL DEFAULT 0,
      media INTEGER NOT NULL DEFAULT 0,     -- claims carrying a file
      matched_hoax_id TEXT,                 -- the known hoax (hoaxes.id) its claims match
      merged_into INTEGER REFERENCES hoax_clusters(id),  -- set when merged into another cluster
      verdict TEXT CHECK (verdict IN ('hoaks', 'menyesatkan', 'fakta', 'belum_jelas')),
      clarification TEXT,                   -- staff's text, sent to citizens as written
      clarification_en TEXT,
      verdict_source TEXT,
      verdict_at INTEGER,
      verdict_by INTEGER REFERENCES users(id),
      published_hoax_id TEXT,               -- the hoaxes row the desk published for this cluster
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX hoax_clusters_matched ON hoax_clusters(matched_hoax_id) WHERE matched_hoax_id IS NOT NULL AND merged_into IS NULL;
    CREATE INDEX hoax_clusters_published ON hoax_clusters(published_hoax_id) WHERE published_hoax_id IS NOT NULL;
    CREATE INDEX hoax_clusters_active ON hoax_clusters(last_seen) WHERE merged_into IS NULL;

    -- One row per claim: a forwarded message, a Cek hoaks submission, or a message like a known hoax.
    CREATE TABLE hoax_claims (
      id INTEGER PRIMARY KEY,
      inbound_id INTEGER UNIQUE REFERENCES inbound_messages(id),
      contact_id INTEGER NOT NULL REFERENCES contacts(id),
      conversation_id INTEGER REFERENCES conversations(id),
      cluster_id INTEGER NOT NULL REFERENCES hoax_clusters(id),
      region_code TEXT,                     -- the citizen's region when they sent it
      via TEXT NOT NULL CHECK (via IN ('forwarded', 'cek-hoaks', 'matched')),
      forwarded INTEGER NOT NULL CHECK (forwarded IN (0, 1, 2)),
      text TEXT,                            -- personal data: blanked on erasure and by retention
      media_kind TEXT,                      -- image, video, audio, document, sticker
      media_sha256 TEXT,                    -- as Meta sends it: the same file clusters with itself
      matched_hoax_id TEXT,                 -- the known hoax the text matched, if any
      similarity REAL,                      -- estimated Jaccard with the signature it joined (1 = same)
      at INTEGER NOT NULL                   -- epoch ms
    ) STRICT;
    CREATE INDEX hoax_claims_cluster ON hoax_claims(cluster_id, at);
    CREATE INDEX hoax_claims_recent ON hoax_claims(at, cluster_id);
    CREATE INDEX hoax_claims_contact ON hoax_claims(contact_id, cluster_id);

    -- MinHash signatures of claim texts that widened their cluster (near-copies add none).
    CREATE TABLE hoax_signatures (
      id INTEGER PRIMARY KEY,
      cluster_id INTEGER NOT NULL REFERENCES hoax_clusters(id),
      claim_id INTEGER REFERENCES hoax_claims(id),  -- the claim it was signed from; unlinked on erasure
      shingles INTEGER NOT NULL,            -- distinct shingles of the text (for containment)
      signature BLOB NOT NULL               -- the minimum hashes, uint32 little-endian
    ) STRICT;
    CREATE INDEX hoax_signatures_cluster ON hoax_signatures(cluster_id);
    CREATE INDEX hoax_signatures_claim ON hoax_signatures(claim_id) WHERE claim_id IS NOT NULL;

    -- LSH: one row per band of each signature. Placing a claim looks up its own bands only.
    CREATE TABLE hoax_lsh_buckets (
      bucket INTEGER NOT NULL,              -- band number * 2^32 + hash of the band's minimum hashes
      signature_id INTEGER NOT NULL,        -- hoax_signatures.id (no FK: written 30+ times per signature)
      PRIMARY KEY (bucket, signature_id)
    ) STRICT, WITHOUT ROWID;

    -- Normalised texts seen before: an exact copy (most forwards) is placed by one lookup.
    CREATE TABLE hoax_texts (
      hash INTEGER PRIMARY KEY,             -- 53-bit hash of the normalised text
      cluster_id INTEGER NOT NULL REFERENCES hoax_clusters(id),
      similarity REAL                       -- as its first claim was placed
    ) STRICT;
    CREATE INDEX hoax_texts_cluster ON hoax_texts(cluster_id);

    -- A file seen before belongs to the cluster it was placed in.
    CREATE TABLE hoax_media (
      sha256 TEXT PRIMARY KEY,
      cluster_id INTEGER NOT NULL REFERENCES hoax_clusters(id)
    ) STRICT;

    -- Senders per region (the region of their first claim in the cluster).
    CREATE TABLE hoax_cluster_regions (
      cluster_id INTEGER NOT NULL REFERENCES hoax_clusters(id),
      region_code TEXT NOT NULL,            -- 35.01 ... 35.79, or 'unknown'
      senders INTEGER NOT NULL,
      PRIMARY KEY (cluster_id, region_code)
    ) STRICT;

    -- Each sender of a cluster gets its clarification once: queued, answered by the bot, or not deliverable.
    CREATE TABLE hoax_deliveries (
      cluster_id INTEGER NOT NULL REFERENCES hoax_clusters(id),
      contact_id INTEGER NOT NULL REFERENCES contacts(id),
      status TEXT NOT NULL CHECK (status IN ('queued', 'answered', 'not_deliverable')),
      channel TEXT CHECK (channel IN ('message', 'template', 'bot')),
      outbound_id INTEGER REFERENCES outbound_messages(id),
      reason TEXT,                          -- why not deliverable: window-closed, erased, template-params
      verdict TEXT NOT NULL,
      at INTEGER NOT NULL,
      PRIMARY KEY (cluster_id, contact_id)
    ) STRICT;
    CREATE INDEX hoax_deliveries_contact ON hoax_deliveries(contact_id);
  `);
}
