import type { FaqData, HoaxData, TipData } from '../../contract/content.ts';
import type { Db } from '../../db/open.ts';
import { num, optStr, str, type KindStore, type LiveItem, type Row } from './store-types.ts';

/** FAQ, tips and hoaxes: text-id items in the 0020 tables, as the flows read them. */

const meta = (r: Row): Pick<LiveItem, 'id' | 'version' | 'active' | 'updatedAt' | 'updatedBy'> => ({
  id: str(r.id),
  version: num(r.version),
  active: num(r.active) === 1,
  updatedAt: num(r.updated_at),
  updatedBy: str(r.updated_by),
});

function faqItem(db: Db, r: Row): LiveItem {
  const keywords = db.prepare('SELECT keyword FROM faq_keywords WHERE faq_id = ? ORDER BY rowid').pluck().all(r.id) as string[];
  const data: FaqData = {
    question: str(r.question),
    answer: str(r.answer),
    questionEn: optStr(r.question_en),
    answerEn: optStr(r.answer_en),
    keywords,
    source: optStr(r.source),
    asOf: optStr(r.as_of),
    position: num(r.position),
    active: num(r.active) === 1,
  };
  return { ...meta(r), data };
}

export const faqStore: KindStore = {
  kind: 'faq',
  versionKind: 'faq',
  list: db => (db.prepare('SELECT * FROM faq ORDER BY position, id').all() as Row[]).map(r => faqItem(db, r)),
  get: (db, id) => {
    const r = db.prepare('SELECT * FROM faq WHERE id = ?').get(id) as Row | undefined;
    return r === undefined ? null : faqItem(db, r);
  },
  write(db, id, raw, version, author, now) {
    const d = raw as FaqData;
    db.prepare(
      `INSERT INTO faq (id, position, question, answer, question_en, answer_en, source, as_of, active, version, updated_at, updated_by)
       VALUES ($id, $position, $question, $answer, $questionEn, $answerEn, $source, $asOf, $active, $version, $now, $author)
       ON CONFLICT (id) DO UPDATE SET position = $position, question = $question, answer = $answer, question_en = $questionEn,
         answer_en = $answerEn, source = $source, as_of = $asOf, active = $active, version = $version, updated_at = $now, updated_by = $author`
    ).run({ ...d, id, active: d.active ? 1 : 0, version, now, author });
    db.prepare('DELETE FROM faq_keywords WHERE faq_id = ?').run(id);
    const add = db.prepare('INSERT OR IGNORE INTO faq_keywords (faq_id, keyword) VALUES (?, ?)');
    for (const k of d.keywords) add.run(id, k.trim().toLowerCase());
  },
};

function tipItem(r: Row): LiveItem {
  const data: TipData = {
    title: str(r.title),
    body: str(r.body),
    titleEn: optStr(r.title_en),
    bodyEn: optStr(r.body_en),
    position: num(r.position),
    active: num(r.active) === 1,
  };
  return { ...meta(r), data };
}

export const tipStore: KindStore = {
  kind: 'tips',
  versionKind: 'tip',
  list: db => (db.prepare('SELECT * FROM tips ORDER BY position, id').all() as Row[]).map(tipItem),
  get: (db, id) => {
    const r = db.prepare('SELECT * FROM tips WHERE id = ?').get(id) as Row | undefined;
    return r === undefined ? null : tipItem(r);
  },
  write(db, id, raw, version, author, now) {
    const d = raw as TipData;
    db.prepare(
      `INSERT INTO tips (id, position, title, body, title_en, body_en, active, version, updated_at, updated_by)
       VALUES ($id, $position, $title, $body, $titleEn, $bodyEn, $active, $version, $now, $author)
       ON CONFLICT (id) DO UPDATE SET position = $position, title = $title, body = $body, title_en = $titleEn, body_en = $bodyEn,
         active = $active, version = $version, updated_at = $now, updated_by = $author`
    ).run({ ...d, id, active: d.active ? 1 : 0, version, now, author });
  },
};

function hoaxItem(r: Row): LiveItem {
  const data: HoaxData = {
    claim: str(r.claim),
    verdict: str(r.verdict) as HoaxData['verdict'],
    clarification: str(r.clarification),
    clarificationEn: optStr(r.clarification_en),
    source: optStr(r.source),
    topic: optStr(r.topic),
    firstSeen: optStr(r.first_seen),
    note: optStr(r.note),
    active: num(r.active) === 1,
  };
  return { ...meta(r), data };
}

export const hoaxStore: KindStore = {
  kind: 'hoaxes',
  versionKind: 'hoax',
  list: db => (db.prepare('SELECT * FROM hoaxes ORDER BY rowid').all() as Row[]).map(hoaxItem),
  get: (db, id) => {
    const r = db.prepare('SELECT * FROM hoaxes WHERE id = ?').get(id) as Row | undefined;
    return r === undefined ? null : hoaxItem(r);
  },
  write(db, id, raw, version, author, now) {
    const d = raw as HoaxData;
    db.prepare(
      `INSERT INTO hoaxes (id, claim, verdict, clarification, clarification_en, source, topic, first_seen, note, active, version, updated_at, updated_by)
       VALUES ($id, $claim, $verdict, $clarification, $clarificationEn, $source, $topic, $firstSeen, $note, $active, $version, $now, $author)
       ON CONFLICT (id) DO UPDATE SET claim = $claim, verdict = $verdict, clarification = $clarification,
         clarification_en = $clarificationEn, source = $source, topic = $topic, first_seen = $firstSeen, note = $note,
         active = $active, version = $version, updated_at = $now, updated_by = $author`
    ).run({ ...d, id, active: d.active ? 1 : 0, version, now, author });
  },
};
