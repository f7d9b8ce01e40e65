import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bumpContentRevision, getContent } from '../../../../bot-service/db/queries/content.ts';
import { understandingFor } from '../../../../bot-service/flows/understanding-adapter.ts';
import { bodyText, choicesOf, createWorld, textOf, type World } from './harness.ts';

describe('flows/engine content edits', () => {
  let world: World;
  beforeEach(() => {
    world = createWorld();
  });
  afterEach(() => world.close());

  it('shows an edited FAQ answer in the next reply once the revision is bumped', () => {
    const c = world.citizen();
    expect(bodyText(c.text('apa saja gejala covid').replies[0]!.body)).toContain('Gejala yang paling sering');
    world.db.prepare("UPDATE faq SET answer = 'Gejala utama: demam, batuk, sesak. (diperbarui petugas)' WHERE id = 'faq_gejala'").run();
    // A draft edit without a publish does not reach citizens.
    expect(textOf(c.text('apa saja gejala covid'))).toContain('Gejala yang paling sering');
    bumpContentRevision(world.db);
    const r = c.text('apa saja gejala covid');
    expect(textOf(r)).toContain('Gejala utama: demam, batuk, sesak. (diperbarui petugas)');
    expect(textOf(r)).not.toContain('Gejala yang paling sering');
  });

  it('rebuilds the matcher and indexes only when the revision changes', () => {
    const a = understandingFor(getContent(world.db));
    expect(understandingFor(getContent(world.db))).toBe(a);
    world.db
      .prepare(
        `INSERT INTO hoaxes (id, claim, verdict, clarification, updated_at, updated_by)
         VALUES ('hx_tes_lele', 'Makan lele goreng tiap hari membuat kebal virus corona, sudah terbukti di Lamongan', 'hoaks', 'HOAKS. Tidak ada makanan yang membuat kebal COVID-19.', 0, 'user:1')`
      )
      .run();
    bumpContentRevision(world.db);
    const b = understandingFor(getContent(world.db));
    expect(b).not.toBe(a);
    const r = world.citizen().text('makan lele goreng tiap hari bikin kebal corona', { forwarded: 1 });
    expect(textOf(r)).toContain('HOAKS. Tidak ada makanan yang membuat kebal COVID-19.');
    expect(r.signals?.[0]).toMatchObject({ matchedHoaxId: 'hx_tes_lele' });
  });

  it('menu rows and keywords come from content', () => {
    world.db.prepare("UPDATE menu_items SET title = 'Cek Risiko Mandiri' WHERE id = 'menu_cek_mandiri'").run();
    world.db.prepare("UPDATE menu_items SET active = 0 WHERE id = 'menu_bansos'").run();
    world.db.prepare("INSERT INTO menu_keywords (keyword, menu_id) VALUES ('periksa risiko', 'menu_cek_mandiri')").run();
    bumpContentRevision(world.db);
    const c = world.citizen();
    const menu = c.text('menu');
    expect(choicesOf(menu).map(r => r.title)).toContain('Cek Risiko Mandiri');
    expect(choicesOf(menu)).toHaveLength(9);
    expect(textOf(c.text('periksa risiko'))).toContain('Pertanyaan 1 dari 8');
  });

  it('keeps long content within WhatsApp limits by splitting, never by rewording', () => {
    const long = Array.from({ length: 60 }, (_, i) => `Paragraf ${i + 1}: ${'isi jawaban yang panjang sekali '.repeat(4)}`).join('\n\n');
    world.db.prepare("UPDATE faq SET answer = ? WHERE id = 'faq_masker'").run(long);
    const question = `Apakah saat ini Anda sesak napas? ${'Penjelasan tambahan. '.repeat(60)}`;
    world.db.prepare("UPDATE selfcheck_questions SET text = ? WHERE id = 'q_sesak'").run(question);
    bumpContentRevision(world.db);
    const c = world.citizen();
    const faq = c.text('apakah harus pakai masker');
    const texts = faq.replies.filter(r => r.body.type === 'text').map(r => bodyText(r.body));
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.join('\n\n').replace(/\s+/g, ' ')).toContain(long.replace(/\s+/g, ' '));
    // A question too long for a button message goes first as text, the buttons follow.
    const sc = c.text('cek mandiri');
    expect(sc.replies.map(r => r.body.type)).toEqual(['text', 'interactive']);
    expect(textOf(sc)).toContain(question.trim());
  });
});
