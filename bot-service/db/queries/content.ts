import type { Db, Statement } from '../open.ts';
import type {
  BoundaryCollection,
  BoundaryFeature,
  ContentSnapshot,
  FaqContent,
  HoaxContent,
  HoaxVerdict,
  HospitalContent,
  HotlineContent,
  InfoUpdateContent,
  KeywordTarget,
  MenuAction,
  MenuItemContent,
  RegionContent,
  RegionFigures,
  SelfCheckContent,
  SelfCheckLevel,
  TipContent,
  Zone,
} from '../../content/types.ts';

/**
 * Reading the published content (migration 0020), cached per content revision.
 *
 * `getContent(db)` costs one indexed SELECT when nothing changed; after a publish bumps
 * `content_state.revision` the next call reloads everything (a few ms), so an edit shows in the
 * very next reply.
 */

type Row = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''));
const optStr = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const optNum = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : null);
const num = (v: unknown): number => optNum(v) ?? 0;

const revisionStatements = new WeakMap<Db, Statement>();

/** The current content revision (bumped on every publish). */
export function getContentRevision(db: Db): number {
  let stmt = revisionStatements.get(db);
  if (!stmt) {
    stmt = db.prepare('SELECT revision FROM content_state WHERE id = 1').pluck();
    revisionStatements.set(db, stmt);
  }
  return num(stmt.get());
}

/** Bumps the content revision so every cache reloads; call it in the transaction that publishes. */
export function bumpContentRevision(db: Db, now: number = Date.now()): number {
  db.prepare('UPDATE content_state SET revision = revision + 1, updated_at = ? WHERE id = 1').run(now);
  return getContentRevision(db);
}

const cache = new WeakMap<Db, ContentSnapshot>();

/** The published content, reloaded only when the revision changed. */
export function getContent(db: Db): ContentSnapshot {
  const revision = getContentRevision(db);
  const cached = cache.get(db);
  if (cached && cached.revision === revision) {
    return cached;
  }
  const snapshot = loadContent(db, revision);
  cache.set(db, snapshot);
  return snapshot;
}

function all(db: Db, sql: string, ...params: unknown[]): Row[] {
  return db.prepare(sql).all(...params) as Row[];
}

function groupBy(rows: Row[], key: string, value: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const r of rows) {
    const k = str(r[key]);
    const list = map.get(k) ?? [];
    list.push(str(r[value]));
    map.set(k, list);
  }
  return map;
}

function loadRegions(db: Db): RegionContent[] {
  const aliases = groupBy(all(db, 'SELECT alias, region_code FROM region_aliases ORDER BY alias'), 'region_code', 'alias');
  return all(db, 'SELECT * FROM regions ORDER BY code').map(r => {
    const hasFigures = r.figures_date != null || r.confirmed != null || r.zone != null;
    const figures: RegionFigures | null = hasFigures
      ? {
          confirmed: optNum(r.confirmed),
          recovered: optNum(r.recovered),
          deaths: optNum(r.deaths),
          odp: optNum(r.odp),
          pdp: optNum(r.pdp),
          zone: (optStr(r.zone) as Zone | null) ?? null,
          date: optStr(r.figures_date),
        }
      : null;
    return {
      code: str(r.code),
      bpsCode: str(r.bps_code),
      name: str(r.name),
      shortName: str(r.short_name),
      type: str(r.type) === 'kota' ? 'kota' : 'kabupaten',
      lat: num(r.label_lat),
      lon: num(r.label_lon),
      population: num(r.population),
      aliases: aliases.get(str(r.code)) ?? [],
      ambiguousWith: optStr(r.ambiguous_with),
      figures,
    };
  });
}

function loadBoundaries(db: Db, regions: ReadonlyMap<string, RegionContent>): BoundaryCollection {
  const features: BoundaryFeature[] = all(db, 'SELECT region_code, geometry FROM region_boundaries ORDER BY region_code').map(r => {
    const code = str(r.region_code);
    const region = regions.get(code);
    return {
      type: 'Feature',
      properties: { code, bps_code: region?.bpsCode ?? '', name: region?.name ?? code, type: region?.type ?? '' },
      geometry: JSON.parse(str(r.geometry)) as BoundaryFeature['geometry'],
    };
  });
  return { type: 'FeatureCollection', features };
}

function loadHospitals(db: Db): HospitalContent[] {
  return all(db, 'SELECT * FROM hospitals WHERE active = 1 ORDER BY position, id').map(r => ({
    id: num(r.id),
    name: str(r.name),
    regionCode: str(r.region_code),
    address: optStr(r.address),
    phone: optStr(r.phone),
    lat: num(r.lat),
    lon: num(r.lon),
    coordQuality: str(r.coord_quality),
    designation: str(r.designation)
      .split(';')
      .map(s => s.trim())
      .filter(Boolean),
  }));
}

function loadMenu(db: Db): MenuItemContent[] {
  return all(db, 'SELECT * FROM menu_items WHERE active = 1 ORDER BY position, id').map(r => ({
    id: str(r.id),
    position: num(r.position),
    title: str(r.title),
    description: optStr(r.description),
    titleEn: optStr(r.title_en),
    descriptionEn: optStr(r.description_en),
    keyword: str(r.keyword),
    action: str(r.action) as MenuAction,
    actionArg: optStr(r.action_arg),
  }));
}

function loadFaq(db: Db): FaqContent[] {
  const keywords = groupBy(all(db, 'SELECT faq_id, keyword FROM faq_keywords ORDER BY rowid'), 'faq_id', 'keyword');
  return all(db, 'SELECT * FROM faq WHERE active = 1 ORDER BY position, id').map(r => ({
    id: str(r.id),
    question: str(r.question),
    answer: str(r.answer),
    questionEn: optStr(r.question_en),
    answerEn: optStr(r.answer_en),
    keywords: keywords.get(str(r.id)) ?? [],
    source: optStr(r.source),
    asOf: optStr(r.as_of),
  }));
}

function loadTips(db: Db): TipContent[] {
  return all(db, 'SELECT * FROM tips WHERE active = 1 ORDER BY position, id').map(r => ({
    id: str(r.id),
    title: str(r.title),
    body: str(r.body),
    titleEn: optStr(r.title_en),
    bodyEn: optStr(r.body_en),
  }));
}

function loadHoaxes(db: Db): HoaxContent[] {
  return all(db, 'SELECT * FROM hoaxes WHERE active = 1 ORDER BY rowid').map(r => ({
    id: str(r.id),
    claim: str(r.claim),
    verdict: str(r.verdict) as HoaxVerdict,
    clarification: str(r.clarification),
    clarificationEn: optStr(r.clarification_en),
    source: optStr(r.source),
    topic: optStr(r.topic),
    firstSeen: optStr(r.first_seen),
  }));
}

function loadHotlines(db: Db): HotlineContent[] {
  return all(db, 'SELECT * FROM hotlines WHERE active = 1 ORDER BY position, id').map(r => ({
    id: str(r.id),
    name: str(r.name),
    number: str(r.number),
    note: optStr(r.note),
    nameEn: optStr(r.name_en),
    noteEn: optStr(r.note_en),
  }));
}

function loadLatestInfo(db: Db): InfoUpdateContent | null {
  const r = db
    .prepare("SELECT * FROM info_updates WHERE status = 'published' ORDER BY published_at DESC, id DESC LIMIT 1")
    .get() as Row | undefined;
  if (!r) {
    return null;
  }
  return {
    id: num(r.id),
    date: str(r.date),
    title: str(r.title),
    body: str(r.body),
    titleEn: optStr(r.title_en),
    bodyEn: optStr(r.body_en),
  };
}

const parseJson = (v: unknown): unknown => JSON.parse(str(v));

/** Rebuilds the self check-up definition (content-seed.json's shape) from its tables. */
function loadSelfCheck(db: Db): SelfCheckContent | null {
  const head = db.prepare('SELECT * FROM selfcheck WHERE active = 1 ORDER BY updated_at DESC LIMIT 1').get() as Row | undefined;
  if (!head) {
    return null;
  }
  const id = str(head.id);
  const answers = all(db, 'SELECT * FROM selfcheck_answers WHERE selfcheck_id = ? ORDER BY question_id, position', id);
  const questions = all(db, 'SELECT * FROM selfcheck_questions WHERE selfcheck_id = ? ORDER BY position', id).map(q => ({
    id: str(q.id),
    order: num(q.position),
    text: str(q.text),
    ...(optStr(q.text_en) ? { en: { text: str(q.text_en) } } : {}),
    answers: answers
      .filter(a => a.question_id === q.id)
      .map(a => ({
        id: str(a.id),
        label: str(a.label),
        ...(optStr(a.description) ? { description: str(a.description) } : {}),
        ...(optStr(a.label_en)
          ? { en: { label: str(a.label_en), ...(optStr(a.description_en) ? { description: str(a.description_en) } : {}) } }
          : {}),
      })),
  }));
  const flags = all(db, 'SELECT * FROM selfcheck_flags WHERE selfcheck_id = ? ORDER BY position', id).map(f => ({
    id: str(f.id),
    definition: parseJson(f.definition),
    ...(optStr(f.note) ? { note: str(f.note) } : {}),
  }));
  const rules = all(db, 'SELECT * FROM selfcheck_rules WHERE selfcheck_id = ? ORDER BY position', id).map(r => ({
    id: str(r.id),
    level: str(r.level) as SelfCheckLevel,
    emergency: num(r.emergency) === 1,
    condition: parseJson(r.condition),
    ...(optStr(r.expr) ? { expr: str(r.expr) } : {}),
    ...(optStr(r.rationale) ? { rationale: str(r.rationale) } : {}),
  }));
  const levels = {} as SelfCheckContent['levels'];
  for (const l of all(db, 'SELECT * FROM selfcheck_levels WHERE selfcheck_id = ?', id)) {
    levels[str(l.level) as SelfCheckLevel] = {
      label: str(l.label),
      recommendation: str(l.recommendation),
      actions: str(l.actions).split(';').filter(Boolean),
      offer_relawan: num(l.offer_volunteer) === 1,
      ...(optStr(l.label_en) ? { en: { label: str(l.label_en), recommendation: str(l.recommendation_en) } } : {}),
    };
  }
  const advisories: SelfCheckContent['advisories'] = {};
  for (const a of all(db, 'SELECT * FROM selfcheck_advisories WHERE selfcheck_id = ?', id)) {
    advisories[str(a.id)] = { when: str(a.condition), text: str(a.text), ...(optStr(a.text_en) ? { en: { text: str(a.text_en) } } : {}) };
  }
  const documentation = optStr(head.documentation) ? (parseJson(head.documentation) as Record<string, unknown>) : {};
  const evaluationDoc = (documentation.evaluation ?? {}) as Record<string, unknown>;
  return {
    ...documentation,
    id,
    title: str(head.title),
    ...(optStr(head.title_en) ? { title_en: str(head.title_en) } : {}),
    intro: str(head.intro),
    ...(optStr(head.intro_en) ? { intro_en: str(head.intro_en) } : {}),
    questions,
    derived_flags: flags,
    rules,
    evaluation: { ...evaluationDoc, order: str(head.level_order).split(',') as SelfCheckLevel[] },
    levels,
    emergency_addendum: {
      text: str(head.emergency_text),
      ...(optStr(head.emergency_text_en) ? { en: { text: str(head.emergency_text_en) } } : {}),
    },
    advisories,
    disclaimer: str(head.disclaimer),
    ...(optStr(head.disclaimer_en) ? { disclaimer_en: str(head.disclaimer_en) } : {}),
  };
}

/** Loads every published content table into one snapshot (no cache; see getContent). */
export function loadContent(db: Db, revision: number = getContentRevision(db)): ContentSnapshot {
  const regions = loadRegions(db);
  const regionsByCode = new Map(regions.map(r => [r.code, r]));
  const menu = loadMenu(db);
  const menuById = new Map(menu.map(m => [m.id, m]));
  const keywords = new Map<string, KeywordTarget>();
  for (const r of all(db, 'SELECT keyword, menu_id, action, action_arg FROM menu_keywords')) {
    const item = optStr(r.menu_id) ? menuById.get(str(r.menu_id)) : undefined;
    if (item) {
      keywords.set(str(r.keyword), { action: item.action, actionArg: item.actionArg, menuId: item.id });
    } else if (optStr(r.action)) {
      keywords.set(str(r.keyword), { action: str(r.action) as MenuAction, actionArg: optStr(r.action_arg), menuId: null });
    }
  }
  const faq = loadFaq(db);
  const hoaxes = loadHoaxes(db);
  return {
    revision,
    regions,
    regionsByCode,
    boundaries: loadBoundaries(db, regionsByCode),
    hospitals: loadHospitals(db),
    menu,
    keywords,
    faq,
    faqById: new Map(faq.map(f => [f.id, f])),
    tips: loadTips(db),
    hoaxes,
    hoaxById: new Map(hoaxes.map(h => [h.id, h])),
    selfCheck: loadSelfCheck(db),
    hotlines: loadHotlines(db),
    latestInfo: loadLatestInfo(db),
  };
}

/**
 * Records a published version of an item in content_versions (history for the console).
 * Call it in the transaction that writes the live row.
 */
export function recordPublishedVersion(
  db: Db,
  v: { kind: string; itemId: string; data: unknown; author: string; now: number; revision?: number | null }
): number {
  const next = num(
    db.prepare('SELECT COALESCE(MAX(version), 0) + 1 FROM content_versions WHERE kind = ? AND item_id = ?').pluck().get(v.kind, v.itemId)
  );
  db.prepare("UPDATE content_versions SET status = 'superseded' WHERE kind = ? AND item_id = ? AND status = 'published'").run(
    v.kind,
    v.itemId
  );
  db.prepare(
    `INSERT INTO content_versions (kind, item_id, version, status, data, author, created_at, published_at, revision)
     VALUES (?, ?, ?, 'published', ?, ?, ?, ?, ?)`
  ).run(v.kind, v.itemId, next, JSON.stringify(v.data), v.author, v.now, v.now, v.revision ?? null);
  return next;
}

export type RegionFiguresInput = Omit<RegionFigures, 'date'> & { date: string };

/** Publishes a region's figures (staff update): live row, history and a revision bump, atomically. */
export function publishRegionFigures(db: Db, code: string, figures: RegionFiguresInput, author: string, now: number = Date.now()): void {
  db.transaction(() => {
    const changed = db
      .prepare(
        `UPDATE regions SET confirmed = $confirmed, recovered = $recovered, deaths = $deaths, odp = $odp, pdp = $pdp,
           zone = $zone, figures_date = $date, version = version + 1, updated_at = $now, updated_by = $author
         WHERE code = $code`
      )
      .run({ ...figures, now, author, code }).changes;
    if (changed !== 1) {
      throw new Error(`unknown region ${code}`);
    }
    const revision = bumpContentRevision(db, now);
    recordPublishedVersion(db, { kind: 'region_figures', itemId: code, data: figures, author, now, revision });
  })();
}

/** Publishes a new "info terkini" update; the bot shows the newest one from the next reply on. */
export function publishInfoUpdate(
  db: Db,
  info: { date: string; title: string; body: string; titleEn?: string | null; bodyEn?: string | null },
  author: string,
  now: number = Date.now()
): number {
  return db.transaction(() => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO info_updates (date, title, body, title_en, body_en, status, published_at, created_at, author)
           VALUES (?, ?, ?, ?, ?, 'published', ?, ?, ?)`
        )
        .run(info.date, info.title, info.body, info.titleEn ?? null, info.bodyEn ?? null, now, now, author).lastInsertRowid
    );
    bumpContentRevision(db, now);
    return id;
  })();
}
