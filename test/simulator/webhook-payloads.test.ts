import { describe, expect, it } from 'vitest';
import {
  buttonReplyMessage,
  combineWebhooks,
  contactsMessage,
  listReplyMessage,
  locationMessage,
  mediaMessage,
  messagesWebhook,
  newWamid,
  orderMessage,
  reactionMessage,
  requestWelcomeMessage,
  statusesWebhook,
  statusObject,
  systemMessage,
  templateButtonMessage,
  textMessage,
  unsupportedMessage,
} from '../../simulator/webhook-payloads.ts';
import { webhookError } from '../../simulator/graph-errors.ts';

const business = { phoneNumberId: '106540352242922', displayPhoneNumber: '62315550123', wabaId: '102290129340398' };
const from = '6281234567001';
const ctx = { from: business.displayPhoneNumber, id: 'wamid.OURS' };
const BASE64_SHA256 = /^[A-Za-z0-9+/]{43}=$/;

describe('simulator/webhook-payloads', () => {
  it('wraps messages in Meta’s envelope with metadata and the sender’s contact', () => {
    const m = textMessage({ from, body: 'halo', timestamp: 1795399200 });
    const body = messagesWebhook(business, [{ waId: from, name: 'Budi' }], [m]);
    expect(body).toEqual({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: business.wabaId,
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '62315550123', phone_number_id: '106540352242922' },
                contacts: [{ profile: { name: 'Budi' }, wa_id: from }],
                messages: [{ from, id: m.id, timestamp: '1795399200', type: 'text', text: { body: 'halo' } }],
              },
            },
          ],
        },
      ],
    });
  });

  it('makes wamids like Meta’s: wamid. + base64 that holds the number, all unique', () => {
    const ids = new Set(Array.from({ length: 500 }, () => newWamid(from)));
    expect(ids.size).toBe(500);
    const id = [...ids][0] ?? '';
    expect(id).toMatch(/^wamid\.[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(id.slice(6), 'base64').toString('latin1')).toContain(from);
  });

  it('uses epoch seconds as strings, now by default', () => {
    const m = textMessage({ from, body: 'x' });
    expect(m.timestamp).toMatch(/^\d{10}$/);
    expect(Math.abs(Number(m.timestamp) - Date.now() / 1000)).toBeLessThan(5);
    expect(textMessage({ from, body: 'x', timestamp: new Date('2026-01-01T00:00:00Z') }).timestamp).toBe('1767225600');
  });

  it('marks forwarded and frequently forwarded text with one flag each', () => {
    expect(textMessage({ from, body: 'x', forwarded: true }).context).toEqual({ forwarded: true });
    expect(textMessage({ from, body: 'x', frequentlyForwarded: true }).context).toEqual({ frequently_forwarded: true });
    expect(textMessage({ from, body: 'x' }).context).toBeUndefined();
  });

  it('builds interactive replies and template button taps with context to our message', () => {
    const b = buttonReplyMessage({ from, replyId: 'rs', title: 'RS rujukan', context: ctx });
    expect(b).toMatchObject({ type: 'interactive', context: ctx, interactive: { type: 'button_reply', button_reply: { id: 'rs', title: 'RS rujukan' } } });
    const l = listReplyMessage({ from, replyId: 'radar', title: 'Radar', description: 'Zona', context: ctx });
    expect(l.interactive).toEqual({ type: 'list_reply', list_reply: { id: 'radar', title: 'Radar', description: 'Zona' } });
    const noDesc = listReplyMessage({ from, replyId: 'a', title: 'A', context: ctx });
    expect(noDesc.interactive).toEqual({ type: 'list_reply', list_reply: { id: 'a', title: 'A' } });
    const t = templateButtonMessage({ from, payload: 'STOP', text: 'Berhenti', context: ctx });
    expect(t).toMatchObject({ type: 'button', button: { payload: 'STOP', text: 'Berhenti' }, context: ctx });
    expect(t.interactive).toBeUndefined();
  });

  it('builds location pins with numbers, name and address only when given', () => {
    expect(locationMessage({ from, latitude: -7.27, longitude: 112.72 }).location).toEqual({ latitude: -7.27, longitude: 112.72 });
    expect(locationMessage({ from, latitude: -7.27, longitude: 112.72, name: 'Surabaya', address: 'Jl. A' }).location).toEqual({
      latitude: -7.27,
      longitude: 112.72,
      name: 'Surabaya',
      address: 'Jl. A',
    });
  });

  it('builds every media type with id, mime_type, base64 sha256 and its extras', () => {
    const img = mediaMessage({ from, kind: 'image', caption: 'lihat ini' });
    expect(img.type).toBe('image');
    expect(img.image).toMatchObject({ mime_type: 'image/jpeg', caption: 'lihat ini' });
    expect(img.image?.id).toMatch(/^\d{16}$/);
    expect(img.image?.sha256).toMatch(BASE64_SHA256);
    expect(mediaMessage({ from, kind: 'video', caption: 'c' }).video).toMatchObject({ mime_type: 'video/mp4', caption: 'c' });
    expect(mediaMessage({ from, kind: 'audio' }).audio).toMatchObject({ mime_type: 'audio/ogg; codecs=opus', voice: true });
    expect(mediaMessage({ from, kind: 'audio', voice: false }).audio?.voice).toBe(false);
    expect(mediaMessage({ from, kind: 'document', caption: 'surat' }).document).toMatchObject({ filename: 'dokumen.pdf', caption: 'surat' });
    const sticker = mediaMessage({ from, kind: 'sticker', caption: 'ignored' }).sticker;
    expect(sticker).toMatchObject({ mime_type: 'image/webp', animated: false });
    expect(sticker?.caption).toBeUndefined();
    expect(mediaMessage({ from, kind: 'image', forwarded: true }).context).toEqual({ forwarded: true });
  });

  it('builds contacts, reactions (and their removal), orders, system, unsupported and request_welcome', () => {
    expect(contactsMessage({ from, contacts: [{ name: { formatted_name: 'Bu Rina' } }] }).contacts).toEqual([{ name: { formatted_name: 'Bu Rina' } }]);
    expect(reactionMessage({ from, messageId: 'wamid.X', emoji: '👍' }).reaction).toEqual({ message_id: 'wamid.X', emoji: '👍' });
    expect(reactionMessage({ from, messageId: 'wamid.X' }).reaction).toEqual({ message_id: 'wamid.X' });
    const item = { product_retailer_id: 'p1', quantity: 1, item_price: 5000, currency: 'IDR' };
    expect(orderMessage({ from, catalogId: 'c1', items: [item] }).order).toEqual({ catalog_id: 'c1', product_items: [item] });
    expect(systemMessage({ from, newWaId: '6281300000000' }).system).toMatchObject({ type: 'user_changed_number', wa_id: '6281300000000' });
    const u = unsupportedMessage({ from, unsupportedType: 'poll_creation' });
    expect(u.unsupported).toEqual({ type: 'poll_creation' });
    expect(u.errors?.[0]).toMatchObject({ code: 131051, title: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } });
    const w = requestWelcomeMessage({ from });
    expect(Object.keys(w).sort()).toEqual(['from', 'id', 'timestamp', 'type']);
    expect(w.type).toBe('request_welcome');
  });

  it('leaves contacts out of a system-message webhook', () => {
    const body = messagesWebhook(business, [{ waId: from, name: 'Budi' }], [systemMessage({ from, newWaId: '6281300000000' })]);
    expect(body.entry[0]?.changes[0]?.value.contacts).toBeUndefined();
  });

  it('builds statuses: pricing on sent and delivered, none on read, errors on failed', () => {
    const sent = statusObject({ wamid: 'wamid.A', status: 'sent', recipientId: from, timestamp: 1795399200 });
    expect(sent).toEqual({
      id: 'wamid.A',
      status: 'sent',
      timestamp: '1795399200',
      recipient_id: from,
      pricing: { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' },
    });
    expect(statusObject({ wamid: 'wamid.A', status: 'delivered', recipientId: from }).pricing).toBeDefined();
    expect(statusObject({ wamid: 'wamid.A', status: 'read', recipientId: from }).pricing).toBeUndefined();
    const failed = statusObject({ wamid: 'wamid.A', status: 'failed', recipientId: from, errors: [webhookError(131026)] });
    expect(failed.pricing).toBeUndefined();
    expect(failed.errors?.[0]).toMatchObject({ code: 131026, title: 'Message Undeliverable', error_data: { details: expect.any(String) } });
    const body = statusesWebhook(business, [failed], [{ profile: { name: 'Budi' }, wa_id: from }]);
    expect(body.entry[0]?.changes[0]?.value.contacts).toBeUndefined();
    expect(body.entry[0]?.changes[0]?.value.statuses).toEqual([failed]);
  });

  it('carries several messages in one change and several entries in one body', () => {
    const a = textMessage({ from, body: 'satu' });
    const b = textMessage({ from: '6281234567002', body: 'dua' });
    const one = messagesWebhook(business, [{ waId: from, name: 'A' }, { waId: '6281234567002', name: 'B' }], [a, b]);
    expect(one.entry[0]?.changes[0]?.value.messages).toHaveLength(2);
    expect(one.entry[0]?.changes[0]?.value.contacts).toHaveLength(2);
    const status = statusesWebhook(business, [statusObject({ wamid: 'wamid.A', status: 'read', recipientId: from })]);
    const both = combineWebhooks(one, status);
    expect(both.object).toBe('whatsapp_business_account');
    expect(both.entry).toHaveLength(2);
    expect(both.entry[1]?.changes[0]?.value.statuses?.[0]?.status).toBe('read');
  });
});
