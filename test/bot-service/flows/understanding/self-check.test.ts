import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE_DATA_DIR } from '../../../../bot-service/flows/understanding/reference-data.ts';
import { createSelfCheck } from '../../../../bot-service/flows/understanding/self-check.ts';
import type { SelfCheckAnswers, SelfCheckContent } from '../../../../bot-service/flows/understanding/self-check.ts';

const content = (JSON.parse(readFileSync(join(REFERENCE_DATA_DIR, 'content-seed.json'), 'utf8')) as { self_check: SelfCheckContent })
  .self_check;
const sc = createSelfCheck(content);

/** All "no", the youngest age; override what a case needs. */
const NONE = {
  q_sesak: 'tidak',
  q_demam: 'tidak',
  q_batuk: 'tidak',
  q_tenggorokan: 'tidak',
  q_perjalanan: 'tidak',
  q_kontak: 'tidak',
  q_komorbid: 'tidak',
  q_usia: 'lt_60',
};
const run = (over: Partial<typeof NONE>) => sc.next({ ...NONE, ...over });

describe('understanding/self-check flow', () => {
  it('asks the questions in order, one at a time', () => {
    expect(sc.firstQuestion()).toBe('q_sesak');
    const answers: Record<string, string> = {};
    const asked: string[] = [];
    for (;;) {
      const step = sc.next(answers);
      if (step.kind === 'result') break;
      asked.push(step.questionId);
      answers[step.questionId] = 'tidak';
      if (step.questionId === 'q_usia') answers.q_usia = 'lt_60';
    }
    expect(asked).toEqual(['q_sesak', 'q_demam', 'q_batuk', 'q_tenggorokan', 'q_perjalanan', 'q_kontak', 'q_komorbid', 'q_usia']);
  });

  it('ends at once on severe breathlessness (T1): tinggi + emergency, other questions not needed', () => {
    expect(sc.next({ q_sesak: 'berat' })).toEqual({
      kind: 'result', level: 'tinggi', emergency: true, ruleId: 'T1', matchedRules: ['T1'], advisories: [], complete: false,
    });
    expect(run({ q_sesak: 'berat' })).toMatchObject({ level: 'tinggi', emergency: true, ruleId: 'T1', complete: true });
  });

  it('has no level while a question is unanswered (no early exit without an emergency)', () => {
    expect(sc.next({ q_sesak: 'ringan', q_demam: 'ya_38', q_batuk: 'ya' })).toEqual({ kind: 'question', questionId: 'q_tenggorokan' });
    expect(sc.next({ ...NONE, q_usia: undefined, q_kontak: 'ya', q_demam: 'ya_38' })).toEqual({ kind: 'question', questionId: 'q_usia' });
  });

  it('treats an unknown answer id as unanswered', () => {
    expect(sc.next({ ...NONE, q_batuk: 'maybe' } as SelfCheckAnswers)).toEqual({ kind: 'question', questionId: 'q_batuk' });
  });

  it.each([
    ['T2 any symptom + contact', { q_batuk: 'ya', q_kontak: 'ya' }, 'tinggi', 'T2'],
    ['T2 mild breathlessness + contact', { q_sesak: 'ringan', q_kontak: 'ya' }, 'tinggi', 'T2'],
    ['T3 ISPA + travel', { q_demam: 'ya_riwayat', q_tenggorokan: 'ya', q_perjalanan: 'ya' }, 'tinggi', 'T3'],
    ['T4 ISPA + comorbidity', { q_demam: 'ya_38', q_batuk: 'ya', q_komorbid: 'ya' }, 'tinggi', 'T4'],
    ['T4 ISPA + age 60 or more', { q_demam: 'ya_38', q_sesak: 'ringan', q_usia: 'ge_60' }, 'tinggi', 'T4'],
    ['S1 symptom + travel, no fever', { q_batuk: 'ya', q_perjalanan: 'ya' }, 'sedang', 'S1'],
    ['S2 contact without symptoms', { q_kontak: 'ya' }, 'sedang', 'S2'],
    ['S3 fever only', { q_demam: 'ya_38' }, 'sedang', 'S3'],
    ['S3 unmeasured fever only', { q_demam: 'ya_riwayat' }, 'sedang', 'S3'],
    ['S4 symptom + vulnerable', { q_tenggorokan: 'ya', q_usia: 'ge_60' }, 'sedang', 'S4'],
    ['S5 mild breathlessness only', { q_sesak: 'ringan' }, 'sedang', 'S5'],
    ['rendah: nothing', {}, 'rendah', null],
    ['rendah: vulnerable without symptoms', { q_komorbid: 'ya', q_usia: 'ge_60' }, 'rendah', null],
    ['rendah: travel without symptoms', { q_perjalanan: 'ya' }, 'rendah', null],
    ['rendah: one respiratory symptom', { q_batuk: 'ya' }, 'rendah', null],
    ['rendah: below 38 is no fever', { q_demam: 'lt_38', q_batuk: 'ya' }, 'rendah', null],
    ['"tidak tahu" counts as no', { q_demam: 'ya_38', q_kontak: 'tidak_tahu', q_perjalanan: 'tidak_tahu' }, 'sedang', 'S3'],
  ] as const)('%s', (_name, over, level, ruleId) => {
    expect(run(over)).toMatchObject({ kind: 'result', level, emergency: false, ruleId, complete: true });
  });

  it('reports every true rule and picks the first of the highest level', () => {
    const r = run({ q_demam: 'ya_38', q_batuk: 'ya', q_kontak: 'ya', q_perjalanan: 'ya', q_usia: 'ge_60' });
    expect(r).toMatchObject({ level: 'tinggi', ruleId: 'T2' });
    expect(r.kind === 'result' && r.matchedRules).toEqual(['T2', 'T3', 'T4', 'S1', 'S2', 'S3', 'S4']);
  });

  it('adds the unknown-exposure advisory when travel or contact is "tidak tahu"', () => {
    expect(run({ q_kontak: 'tidak_tahu' })).toMatchObject({ level: 'rendah', advisories: ['unknown_exposure'] });
    expect(run({ q_perjalanan: 'tidak_tahu' })).toMatchObject({ advisories: ['unknown_exposure'] });
    expect(run({})).toMatchObject({ advisories: [] });
  });

  it('follows the content: a changed rule changes the result', () => {
    const stricter: SelfCheckContent = {
      ...content,
      rules: [...content.rules, { id: 'T5', level: 'tinggi', emergency: false, condition: { all: ['RENTAN'] } }],
    };
    expect(createSelfCheck(stricter).next({ ...NONE, q_usia: 'ge_60' })).toMatchObject({ level: 'tinggi', ruleId: 'T5' });
  });

  it('rejects content that refers to unknown flags, questions, answers or levels', () => {
    const bad = (patch: Partial<SelfCheckContent>) => () => createSelfCheck({ ...content, ...patch });
    expect(bad({ rules: [{ id: 'X', level: 'tinggi', condition: { all: ['NOPE'] } }] })).toThrow(/unknown flag NOPE/);
    expect(bad({ derived_flags: [{ id: 'A', definition: { question: 'q_nope', in: ['ya'] } }] })).toThrow(/unknown question/);
    expect(bad({ derived_flags: [{ id: 'A', definition: { question: 'q_batuk', in: ['kadang'] } }] })).toThrow(/no answer kadang/);
    expect(bad({ rules: [{ id: 'X', level: 'gawat', condition: { all: [] } }] })).toThrow(/unknown level/);
    expect(bad({ derived_flags: [{ id: 'A', definition: { any: ['A'] } }], rules: [] })).toThrow(/loop/);
    expect(bad({ advisories: { x: { when: 'q_kontak is unknown' } } })).toThrow(/cannot read/);
  });
});

describe('understanding/self-check answers', () => {
  const parse = (q: string, text: string, lang: 'id' | 'en' = 'id') => sc.parseAnswer(q, { text }, lang);

  it('takes button and list-row ids, also prefixed ones', () => {
    expect(sc.parseAnswer('q_sesak', { id: 'berat' }, 'id')).toBe('berat');
    expect(sc.parseAnswer('q_demam', { id: 'sc:q_demam:ya_riwayat' }, 'id')).toBe('ya_riwayat');
    expect(sc.parseAnswer('q_demam', { id: 'berat' }, 'id')).toBeNull();
    expect(sc.parseAnswer('q_nope', { id: 'ya' }, 'id')).toBeNull();
  });

  it('takes the answer number', () => {
    expect(parse('q_sesak', '1')).toBe('berat');
    expect(parse('q_sesak', '3.')).toBe('tidak');
    expect(parse('q_demam', '4')).toBe('tidak');
    expect(parse('q_usia', '2')).toBe('ge_60');
    expect(parse('q_batuk', '3')).toBeNull();
  });

  it.each([
    ['q_sesak', 'Ya, berat', 'berat'],
    ['q_sesak', 'ya ringan', 'ringan'],
    ['q_sesak', 'iya beratt', 'berat'],
    ['q_sesak', 'parah banget', 'berat'],
    ['q_sesak', 'cuma sedikit', 'ringan'],
    ['q_demam', 'Terasa demam/menggigil', 'ya_riwayat'],
    ['q_demam', 'meriang tapi tidak diukur', 'ya_riwayat'],
    ['q_demam', 'diukur, di bawah 38', 'lt_38'],
    ['q_demam', 'gak demam', 'tidak'],
    ['q_batuk', 'iya', 'ya'],
    ['q_batuk', 'nggih', 'ya'],
    ['q_batuk', 'mboten', 'tidak'],
    ['q_batuk', 'ora', 'tidak'],
    ['q_batuk', 'enggak', 'tidak'],
    ['q_batuk', 'batuk', 'ya'],
    ['q_tenggorokan', 'sakit tenggorokan', 'ya'],
    ['q_kontak', 'tidak tahu', 'tidak_tahu'],
    ['q_kontak', 'gatau', 'tidak_tahu'],
    ['q_kontak', 'mboten ngertos', 'tidak_tahu'],
    ['q_perjalanan', 'tidak pernah', 'tidak'],
    ['q_komorbid', 'ada, diabetes', 'ya'],
    ['q_usia', 'di bawah 60 tahun', 'lt_60'],
    ['q_usia', 'lansia', 'ge_60'],
  ])('%s reads %j as %s', (q, text, id) => {
    expect(parse(q, text)).toBe(id);
  });

  it.each([
    ['q_sesak', 'yes, severe', 'berat'],
    ['q_demam', 'no fever', 'tidak'],
    ['q_demam', 'felt feverish', 'ya_riwayat'],
    ['q_kontak', 'not sure', 'tidak_tahu'],
    ['q_usia', '60 or older', 'ge_60'],
  ])('%s reads English %j as %s', (q, text, id) => {
    expect(parse(q, text, 'en')).toBe(id);
  });

  it('turns temperatures into answers at the 38.0 boundary', () => {
    expect(parse('q_demam', '37.9')).toBe('lt_38');
    expect(parse('q_demam', '37,9')).toBe('lt_38');
    expect(parse('q_demam', '38')).toBe('ya_38');
    expect(parse('q_demam', '38.0')).toBe('ya_38');
    expect(parse('q_demam', '38,2 derajat')).toBe('ya_38');
    expect(parse('q_demam', 'suhu 39°C')).toBe('ya_38');
    expect(parse('q_demam', '380')).toBeNull();
  });

  it('turns ages into answers at the 60 boundary', () => {
    expect(parse('q_usia', '59')).toBe('lt_60');
    expect(parse('q_usia', '60')).toBe('ge_60');
    expect(parse('q_usia', 'umur 72 tahun')).toBe('ge_60');
    expect(parse('q_usia', '35 thn')).toBe('lt_60');
    expect(parse('q_usia', '200')).toBeNull();
  });

  it('asks again when unsure', () => {
    expect(parse('q_sesak', 'iya')).toBeNull(); // severe or mild?
    expect(parse('q_sesak', 'sesak')).toBeNull();
    expect(parse('q_sesak', 'tidak berat')).toBeNull();
    expect(parse('q_demam', 'ya')).toBeNull(); // measured or not?
    expect(parse('q_usia', 'ya')).toBeNull();
    expect(parse('q_batuk', 'kemarin saya ke pasar')).toBeNull();
    expect(parse('q_batuk', '')).toBeNull();
  });
});
