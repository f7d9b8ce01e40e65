import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bumpContentRevision } from '../../../../bot-service/db/queries/content.ts';
import { choicesOf, createWorld, interactiveTypes, textOf, type Citizen, type World } from './harness.ts';

type Answers = Array<[question: string, answer: string]>;

const RENDAH: Answers = [
  ['q_sesak', 'tidak'],
  ['q_demam', 'tidak'],
  ['q_batuk', 'tidak'],
  ['q_tenggorokan', 'tidak'],
  ['q_perjalanan', 'tidak'],
  ['q_kontak', 'tidak'],
  ['q_komorbid', 'ya'],
  ['q_usia', 'ge_60'],
];
/** Fever alone: rule S3. */
const SEDANG: Answers = [
  ['q_sesak', 'tidak'],
  ['q_demam', 'ya_38'],
  ['q_batuk', 'tidak'],
  ['q_tenggorokan', 'tidak'],
  ['q_perjalanan', 'tidak'],
  ['q_kontak', 'tidak'],
  ['q_komorbid', 'tidak'],
  ['q_usia', 'lt_60'],
];
/** Symptoms and close contact: rule T2. */
const TINGGI: Answers = [
  ['q_sesak', 'tidak'],
  ['q_demam', 'ya_riwayat'],
  ['q_batuk', 'ya'],
  ['q_tenggorokan', 'tidak'],
  ['q_perjalanan', 'tidak'],
  ['q_kontak', 'ya'],
  ['q_komorbid', 'tidak'],
  ['q_usia', 'lt_60'],
];

function level(world: World, level: string): { label: string; recommendation: string } {
  return world.db.prepare('SELECT label, recommendation FROM selfcheck_levels WHERE level = ?').get(level) as never;
}

function tapThrough(c: Citizen, answers: Answers) {
  let r = c.text('cek mandiri');
  for (const [q, a] of answers) {
    expect(choicesOf(r).map(x => x.id), q).toContain(`sc:${q}:${a}`);
    r = c.tap(`sc:${q}:${a}`);
  }
  return r;
}

describe('flows/engine cek mandiri', () => {
  let world: World;
  beforeEach(() => {
    world = createWorld();
  });
  afterEach(() => world.close());

  it('asks with buttons when they fit and with a list when they do not', () => {
    const c = world.citizen();
    const first = c.tap('menu:menu_cek_mandiri', 'Cek Mandiri');
    expect(interactiveTypes(first)).toEqual(['interactive:button']);
    expect(textOf(first)).toContain('Pertanyaan 1 dari 8');
    expect(textOf(first)).toContain('BUKAN diagnosis');
    // "Terasa demam/menggigil" is longer than a button title: q_demam comes as a list.
    const second = c.tap('sc:q_sesak:tidak', 'Tidak');
    expect(interactiveTypes(second)).toEqual(['interactive:list']);
    expect(choicesOf(second)).toHaveLength(4);
  });

  it('rendah by taps: the content\'s advice, no handoff', () => {
    const r = tapThrough(world.citizen(), RENDAH);
    const l = level(world, 'rendah');
    expect(textOf(r)).toContain(`Hasil Cek Mandiri: ${l.label}`);
    expect(textOf(r)).toContain(l.recommendation);
    expect(r.signals).toEqual([{ kind: 'selfcheck', level: 'rendah' }]);
    expect(r.conversation?.handoff).toBeUndefined();
  });

  it('sedang by taps: advice and the volunteer offer', () => {
    const r = tapThrough(world.citizen(), SEDANG);
    expect(textOf(r)).toContain(level(world, 'sedang').recommendation);
    expect(textOf(r)).toContain('Ketik *RELAWAN*');
    expect(r.signals).toEqual([{ kind: 'selfcheck', level: 'sedang' }]);
    expect(r.conversation?.handoff).toBeUndefined();
  });

  it('tinggi by taps: handoff at high priority with the nearest hospitals', () => {
    const c = world.citizen();
    c.regionCode = '35.24';
    const r = tapThrough(c, TINGGI);
    expect(textOf(r)).toContain(level(world, 'tinggi').recommendation);
    expect(textOf(r)).toContain('RS rujukan terdekat dari pusat Kabupaten Lamongan');
    expect(textOf(r)).toContain('RSU Muhammadiyah Lamongan');
    expect(textOf(r)).toContain('prioritas tinggi');
    expect(r.conversation?.handoff).toEqual({ priority: 50, reason: 'selfcheck-tinggi' });
    expect(r.signals).toEqual([{ kind: 'selfcheck', level: 'tinggi' }]);
    expect(c.conversation.state).toBe('waiting');
    expect(c.conversation.priority).toBe(50);
  });

  it('exits early on danger signs with the emergency text and the highest priority', () => {
    const c = world.citizen();
    c.text('cek');
    const r = c.tap('sc:q_sesak:berat', 'Ya, berat');
    const emergency = world.db.prepare('SELECT emergency_text FROM selfcheck').pluck().get() as string;
    expect(textOf(r)).toContain(emergency);
    expect(textOf(r)).toContain('RS rujukan utama Jawa Timur');
    expect(textOf(r)).toContain('RSUD Dr. Soetomo');
    expect(r.conversation?.handoff).toEqual({ priority: 90, reason: 'selfcheck-emergency' });
    expect(r.signals).toEqual([{ kind: 'selfcheck', level: 'tinggi' }]);
  });

  it('takes typed answers: labels, numbers, everyday words, temperatures and ages', () => {
    const c = world.citizen();
    c.text('cek mandiri');
    const typed = ['tidak', '38,5', 'iya', 'gak', '2', 'ga', 'tidak', '45'];
    let r = c.text(typed[0]!);
    for (const t of typed.slice(1)) r = c.text(t);
    // Fever measured 38.5 and cough, nothing else: fever alone decides "sedang" (S3).
    expect(r.signals).toEqual([{ kind: 'selfcheck', level: 'sedang' }]);
  });

  it('notes an unknown exposure with the content\'s advisory', () => {
    const c = world.citizen();
    const answers = RENDAH.map(([q, a]): [string, string] => (q === 'q_kontak' ? [q, 'tidak_tahu'] : [q, a]));
    const r = tapThrough(c, answers);
    const advisory = world.db.prepare("SELECT text FROM selfcheck_advisories WHERE id = 'unknown_exposure'").pluck().get() as string;
    expect(textOf(r)).toContain(advisory);
  });

  it('asks again on an unclear answer, and "batal" cancels', () => {
    const c = world.citizen();
    c.text('cek');
    const again = c.text('hmm entahlah bingung');
    expect(textOf(again)).toContain('belum saya pahami');
    expect(textOf(again)).toContain('Pertanyaan 1 dari 8');
    const cancel = c.text('batal');
    expect(textOf(cancel)).toContain('Cek mandiri dibatalkan');
    // After cancelling, "tidak" is no longer an answer.
    expect(textOf(c.text('2'))).toContain('Data COVID-19 Jawa Timur');
  });

  it('a tap on an older question\'s button asks the current question again', () => {
    const c = world.citizen();
    c.text('cek');
    c.tap('sc:q_sesak:tidak');
    const r = c.tap('sc:q_sesak:ringan');
    expect(textOf(r)).toContain('Pertanyaan 2 dari 8');
    expect(textOf(r)).not.toContain('belum saya pahami');
  });

  it('turns itself off, not the bot, when its rules are broken by an edit', () => {
    world.db.prepare("UPDATE selfcheck_rules SET condition = '{\"all\":[\"NO_SUCH_FLAG\"]}' WHERE id = 'S1'").run();
    bumpContentRevision(world.db);
    const c = world.citizen();
    expect(textOf(c.text('cek mandiri'))).toContain('cek mandiri sedang tidak tersedia');
    expect(textOf(c.text('tips'))).toContain('Tips & Rekomendasi');
  });
});
