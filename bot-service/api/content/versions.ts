import type { ContentItem, ContentVersion } from '../../contract/content.ts';
import type { Db } from '../../db/open.ts';
import { bumpContentRevision } from '../../db/queries/content.ts';
import type { KindStore, LiveItem } from './store-types.ts';

/**
 * Drafts, publishing and history on 0020's `content_versions`: one row per version of an item;
 * at most one 'draft' per item, one 'published', the rest 'superseded'. Publishing writes the
 * live row the bot reads and bumps the content revision in the caller's transaction.
 */

type VersionRow = {
  version: number;
  status: 'draft' | 'published' | 'superseded';
  data: string;
  author: string;
  created_at: number;
  published_at: number | null;
  revision: number | null;
};

export function getDraft(db: Db, store: KindStore, id: string): VersionRow | null {
  return (
    (db
      .prepare("SELECT version, status, data, author, created_at, published_at, revision FROM content_versions WHERE kind = ? AND item_id = ? AND status = 'draft'")
      .get(store.versionKind, id) as VersionRow | undefined) ?? null
  );
}

const nextVersion = (db: Db, store: KindStore, id: string): number =>
  db.prepare('SELECT COALESCE(MAX(version), 0) + 1 FROM content_versions WHERE kind = ? AND item_id = ?').pluck().get(store.versionKind, id) as number;

/** True when the item is published or has a draft or history. */
export function itemExists(db: Db, store: KindStore, id: string): boolean {
  return (
    store.get(db, id) !== null ||
    db.prepare('SELECT 1 FROM content_versions WHERE kind = ? AND item_id = ? LIMIT 1').get(store.versionKind, id) !== undefined
  );
}

function toItem(id: string, live: LiveItem | null, draft: VersionRow | null, withDraft: boolean): ContentItem {
  return {
    id,
    version: live?.version ?? 0,
    // Version 0: the live row exists but nothing was published yet (a region without figures).
    published: live !== null && live.version > 0 ? live.data : null,
    publishedAt: live?.updatedAt ?? null,
    publishedBy: live?.updatedBy ?? null,
    draft:
      withDraft && draft !== null
        ? { version: draft.version, data: JSON.parse(draft.data) as Record<string, unknown>, author: draft.author, savedAt: draft.created_at }
        : null,
  };
}

/** One item with its draft, or null. */
export function readItem(db: Db, store: KindStore, id: string, withDraft: boolean): ContentItem | null {
  const live = store.get(db, id);
  const draft = getDraft(db, store, id);
  if (live === null && draft === null) return null;
  return toItem(id, live, draft, withDraft);
}

/** Every item: the published ones, then drafts of items never published. */
export function listItems(db: Db, store: KindStore, withDraft: boolean): ContentItem[] {
  const drafts = new Map(
    (
      db
        .prepare(
          "SELECT item_id, version, status, data, author, created_at, published_at, revision FROM content_versions WHERE kind = ? AND status = 'draft' ORDER BY id"
        )
        .all(store.versionKind) as Array<VersionRow & { item_id: string }>
    ).map(d => [d.item_id, d])
  );
  const items = store.list(db).map(live => toItem(live.id, live, drafts.get(live.id) ?? null, withDraft));
  if (withDraft) {
    const listed = new Set(items.map(i => i.id));
    for (const [id, d] of drafts) if (!listed.has(id)) items.push(toItem(id, null, d, true));
  }
  return items;
}

/** Saves (or replaces) the item's draft; returns its version number. */
export function saveDraft(db: Db, store: KindStore, id: string, data: Record<string, unknown>, author: string, now: number): number {
  const draft = getDraft(db, store, id);
  if (draft !== null) {
    db.prepare("UPDATE content_versions SET data = ?, author = ?, created_at = ? WHERE kind = ? AND item_id = ? AND status = 'draft'").run(
      JSON.stringify(data),
      author,
      now,
      store.versionKind,
      id
    );
    return draft.version;
  }
  const version = nextVersion(db, store, id);
  db.prepare("INSERT INTO content_versions (kind, item_id, version, status, data, author, created_at) VALUES (?, ?, ?, 'draft', ?, ?, ?)").run(
    store.versionKind,
    id,
    version,
    JSON.stringify(data),
    author,
    now
  );
  return version;
}

export function discardDraft(db: Db, store: KindStore, id: string): boolean {
  return db.prepare("DELETE FROM content_versions WHERE kind = ? AND item_id = ? AND status = 'draft'").run(store.versionKind, id).changes === 1;
}

/**
 * Publishes data as the item's new version: the live row, the history row (the draft's, when
 * it is the draft being published) and the revision. Returns the version and the revision.
 */
export function publishVersion(
  db: Db,
  store: KindStore,
  id: string,
  data: Record<string, unknown>,
  author: string,
  now: number,
  options: { fromDraft: boolean; revision?: number }
): { version: number; revision: number } {
  const revision = options.revision ?? bumpContentRevision(db, now);
  db.prepare("UPDATE content_versions SET status = 'superseded' WHERE kind = ? AND item_id = ? AND status = 'published'").run(store.versionKind, id);
  let version: number;
  if (options.fromDraft) {
    // A version published since the draft was started (e.g. by an import) keeps its place
    // before this one: the draft is renumbered to come last.
    const draftVersion = getDraft(db, store, id)!.version;
    const latest = db
      .prepare("SELECT COALESCE(MAX(version), 0) FROM content_versions WHERE kind = ? AND item_id = ? AND status != 'draft'")
      .pluck()
      .get(store.versionKind, id) as number;
    version = draftVersion > latest ? draftVersion : latest + 1;
    db.prepare(
      "UPDATE content_versions SET status = 'published', version = ?, data = ?, published_at = ?, revision = ? WHERE kind = ? AND item_id = ? AND status = 'draft'"
    ).run(version, JSON.stringify(data), now, revision, store.versionKind, id);
  } else {
    version = nextVersion(db, store, id);
    db.prepare(
      `INSERT INTO content_versions (kind, item_id, version, status, data, author, created_at, published_at, revision)
       VALUES (?, ?, ?, 'published', ?, ?, ?, ?, ?)`
    ).run(store.versionKind, id, version, JSON.stringify(data), author, now, now, revision);
  }
  store.write(db, id, data, version, author, now);
  return { version, revision };
}

/** The item's versions, newest first. */
export function listVersions(db: Db, store: KindStore, id: string): ContentVersion[] {
  const rows = db
    .prepare(
      'SELECT version, status, data, author, created_at, published_at, revision FROM content_versions WHERE kind = ? AND item_id = ? ORDER BY version DESC'
    )
    .all(store.versionKind, id) as VersionRow[];
  return rows.map(r => ({
    version: r.version,
    status: r.status,
    data: JSON.parse(r.data) as unknown,
    author: r.author,
    createdAt: r.created_at,
    publishedAt: r.published_at,
    revision: r.revision,
  }));
}
