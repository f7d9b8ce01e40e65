import type { CannedReplyData, InfoUpdateData, TemplateData } from '../../contract/content.ts';
import type { Db } from '../../db/open.ts';
import { templateParamCount } from '../../inbox/compose.ts';
import { nextIntegerId, num, optStr, str, uniquely, type KindStore, type LiveItem, type Row } from './store-types.ts';

/** The latest update, canned replies and message templates. */

/** info_updates has no version column: the history in content_versions counts (seeded rows: 1). */
function infoItem(db: Db, r: Row): LiveItem {
  const data: InfoUpdateData = {
    date: str(r.date),
    title: str(r.title),
    body: str(r.body),
    titleEn: optStr(r.title_en),
    bodyEn: optStr(r.body_en),
    active: str(r.status) === 'published',
  };
  const history = num(
    db
      .prepare("SELECT COALESCE(MAX(version), 0) FROM content_versions WHERE kind = 'info' AND item_id = ? AND status != 'draft'")
      .pluck()
      .get(String(r.id))
  );
  const published = str(r.status) !== 'draft';
  return {
    id: String(r.id),
    version: published ? Math.max(history, 1) : 0,
    data,
    active: data.active,
    updatedAt: num(r.published_at ?? r.created_at),
    updatedBy: str(r.author),
  };
}

export const infoUpdateStore: KindStore = {
  kind: 'info-updates',
  versionKind: 'info',
  list: db => (db.prepare("SELECT * FROM info_updates WHERE status != 'draft' ORDER BY published_at DESC, id DESC").all() as Row[]).map(r => infoItem(db, r)),
  get: (db, id) => {
    const r = db.prepare("SELECT * FROM info_updates WHERE id = ? AND status != 'draft'").get(Number(id)) as Row | undefined;
    return r === undefined ? null : infoItem(db, r);
  },
  // The first publish sets published_at, which decides which update is the latest; an edit keeps it.
  write(db, id, raw, _version, author, now) {
    const d = raw as InfoUpdateData;
    db.prepare(
      `INSERT INTO info_updates (id, date, title, body, title_en, body_en, status, published_at, created_at, author)
       VALUES ($id, $date, $title, $body, $titleEn, $bodyEn, $status, $now, $now, $author)
       ON CONFLICT (id) DO UPDATE SET date = $date, title = $title, body = $body, title_en = $titleEn, body_en = $bodyEn,
         status = $status, published_at = COALESCE(published_at, $now), author = $author`
    ).run({ ...d, id: Number(id), status: d.active ? 'published' : 'archived', now, author });
  },
  nextId: db => nextIntegerId(db, 'info_updates', 'info'),
};

const meta = (r: Row): Pick<LiveItem, 'id' | 'version' | 'active' | 'updatedAt' | 'updatedBy'> => ({
  id: String(r.id),
  version: num(r.version),
  active: num(r.active) === 1,
  updatedAt: num(r.updated_at),
  updatedBy: str(r.updated_by),
});

function cannedItem(r: Row): LiveItem {
  const data: CannedReplyData = {
    title: str(r.title),
    text: str(r.text),
    textEn: optStr(r.text_en),
    position: num(r.position),
    active: num(r.active) === 1,
  };
  return { ...meta(r), data };
}

export const cannedStore: KindStore = {
  kind: 'canned-replies',
  versionKind: 'canned',
  list: db => (db.prepare('SELECT * FROM canned_replies ORDER BY position, id').all() as Row[]).map(cannedItem),
  get: (db, id) => {
    const r = db.prepare('SELECT * FROM canned_replies WHERE id = ?').get(Number(id)) as Row | undefined;
    return r === undefined ? null : cannedItem(r);
  },
  write(db, id, raw, version, author, now) {
    const d = raw as CannedReplyData;
    db.prepare(
      `INSERT INTO canned_replies (id, position, title, text, text_en, active, version, updated_at, updated_by)
       VALUES ($id, $position, $title, $text, $textEn, $active, $version, $now, $author)
       ON CONFLICT (id) DO UPDATE SET position = $position, title = $title, text = $text, text_en = $textEn, active = $active,
         version = $version, updated_at = $now, updated_by = $author`
    ).run({ ...d, id: Number(id), active: d.active ? 1 : 0, version, now, author });
  },
  nextId: db => nextIntegerId(db, 'canned_replies', 'canned'),
};

function templateItem(r: Row): LiveItem {
  const data: TemplateData = {
    name: str(r.name),
    language: str(r.language),
    body: str(r.body),
    approved: num(r.approved) === 1,
    active: num(r.active) === 1,
  };
  return { ...meta(r), data };
}

export const templateStore: KindStore = {
  kind: 'templates',
  versionKind: 'template',
  list: db => (db.prepare('SELECT * FROM message_templates ORDER BY name, language').all() as Row[]).map(templateItem),
  get: (db, id) => {
    const r = db.prepare('SELECT * FROM message_templates WHERE id = ?').get(Number(id)) as Row | undefined;
    return r === undefined ? null : templateItem(r);
  },
  check(db, id, data) {
    const d = data as TemplateData;
    const twin = db.prepare('SELECT id FROM message_templates WHERE name = ? AND language = ? AND id != ?').get(d.name, d.language, Number(id));
    return twin === undefined ? null : `data.name: template ${d.name} (${d.language}) already exists`;
  },
  write(db, id, raw, version, author, now) {
    const d = raw as TemplateData;
    uniquely(`template ${d.name} (${d.language})`, () =>
      db
        .prepare(
          `INSERT INTO message_templates (id, name, language, body, param_count, approved, active, version, updated_at, updated_by)
           VALUES ($id, $name, $language, $body, $params, $approved, $active, $version, $now, $author)
           ON CONFLICT (id) DO UPDATE SET name = $name, language = $language, body = $body, param_count = $params,
             approved = $approved, active = $active, version = $version, updated_at = $now, updated_by = $author`
        )
        .run({ ...d, id: Number(id), params: templateParamCount(d.body), approved: d.approved ? 1 : 0, active: d.active ? 1 : 0, version, now, author })
    );
  },
  nextId: db => nextIntegerId(db, 'message_templates', 'template'),
};
