import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/open.ts';
import { bumpContentRevision, recordPublishedVersion } from '../db/queries/content.ts';
import { parseCsv } from './csv.ts';
import { normalizeCommand } from './normalize.ts';
import type { MenuAction } from './types.ts';

/**
 * Loads the reference data and starting content into the content tables on first start.
 *
 * Each dataset is loaded once and recorded in `content_seeds`; a later start skips it, so staff
 * edits are never overwritten (after seeding the database is the truth). Everything runs in one
 * transaction: a crash mid-seed leaves nothing half loaded.
 */

const referenceDir = new URL('../reference-data/', import.meta.url);
const extraSeedFile = new URL('./extra-seed.json', import.meta.url);

const SEED_AUTHOR = 'seed';

/** Licence notices SOURCES.md asks us to keep with the data. */
const ATTRIBUTION = {
  regions:
    'Codes and names: idn-area-data 4.0.1 (data under the Open Database License 1.0); population: BPS Sensus Penduduk 2020; aliases: this project.',
  boundaries:
    'Boundaries derived from cahyadsn/wilayah_boundaries, MIT License, Copyright (c) 2024 Cahya DSN (dissolved and simplified with mapshaper).',
  hospitals: 'Facts taken from the public pages and lists cited in each row (Kemenkes HK.01.07/MENKES/169/2020, Pemprov Jatim Kepgub 188/125/KPTS/013/2020).',
  content: 'Written for this project; sources of the facts are cited per item.',
} as const;

type Json = Record<string, unknown>;

export type SeedReport = { seeded: string[]; skipped: string[] };

export type SeedOptions = {
  /** Folder with content-seed.json, hoaxes-seed.json and the jatim-* files; defaults to bot-service/reference-data. */
  referenceDir?: URL | string;
  now?: number;
};

function readText(dir: URL | string, name: string): string {
  return readFileSync(typeof dir === 'string' ? join(dir, name) : new URL(name, dir), 'utf8');
}

function fail(message: string): never {
  throw new Error(`content seed: ${message}`);
}

const asArray = (v: unknown, what: string): Json[] => (Array.isArray(v) ? (v as Json[]) : fail(`${what} is not a list`));
const s = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const en = (item: Json): Json => (item.en && typeof item.en === 'object' ? (item.en as Json) : {});

/** Seeds every dataset not seeded yet; returns which were loaded and which were already there. */
export function seedContent(db: Db, options: SeedOptions = {}): SeedReport {
  const dir = options.referenceDir ?? referenceDir;
  const now = options.now ?? Date.now();
  const report: SeedReport = { seeded: [], skipped: [] };
  const done = new Set(db.prepare('SELECT dataset FROM content_seeds').pluck().all() as string[]);
  const all = ['regions', 'boundaries', 'hospitals', 'faq', 'tips', 'selfcheck', 'menu', 'hoaxes', 'hotlines', 'info'];
  if (all.every(d => done.has(d))) {
    return { seeded: [], skipped: all };
  }

  const contentSeed = JSON.parse(readText(dir, 'content-seed.json')) as Json;
  const extra = JSON.parse(readFileSync(extraSeedFile, 'utf8')) as Json;
  const mark = db.prepare(
    'INSERT INTO content_seeds (dataset, source, source_version, attribution, seeded_at) VALUES (?, ?, ?, ?, ?)'
  );
  const steps: Array<[string, string, string | null, string, () => void]> = [
    ['regions', 'reference-data/jatim-regions.csv', null, ATTRIBUTION.regions, () => seedRegions(db, readText(dir, 'jatim-regions.csv'), now)],
    ['boundaries', 'reference-data/jatim-regions.geojson', null, ATTRIBUTION.boundaries, () => seedBoundaries(db, readText(dir, 'jatim-regions.geojson'))],
    ['hospitals', 'reference-data/jatim-hospitals.csv', null, ATTRIBUTION.hospitals, () => seedHospitals(db, readText(dir, 'jatim-hospitals.csv'), now)],
    ['faq', 'reference-data/content-seed.json', version(contentSeed), ATTRIBUTION.content, () => seedFaq(db, contentSeed, now)],
    ['tips', 'reference-data/content-seed.json', version(contentSeed), ATTRIBUTION.content, () => seedTips(db, contentSeed, now)],
    ['selfcheck', 'reference-data/content-seed.json', version(contentSeed), ATTRIBUTION.content, () => seedSelfCheck(db, contentSeed, now)],
    ['menu', 'reference-data/content-seed.json + content/extra-seed.json', version(contentSeed), ATTRIBUTION.content, () => seedMenu(db, contentSeed, extra, now)],
    ['hoaxes', 'reference-data/hoaxes-seed.json', null, ATTRIBUTION.content, () => seedHoaxes(db, JSON.parse(readText(dir, 'hoaxes-seed.json')) as Json, now)],
    ['hotlines', 'content/extra-seed.json', null, ATTRIBUTION.content, () => seedHotlines(db, extra, now)],
    ['info', 'content/extra-seed.json', null, ATTRIBUTION.content, () => seedInfo(db, extra, now)],
  ];
  db.transaction(() => {
    for (const [dataset, source, sourceVersion, attribution, run] of steps) {
      if (done.has(dataset)) {
        report.skipped.push(dataset);
        continue;
      }
      run();
      mark.run(dataset, source, sourceVersion, attribution, now);
      report.seeded.push(dataset);
    }
    if (report.seeded.length > 0) {
      bumpContentRevision(db, now);
    }
  })();
  return report;
}

function version(doc: Json): string | null {
  return s((doc.meta as Json | undefined)?.version);
}

function history(db: Db, kind: string, itemId: string, data: unknown, now: number): void {
  recordPublishedVersion(db, { kind, itemId, data, author: SEED_AUTHOR, now });
}

function seedRegions(db: Db, csv: string, now: number): void {
  const rows = parseCsv(csv);
  if (rows.length !== 38) {
    fail(`jatim-regions.csv has ${rows.length} rows, expected 38`);
  }
  const insert = db.prepare(
    `INSERT INTO regions (code, bps_code, name, short_name, type, label_lat, label_lon, population, ambiguous_with, updated_at, updated_by)
     VALUES ($code, $bps, $name, $short, $type, $lat, $lon, $population, $ambiguous, $now, $by)`
  );
  const alias = db.prepare('INSERT INTO region_aliases (alias, region_code) VALUES (?, ?)');
  const seen = new Set<string>();
  for (const r of rows) {
    insert.run({
      code: r.code,
      bps: r.bps_code,
      name: r.name,
      short: r.short_name,
      type: r.type,
      lat: Number(r.lat),
      lon: Number(r.lon),
      population: Number(r.population),
      ambiguous: r.ambiguous_with || null,
      now,
      by: SEED_AUTHOR,
    });
    for (const a of (r.aliases ?? '').split('|')) {
      const key = a.trim().toLowerCase();
      if (key === '') continue;
      // SOURCES.md promises no alias on two rows; a duplicate would make a typed name ambiguous.
      if (seen.has(key)) fail(`alias "${key}" appears twice`);
      seen.add(key);
      alias.run(key, r.code);
    }
  }
}

function seedBoundaries(db: Db, text: string): void {
  const doc = JSON.parse(text) as { features?: Array<{ properties?: Json; geometry?: unknown }> };
  const insert = db.prepare('INSERT INTO region_boundaries (region_code, geometry) VALUES (?, ?)');
  for (const f of doc.features ?? []) {
    const code = s(f.properties?.code) ?? fail('a boundary feature has no code');
    insert.run(code, JSON.stringify(f.geometry));
  }
}

function seedHospitals(db: Db, csv: string, now: number): void {
  const insert = db.prepare(
    `INSERT INTO hospitals (name, region_code, address, lat, lon, coord_quality, designation, source, position, updated_at, updated_by)
     VALUES ($name, $region, $address, $lat, $lon, $quality, $designation, $source, $position, $now, $by)`
  );
  parseCsv(csv).forEach((r, i) => {
    const row = {
      name: r.name ?? fail('hospital without a name'),
      region: r.kab_code ?? '',
      address: r.address || null,
      lat: Number(r.lat),
      lon: Number(r.lon),
      quality: r.coord_quality ?? '',
      designation: r.designation ?? '',
      source: r.source || null,
      position: i + 1,
    };
    const id = Number(insert.run({ ...row, now, by: SEED_AUTHOR }).lastInsertRowid);
    history(db, 'hospital', String(id), row, now);
  });
}

function seedFaq(db: Db, doc: Json, now: number): void {
  const insert = db.prepare(
    `INSERT INTO faq (id, position, question, answer, question_en, answer_en, source, as_of, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  );
  const keyword = db.prepare('INSERT OR IGNORE INTO faq_keywords (faq_id, keyword) VALUES (?, ?)');
  asArray(doc.faq, 'faq').forEach((f, i) => {
    const id = s(f.id) ?? fail('faq item without id');
    insert.run(id, i + 1, f.question, f.answer, s(en(f).question), s(en(f).answer), s(f.source), s(f.as_of), now, SEED_AUTHOR);
    for (const k of Array.isArray(f.keywords) ? (f.keywords as unknown[]) : []) {
      if (typeof k === 'string' && k.trim() !== '') keyword.run(id, k.trim().toLowerCase());
    }
    history(db, 'faq', id, f, now);
  });
}

function seedTips(db: Db, doc: Json, now: number): void {
  const insert = db.prepare(
    'INSERT INTO tips (id, position, title, body, title_en, body_en, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
  );
  asArray(doc.tips, 'tips').forEach((t, i) => {
    const id = s(t.id) ?? fail('tip without id');
    insert.run(id, i + 1, t.title, t.body, s(en(t).title), s(en(t).body), now, SEED_AUTHOR);
    history(db, 'tip', id, t, now);
  });
}

function seedMenu(db: Db, doc: Json, extra: Json, now: number): void {
  const items = [...asArray(doc.menu, 'menu'), ...asArray(extra.menu ?? [], 'extra menu')];
  if (items.length > 10) {
    fail(`the menu has ${items.length} rows; a WhatsApp list holds at most 10`);
  }
  const actions = (extra.menu_actions ?? {}) as Record<string, { action: MenuAction; arg?: string }>;
  const insert = db.prepare(
    `INSERT INTO menu_items (id, position, title, description, title_en, description_en, keyword, action, action_arg, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  );
  const keyword = db.prepare('INSERT INTO menu_keywords (keyword, menu_id, action, action_arg) VALUES (?, ?, ?, ?)');
  const seen = new Set<string>();
  const addKeyword = (word: string, menuId: string | null, action: string | null, arg: string | null): void => {
    const k = normalizeCommand(word);
    if (k === '' || seen.has(k)) return;
    seen.add(k);
    keyword.run(k, menuId, action, arg);
  };
  for (const m of items) {
    const id = s(m.id) ?? fail('menu item without id');
    const action = actions[id] ?? fail(`menu item ${id} has no action in extra-seed.json menu_actions`);
    const kw = s(m.keyword) ?? fail(`menu item ${id} has no keyword`);
    insert.run(id, m.order, m.title, s(m.description), s(en(m).title), s(en(m).description), kw, action.action, action.arg ?? null, now, SEED_AUTHOR);
    addKeyword(kw, id, null, null);
    history(db, 'menu', id, { ...m, action: action.action, action_arg: action.arg ?? null }, now);
  }
  for (const group of asArray(extra.keywords ?? [], 'keywords')) {
    const words = Array.isArray(group.words) ? (group.words as string[]) : [];
    for (const w of words) {
      addKeyword(w, s(group.menu), s(group.menu) ? null : s(group.action), s(group.arg));
    }
  }
}

function seedHoaxes(db: Db, doc: Json, now: number): void {
  const insert = db.prepare(
    `INSERT INTO hoaxes (id, claim, verdict, clarification, clarification_en, source, topic, first_seen, note, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  );
  for (const h of asArray(doc.hoaxes, 'hoaxes')) {
    const id = s(h.id) ?? fail('hoax without id');
    insert.run(id, h.claim, h.verdict, h.clarification, s(en(h).clarification), s(h.source), s(h.topic), s(h.first_seen), s(h.note), now, SEED_AUTHOR);
    history(db, 'hoax', id, h, now);
  }
}

function seedHotlines(db: Db, extra: Json, now: number): void {
  const insert = db.prepare(
    'INSERT INTO hotlines (id, position, name, number, note, name_en, note_en, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
  );
  asArray(extra.hotlines ?? [], 'hotlines').forEach((h, i) => {
    const id = s(h.id) ?? fail('hotline without id');
    insert.run(id, i + 1, h.name, h.number, s(h.note), s(en(h).name), s(en(h).note), now, SEED_AUTHOR);
    history(db, 'hotline', id, h, now);
  });
}

function seedInfo(db: Db, extra: Json, now: number): void {
  const insert = db.prepare(
    `INSERT INTO info_updates (date, title, body, title_en, body_en, status, published_at, created_at, author)
     VALUES (?, ?, ?, ?, ?, 'published', ?, ?, ?)`
  );
  for (const u of asArray(extra.info_updates ?? [], 'info_updates')) {
    insert.run(u.date, u.title, u.body, s(en(u).title), s(en(u).body), now, now, SEED_AUTHOR);
  }
}

function seedSelfCheck(db: Db, doc: Json, now: number): void {
  const sc = (doc.self_check as Json | undefined) ?? fail('content-seed.json has no self_check');
  const id = s(sc.id) ?? fail('self_check has no id');
  const evaluation = (sc.evaluation ?? {}) as Json;
  const order = Array.isArray(evaluation.order) ? (evaluation.order as string[]) : ['tinggi', 'sedang', 'rendah'];
  const addendum = (sc.emergency_addendum ?? {}) as Json;
  const documentation = {
    basis: sc.basis,
    answer_normalization: sc.answer_normalization,
    completeness: sc.completeness,
    evaluation,
  };
  db.prepare(
    `INSERT INTO selfcheck (id, title, title_en, intro, intro_en, disclaimer, disclaimer_en, emergency_text, emergency_text_en, level_order, documentation, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    id,
    sc.title,
    s(sc.title_en),
    sc.intro,
    s(sc.intro_en),
    sc.disclaimer,
    s(sc.disclaimer_en),
    s(addendum.text) ?? fail('self_check has no emergency_addendum.text'),
    s(en(addendum).text),
    order.join(','),
    JSON.stringify(documentation),
    now,
    SEED_AUTHOR
  );
  const question = db.prepare('INSERT INTO selfcheck_questions (selfcheck_id, id, position, text, text_en) VALUES (?, ?, ?, ?, ?)');
  const answer = db.prepare(
    `INSERT INTO selfcheck_answers (selfcheck_id, question_id, id, position, label, description, label_en, description_en)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  );
  for (const q of asArray(sc.questions, 'self_check.questions')) {
    const qid = s(q.id) ?? fail('self-check question without id');
    question.run(id, qid, q.order, q.text, s(en(q).text));
    asArray(q.answers, `answers of ${qid}`).forEach((a, i) => {
      answer.run(id, qid, a.id, i + 1, a.label, s(a.description), s(en(a).label), s(en(a).description));
    });
  }
  const flag = db.prepare('INSERT INTO selfcheck_flags (selfcheck_id, id, position, definition, note) VALUES (?, ?, ?, ?, ?)');
  asArray(sc.derived_flags, 'self_check.derived_flags').forEach((f, i) => {
    flag.run(id, f.id, i + 1, JSON.stringify(f.definition), s(f.note));
  });
  const rule = db.prepare(
    'INSERT INTO selfcheck_rules (selfcheck_id, id, position, level, emergency, condition, expr, rationale) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
  );
  asArray(sc.rules, 'self_check.rules').forEach((r, i) => {
    rule.run(id, r.id, i + 1, r.level, r.emergency === true ? 1 : 0, JSON.stringify(r.condition), s(r.expr), s(r.rationale));
  });
  const level = db.prepare(
    `INSERT INTO selfcheck_levels (selfcheck_id, level, label, recommendation, label_en, recommendation_en, offer_volunteer, actions)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  );
  for (const [name, l] of Object.entries((sc.levels ?? {}) as Record<string, Json>)) {
    const actions = Array.isArray(l.actions) ? (l.actions as string[]).join(';') : null;
    level.run(id, name, l.label, l.recommendation, s(en(l).label), s(en(l).recommendation), l.offer_relawan === true ? 1 : 0, actions);
  }
  const advisory = db.prepare('INSERT INTO selfcheck_advisories (selfcheck_id, id, condition, text, text_en) VALUES (?, ?, ?, ?, ?)');
  for (const [aid, a] of Object.entries((sc.advisories ?? {}) as Record<string, Json>)) {
    advisory.run(id, aid, s(a.when) ?? '', a.text, s(en(a).text));
  }
  history(db, 'selfcheck', id, sc, now);
}
