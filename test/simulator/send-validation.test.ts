import { describe, expect, it } from 'vitest';
import { validateSendBody } from '../../simulator/send-validation.ts';

const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '+6281234567001' };
const s = (n: number, ch = 'a') => ch.repeat(n);

const button = (id: string, title: string) => ({ type: 'reply', reply: { id, title } });
const buttons = (over: Record<string, unknown> = {}, list = [button('a', 'Ya'), button('b', 'Tidak')]) => ({
  ...base,
  type: 'interactive',
  interactive: { type: 'button', body: { text: 'Pilih' }, action: { buttons: list }, ...over },
});
const rows = (n: number, prefix = 'r') => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, title: `Baris ${i}` }));
const list = (action: Record<string, unknown> = {}, over: Record<string, unknown> = {}) => ({
  ...base,
  type: 'interactive',
  interactive: { type: 'list', body: { text: 'Menu' }, action: { button: 'Lihat menu', sections: [{ title: 'Menu', rows: rows(3) }], ...action }, ...over },
});

const valid: Array<[string, unknown]> = [
  ['text', { ...base, type: 'text', text: { body: 'halo', preview_url: false } }],
  ['text at 4096', { ...base, type: 'text', text: { body: s(4096) } }],
  ['text, emoji counted as one character', { ...base, type: 'text', text: { body: s(4095) + '😷' } }],
  ['text, type omitted, to without +', { messaging_product: 'whatsapp', to: '6281234567001', text: { body: 'x' } }],
  ['buttons at every limit', buttons({ header: { type: 'text', text: s(60) }, body: { text: s(1024) }, footer: { text: s(60) } }, [button(s(256, 'x'), s(20)), button('b', 'B'), button('c', 'C')])],
  ['buttons with an image header by link', buttons({ header: { type: 'image', image: { link: 'https://example.org/a.jpg' } } })],
  ['list at every limit', list({ button: s(20), sections: [{ title: s(24), rows: [{ id: s(200), title: s(24), description: s(72) }, ...rows(4)] }, { title: 'B', rows: rows(5, 'q') }] }, { body: { text: s(4096) } })],
  ['list, one untitled section', list({ sections: [{ rows: rows(10) }] })],
  ['location request', { ...base, type: 'interactive', interactive: { type: 'location_request_message', body: { text: 'Bagikan lokasi' }, action: { name: 'send_location' } } }],
  ['location with string coordinates', { ...base, type: 'location', location: { latitude: '-7.25', longitude: '112.75', name: 'Tugu', address: 'Surabaya' } }],
  ['image by id with caption', { ...base, type: 'image', image: { id: '1234567890', caption: s(1024) } }],
  ['document by link', { ...base, type: 'document', document: { link: 'https://example.org/a.pdf', filename: 'a.pdf' } }],
  ['template with components', { ...base, type: 'template', template: { name: 'info_terkini', language: { code: 'id' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Budi' }] }, { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'MENU' }] }] } }],
  ['reaction', { ...base, type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '👍' } }],
  ['quote reply', { ...base, type: 'text', text: { body: 'x' }, context: { message_id: 'wamid.X' } }],
  ['to a business-scoped user id', { messaging_product: 'whatsapp', recipient: 'ID.13491208655302741918', type: 'text', text: { body: 'x' } }],
];

const rejected: Array<[string, unknown, number, RegExp]> = [
  ['no messaging_product', { to: '+6281234567001', type: 'text', text: { body: 'x' } }, 100, /messaging_product/],
  ['wrong messaging_product', { ...base, messaging_product: 'sms', type: 'text', text: { body: 'x' } }, 131009, /messaging_product/],
  ['no recipient', { messaging_product: 'whatsapp', type: 'text', text: { body: 'x' } }, 100, /\bto\b/],
  ['bad phone number', { ...base, to: 'budi', type: 'text', text: { body: 'x' } }, 131009, /phone/],
  ['local number with leading 0', { ...base, to: '081234567001', type: 'text', text: { body: 'x' } }, 131009, /E\.164/],
  ['sending to ourselves', { ...base, to: '+62315550123', type: 'text', text: { body: 'x' } }, 131021, /same/],
  ['unknown type', { ...base, type: 'carousel' }, 131009, /type/],
  ['text missing body', { ...base, type: 'text', text: {} }, 100, /text\.body/],
  ['text over 4096', { ...base, type: 'text', text: { body: s(4097) } }, 131009, /4096/],
  ['no buttons', buttons({}, []), 131009, /buttons/],
  ['four buttons', buttons({}, [button('a', 'A'), button('b', 'B'), button('c', 'C'), button('d', 'D')]), 131009, /buttons/],
  ['button title over 20', buttons({}, [button('a', s(21))]), 131009, /title.*20/],
  ['button id over 256', buttons({}, [button(s(257), 'A')]), 131009, /id.*256/],
  ['duplicate button titles', buttons({}, [button('a', 'Ya'), button('b', 'Ya')]), 131009, /not unique/],
  ['duplicate button ids', buttons({}, [button('a', 'Ya'), button('a', 'Tidak')]), 131009, /not unique/],
  ['button body over 1024', buttons({ body: { text: s(1025) } }), 131009, /1024/],
  ['button body missing', buttons({ body: undefined }), 100, /interactive\.body/],
  ['button footer over 60', buttons({ footer: { text: s(61) } }), 131009, /footer.*60/],
  ['button header over 60', buttons({ header: { type: 'text', text: s(61) } }), 131009, /header.*60/],
  ['list button label over 20', list({ button: s(21) }), 131009, /button.*20/],
  ['list body over 4096', list({}, { body: { text: s(4097) } }), 131009, /4096/],
  ['eleven sections', list({ sections: Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, rows: [{ id: `r${i}`, title: 'x' }] })) }), 131009, /sections/],
  ['eleven rows in total', list({ sections: [{ title: 'A', rows: rows(6) }, { title: 'B', rows: rows(5, 'q') }] }), 131009, /10 rows/],
  ['row id over 200', list({ sections: [{ title: 'A', rows: [{ id: s(201), title: 'x' }] }] }), 131009, /id.*200/],
  ['row title over 24', list({ sections: [{ title: 'A', rows: [{ id: 'a', title: s(25) }] }] }), 131009, /title.*24/],
  ['row description over 72', list({ sections: [{ title: 'A', rows: [{ id: 'a', title: 'x', description: s(73) }] }] }), 131009, /description.*72/],
  ['section title over 24', list({ sections: [{ title: s(25), rows: rows(1) }] }), 131009, /title.*24/],
  ['untitled section among two', list({ sections: [{ rows: rows(1) }, { title: 'B', rows: rows(1, 'q') }] }), 100, /sections\[0\]\.title/],
  ['duplicate row ids', list({ sections: [{ title: 'A', rows: [{ id: 'x', title: 'a' }, { id: 'x', title: 'b' }] }] }), 131009, /not unique/],
  ['list with an image header', list({}, { header: { type: 'image', image: { link: 'https://e.org/a.jpg' } } }), 131009, /header/],
  ['location request with wrong action', { ...base, type: 'interactive', interactive: { type: 'location_request_message', body: { text: 'x' }, action: { name: 'send' } } }, 131009, /send_location/],
  ['location without longitude', { ...base, type: 'location', location: { latitude: -7 } }, 100, /longitude/],
  ['location out of range', { ...base, type: 'location', location: { latitude: -97, longitude: 112 } }, 131009, /latitude/],
  ['image with neither id nor link', { ...base, type: 'image', image: { caption: 'x' } }, 100, /image\.id or image\.link/],
  ['image with both id and link', { ...base, type: 'image', image: { id: '1', link: 'https://e.org/a.jpg' } }, 131009, /not both/],
  ['document caption over 1024', { ...base, type: 'document', document: { id: '1', caption: s(1025) } }, 131009, /1024/],
  ['template without name', { ...base, type: 'template', template: { language: { code: 'id' } } }, 100, /template\.name/],
  ['template without language code', { ...base, type: 'template', template: { name: 'x', language: {} } }, 100, /language\.code/],
  ['template button without index', { ...base, type: 'template', template: { name: 'x', language: { code: 'id' }, components: [{ type: 'button', sub_type: 'quick_reply' }] } }, 100, /index/],
  ['biz_opaque_callback_data over 512', { ...base, type: 'text', text: { body: 'x' }, biz_opaque_callback_data: s(513) }, 131009, /512/],
];

describe('simulator/send-validation', () => {
  it.each(valid)('accepts %s', (_name, body) => {
    const r = validateSendBody(body, '62315550123');
    expect(r).toMatchObject({ kind: 'message' });
  });

  it.each(rejected)('rejects %s', (_name, body, code, details) => {
    const r = validateSendBody(body, '62315550123');
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    expect(r.code).toBe(code);
    expect(r.details).toMatch(details);
  });

  it('returns the digits of `to` as wa_id and echoes the input', () => {
    expect(validateSendBody({ ...base, to: '+62 812-3456-7001', text: { body: 'x' } })).toEqual({
      kind: 'message',
      type: 'text',
      input: '+62 812-3456-7001',
      waId: '6281234567001',
    });
  });

  it('recognises mark-as-read, with or without the typing indicator', () => {
    expect(validateSendBody({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.X' })).toEqual({ kind: 'read', messageId: 'wamid.X', typing: false });
    expect(validateSendBody({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.X', typing_indicator: { type: 'text' } })).toEqual({
      kind: 'read',
      messageId: 'wamid.X',
      typing: true,
    });
    expect(validateSendBody({ messaging_product: 'whatsapp', status: 'read' })).toMatchObject({ kind: 'invalid', code: 100 });
    expect(validateSendBody({ messaging_product: 'whatsapp', status: 'delivered', message_id: 'wamid.X' })).toMatchObject({ kind: 'invalid', code: 131009 });
  });
});
