import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedContent } from '../../../bot-service/content/seed.ts';
import { openDatabase, type Db } from '../../../bot-service/db/open.ts';
import {
  bumpContentRevision,
  getContent,
  getContentRevision,
  publishInfoUpdate,
  publishRegionFigures,
} from '../../../bot-service/db/queries/content.ts';

const CONTENT_TABLES = [
  'regions',
  'region_aliases',
  'region_boundaries',
  'hospitals',
  'menu_items',
  'menu_keywords',
  'faq',
  'faq_keywords',
  'tips',
  'hoaxes',
  'selfcheck',
  'selfcheck_questions',
  'selfcheck_answers',
  'selfcheck_flags',
  'selfcheck_rules',
  'selfcheck_levels',
  'selfcheck_advisories',
  'hotlines',
  'info_updates',
  'content_versions',
  'content_seeds',
  'content_state',
];

function dump(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(CONTENT_TABLES.map(t => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}

describe('content/seed', () => {
  let dir: string;
  let file: string;
  let db: Db;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'content-seed-'));
    file = join(dir, 'bot.db');
    db = openDatabase(file);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads every dataset from the reference data on first start', () => {
    const report = seedContent(db, { now: 1_000 });
    expect(report.seeded).toEqual(['regions', 'boundaries', 'hospitals', 'faq', 'tips', 'selfcheck', 'menu', 'hoaxes', 'hotlines', 'info']);
    const count = (t: string) => db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get();
    expect(count('regions')).toBe(38);
    expect(count('region_boundaries')).toBe(38);
    expect(count('hospitals')).toBe(49);
    expect(count('faq')).toBe(42);
    expect(count('tips')).toBe(12);
    expect(count('hoaxes')).toBe(35);
    expect(count('selfcheck_questions')).toBe(8);
    expect(count('selfcheck_rules')).toBe(9);
    expect(count('menu_items')).toBe(10);
    // The seven names shared by a kabupaten and a kota are not aliases of either.
    expect(db.prepare("SELECT COUNT(*) FROM region_aliases WHERE alias IN ('malang', 'kediri', 'blitar', 'madiun')").pluck().get()).toBe(0);
    expect(db.prepare("SELECT region_code FROM region_aliases WHERE alias = 'suroboyo'").pluck().get()).toBe('35.78');
    expect(db.prepare("SELECT answer FROM faq WHERE id = 'faq_gejala'").pluck().get()).toMatch(/^Gejala yang paling sering: demam/);
    expect(db.prepare("SELECT SUM(population) FROM regions").pluck().get()).toBe(40_665_696);
    // Licence notices travel with the data (SOURCES.md).
    expect(db.prepare("SELECT attribution FROM content_seeds WHERE dataset = 'boundaries'").pluck().get()).toMatch(/MIT License, Copyright \(c\) 2024 Cahya DSN/);
    expect(db.prepare("SELECT attribution FROM content_seeds WHERE dataset = 'regions'").pluck().get()).toMatch(/Open Database License/);
    // Version 1 of each editable item is kept as history.
    expect(db.prepare("SELECT version, status, author FROM content_versions WHERE kind = 'faq' AND item_id = 'faq_gejala'").get()).toEqual({
      version: 1,
      status: 'published',
      author: 'seed',
    });
    expect(getContentRevision(db)).toBe(1);
  });

  it('is idempotent: a second start changes nothing', () => {
    seedContent(db, { now: 1_000 });
    const before = dump(db);
    const again = seedContent(db, { now: 2_000 });
    expect(again.seeded).toEqual([]);
    expect(dump(db)).toEqual(before);
  });

  it('never overwrites staff edits: after seeding the database is the truth', () => {
    seedContent(db, { now: 1_000 });
    db.prepare("UPDATE faq SET answer = 'Jawaban baru dari petugas.' WHERE id = 'faq_gejala'").run();
    db.prepare("DELETE FROM tips WHERE id = 'tip_cuci_tangan'").run();
    db.close();
    db = openDatabase(file);
    seedContent(db, { now: 3_000 });
    expect(db.prepare("SELECT answer FROM faq WHERE id = 'faq_gejala'").pluck().get()).toBe('Jawaban baru dari petugas.');
    expect(db.prepare("SELECT COUNT(*) FROM tips WHERE id = 'tip_cuci_tangan'").pluck().get()).toBe(0);
  });

  it('refuses a menu row that WhatsApp would reject', () => {
    seedContent(db);
    expect(() => db.prepare("UPDATE menu_items SET title = 'Judul yang terlalu panjang untuk baris' WHERE id = 'menu_radar'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE regions SET zone = 'hitam' WHERE code = '35.78'").run()).toThrow(/CHECK/);
  });
});

describe('db/queries/content', () => {
  let dir: string;
  let db: Db;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'content-read-'));
    db = openDatabase(join(dir, 'bot.db'));
    seedContent(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rebuilds the self check-up definition in its documented shape', () => {
    const sc = getContent(db).selfCheck!;
    expect(sc.id).toBe('cek_mandiri_v1');
    expect(sc.questions.map(q => q.id)).toEqual(['q_sesak', 'q_demam', 'q_batuk', 'q_tenggorokan', 'q_perjalanan', 'q_kontak', 'q_komorbid', 'q_usia']);
    expect(sc.questions[1]!.answers.map(a => a.id)).toEqual(['ya_38', 'ya_riwayat', 'lt_38', 'tidak']);
    expect(sc.rules.find(r => r.id === 'T1')).toMatchObject({ level: 'tinggi', emergency: true, condition: { all: ['SESAK_BERAT'] } });
    expect(sc.derived_flags.find(f => f.id === 'RENTAN')!.definition).toEqual({
      any: [
        { question: 'q_komorbid', in: ['ya'] },
        { question: 'q_usia', in: ['ge_60'] },
      ],
    });
    expect(sc.evaluation.order).toEqual(['tinggi', 'sedang', 'rendah']);
    expect(sc.levels.tinggi.offer_relawan).toBe(true);
    expect(sc.advisories.unknown_exposure!.when).toContain("q_kontak == 'tidak_tahu'");
  });

  it('serves the cached snapshot until the revision changes', () => {
    const first = getContent(db);
    expect(getContent(db)).toBe(first);
    db.prepare("UPDATE faq SET answer = 'Teks baru.' WHERE id = 'faq_gejala'").run();
    // Not published yet: the bot keeps reading the cached, published snapshot.
    expect(getContent(db).faqById.get('faq_gejala')!.answer).not.toBe('Teks baru.');
    bumpContentRevision(db);
    const next = getContent(db);
    expect(next).not.toBe(first);
    expect(next.faqById.get('faq_gejala')!.answer).toBe('Teks baru.');
  });

  it('publishes region figures and info updates with history and a new revision', () => {
    const before = getContentRevision(db);
    publishRegionFigures(db, '35.78', { confirmed: 10, recovered: 4, deaths: 1, odp: 100, pdp: 20, zone: 'merah', date: '2020-04-09' }, 'user:1');
    publishInfoUpdate(db, { date: '2020-04-10', title: 'PSBB Surabaya Raya', body: 'Berlaku mulai 28 April 2020.' }, 'user:1');
    const c = getContent(db);
    expect(c.revision).toBe(before + 2);
    expect(c.regionsByCode.get('35.78')!.figures).toEqual({ confirmed: 10, recovered: 4, deaths: 1, odp: 100, pdp: 20, zone: 'merah', date: '2020-04-09' });
    expect(c.latestInfo!.title).toBe('PSBB Surabaya Raya');
    expect(db.prepare("SELECT COUNT(*) FROM content_versions WHERE kind = 'region_figures' AND item_id = '35.78'").pluck().get()).toBe(1);
    expect(() => publishRegionFigures(db, '99.99', { confirmed: 1, recovered: 0, deaths: 0, odp: null, pdp: null, zone: null, date: '2020-04-09' }, 'x')).toThrow(
      /unknown region/
    );
  });
});
