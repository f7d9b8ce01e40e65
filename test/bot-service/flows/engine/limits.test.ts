import { describe, expect, it } from 'vitest';
import { splitText, trimTo, validateOutbound } from '../../../../bot-service/flows/limits.ts';
import { buttonReplies, listReply, textReplies } from '../../../../bot-service/flows/messages.ts';

const buttons = (list: Array<{ id: string; title: string }>, body = 'Pilih:') => ({
  type: 'interactive',
  interactive: { type: 'button', body: { text: body }, action: { buttons: list.map(reply => ({ type: 'reply', reply })) } },
});

const list = (rows: Array<{ id: string; title: string; description?: string }>, button = 'Lihat menu', sections?: unknown[]) => ({
  type: 'interactive',
  interactive: { type: 'list', body: { text: 'Menu' }, action: { button, sections: sections ?? [{ title: 'Layanan', rows }] } },
});

describe('flows/limits', () => {
  it('accepts what WhatsApp accepts', () => {
    expect(validateOutbound({ type: 'text', text: { body: 'x'.repeat(4096) } })).toEqual([]);
    expect(validateOutbound(buttons([{ id: 'a', title: 'x'.repeat(20) }]))).toEqual([]);
    expect(validateOutbound(list(Array.from({ length: 10 }, (_, i) => ({ id: `r${i}`, title: 'x'.repeat(24), description: 'd'.repeat(72) }))))).toEqual([]);
  });

  it('finds every broken limit', () => {
    expect(validateOutbound({ type: 'text', text: { body: 'x'.repeat(4097) } })).toEqual(['text.body: 4097 > 4096']);
    expect(validateOutbound({ type: 'text', text: { body: '   ' } })).toEqual(['text.body: empty']);
    expect(validateOutbound(buttons([{ id: 'a', title: 'x'.repeat(21) }]))).toEqual(['button 0 title: 21 > 20']);
    expect(validateOutbound(buttons([{ id: 'a', title: 'A' }], 'b'.repeat(1025)))).toEqual(['body.text: 1025 > 1024']);
    expect(validateOutbound(buttons(['a', 'b', 'c', 'd'].map(id => ({ id, title: id }))))).toEqual(['action.buttons: need 1..3']);
    expect(validateOutbound(buttons([{ id: 'a', title: 'Ya' }, { id: 'a', title: 'Ya' }]))).toEqual(['button 1: duplicate id', 'button 1: duplicate title']);
    expect(validateOutbound(list(Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: 't' }))))).toEqual(['rows: 11 > 10']);
    expect(validateOutbound(list([{ id: 'r', title: 'x'.repeat(25), description: 'd'.repeat(73) }]))).toEqual([
      'row 0.0 title: 25 > 24',
      'row 0.0 description: 73 > 72',
    ]);
    expect(validateOutbound(list([{ id: 'r', title: 't' }], 'x'.repeat(21)))).toEqual(['action.button: 21 > 20']);
    expect(validateOutbound(list([], 'Menu', [{ rows: [{ id: 'a', title: 'a' }] }, { title: 'B', rows: [{ id: 'b', title: 'b' }] }]))).toEqual([
      'section 0 title: missing',
    ]);
    expect(validateOutbound({ type: 'image', image: { id: '1' } })).toEqual(['type: image is not one the bot sends']);
  });

  it('splits long text at paragraph breaks, keeping all of it', () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => `Paragraf ${i}: ${'kata '.repeat(60).trim()}`);
    const parts = splitText(paragraphs.join('\n\n'));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(4096);
      expect(p.startsWith('Paragraf ')).toBe(true);
    }
    expect(parts.join('\n\n')).toBe(paragraphs.join('\n\n'));
    expect(splitText('x'.repeat(9000)).map(p => p.length)).toEqual([4096, 4096, 808]);
  });

  it('trims labels with an ellipsis and never splits an emoji', () => {
    expect(trimTo('Ngobrol dengan Relawan Kesehatan', 24)).toBe('Ngobrol dengan Relawan…');
    expect(trimTo('a'.repeat(22) + '🙂b', 24)).toBe('a'.repeat(22) + '…');
    expect(trimTo('pendek', 24)).toBe('pendek');
  });

  it('builders always produce valid messages', () => {
    for (const r of textReplies('y'.repeat(10_000))) expect(validateOutbound(r.body)).toEqual([]);
    const long = buttonReplies({ body: 'b'.repeat(2000), shortBody: 'Pilih:', buttons: [{ id: '1', title: 'Judul tombol yang terlalu panjang' }, { id: '2', title: 'Judul tombol yang terlalu panjang' }] });
    expect(long.map(r => r.body.type)).toEqual(['text', 'interactive']);
    for (const r of long) expect(validateOutbound(r.body)).toEqual([]);
    const rows = Array.from({ length: 14 }, (_, i) => ({ id: `r${i}`, title: `Baris nomor ${i} dengan judul panjang`, description: 'x'.repeat(100) }));
    const l = listReply({ body: 'Pilih', button: 'Tombol yang terlalu panjang sekali', sections: [{ title: 'Bagian dengan judul sangat panjang', rows }] });
    expect(validateOutbound(l.body)).toEqual([]);
  });
});
