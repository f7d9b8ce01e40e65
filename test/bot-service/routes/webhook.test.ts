import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Service } from '../../../bot-service/server.ts';
import { envelope, messageTypes, messageValue, nowSeconds, statusValue, wamid } from '../fixtures/webhooks.ts';
import { appSecret, count, signedPost, startService, tempDir, verifyToken } from '../helpers.ts';

let service: Service;
let cleanup: () => void;

beforeEach(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  service = await startService(t.dir);
});

afterEach(async () => {
  await service.close();
  cleanup();
});

const post = (body: unknown, secret = appSecret) => service.app.inject({ method: 'POST', url: '/webhooks/whatsapp', ...signedPost(body, secret) });
const stored = () => count(service, 'SELECT COUNT(*) AS n FROM inbound_messages');

describe('routes/webhook verification handshake', () => {
  it('answers the challenge as plain text for the right token', async () => {
    const res = await service.app.inject({
      method: 'GET',
      url: `/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=1158201444`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('1158201444');
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
  });

  it('refuses a wrong token or mode', async () => {
    for (const q of ['hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1', 'hub.mode=unsubscribe&hub.verify_token=' + verifyToken + '&hub.challenge=1', '']) {
      const res = await service.app.inject({ method: 'GET', url: `/webhooks/whatsapp?${q}` });
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('1158201444');
    }
  });
});

describe('routes/webhook signature', () => {
  const body = () => envelope([messageValue('6281234567001', messageTypes.text!)]);

  it('stores a correctly signed message and answers 200', async () => {
    const res = await post(body());
    expect(res.statusCode).toBe(200);
    expect(stored()).toBe(1);
  });

  it('answers 401 and stores nothing for a wrong, malformed or missing signature', async () => {
    expect((await post(body(), 'another-secret')).statusCode).toBe(401);
    const payload = JSON.stringify(body());
    const malformed = await service.app.inject({
      method: 'POST', url: '/webhooks/whatsapp', payload, headers: { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=abc' },
    });
    expect(malformed.statusCode).toBe(401);
    const missing = await service.app.inject({ method: 'POST', url: '/webhooks/whatsapp', payload, headers: { 'content-type': 'application/json' } });
    expect(missing.statusCode).toBe(401);
    expect(stored()).toBe(0);
    expect(count(service, 'SELECT COUNT(*) AS n FROM webhook_events')).toBe(0);
    expect(count(service, 'SELECT COUNT(*) AS n FROM contacts')).toBe(0);
  });

  it('checks the signature over the raw bytes (escaped unicode as Meta sends it)', async () => {
    const json = JSON.stringify(envelope([messageValue('6281234567001', { type: 'text', text: { body: 'Halo 😷 Suroboyo' } })]));
    // Meta escapes non-ASCII as \uXXXX; re-serialising would change the bytes and the signature.
    const escaped = json.replace(/[\u007f-\uffff]/g, c => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
    const res = await post(escaped);
    expect(res.statusCode).toBe(200);
    const row = service.db.prepare('SELECT text FROM inbound_messages').get() as { text: string };
    expect(row.text).toBe('Halo 😷 Suroboyo');
    const raw = service.db.prepare('SELECT body FROM webhook_events').get() as { body: string };
    expect(raw.body).toBe(escaped);
  });
});

describe('routes/webhook message types', () => {
  for (const [name, message] of Object.entries(messageTypes)) {
    it(`stores a ${name} message with its type and raw payload`, async () => {
      const value = messageValue('6281234567002', message);
      const res = await post(envelope([value]));
      expect(res.statusCode).toBe(200);
      const row = service.db.prepare('SELECT type, payload, forwarded, text FROM inbound_messages').get() as {
        type: string; payload: string; forwarded: number; text: string | null;
      };
      expect(row.type).toBe(message.type);
      const payload = JSON.parse(row.payload);
      expect(payload[message.type as string]).toEqual(message[message.type as string]);
      if (name === 'forwardedText' || name === 'video') expect(row.forwarded).toBe(1);
      if (name === 'frequentlyForwarded') expect(row.forwarded).toBe(2);
      if (name === 'text') expect(row.text).toBe('Halo, apa gejala corona? 😷');
      if (name === 'listReply') expect(row.text).toBe('Radar COVID-19');
      if (name === 'image') expect(row.text).toBe('Ini benar?');
    });
  }

  it('keys a contact on user_id where wa_id is absent (business-scoped ids)', async () => {
    const body = envelope([
      {
        contacts: [{ profile: { name: 'Budi', username: 'budi' }, user_id: 'ID.1349120865530274' }],
        messages: [{ from_user_id: 'ID.1349120865530274', id: wamid(), timestamp: nowSeconds(), type: 'text', text: { body: 'halo' } }],
      },
    ]);
    expect((await post(body)).statusCode).toBe(200);
    const contact = service.db.prepare('SELECT wa_key, wa_id, user_id, profile_name FROM contacts').get();
    expect(contact).toEqual({ wa_key: 'ID.1349120865530274', wa_id: null, user_id: 'ID.1349120865530274', profile_name: 'Budi' });
  });
});

describe('routes/webhook batches and duplicates', () => {
  it('stores several entries, changes and messages from one POST', async () => {
    const a = messageValue('6281100000001', messageTypes.text!);
    const b = { contacts: [{ profile: { name: 'B' }, wa_id: '6281100000002' }], messages: [0, 1, 2].map(i => ({ from: '6281100000002', id: wamid(), timestamp: nowSeconds(), type: 'text', text: { body: `m${i}` } })) };
    const body = envelope([a, b]) as { entry: unknown[] };
    const second = envelope([messageValue('6281100000003', messageTypes.location!)]) as { entry: unknown[] };
    body.entry.push(...second.entry);
    expect((await post(body)).statusCode).toBe(200);
    expect(stored()).toBe(5);
    expect(count(service, 'SELECT COUNT(*) AS n FROM contacts')).toBe(3);
  });

  it('stores a retried or duplicated message once and answers it once', async () => {
    const body = envelope([messageValue('6281234567003', messageTypes.text!)]);
    const results = await Promise.all([post(body), post(body), post(body)]);
    expect(results.map(r => r.statusCode)).toEqual([200, 200, 200]);
    await service.whenIdle();
    expect((await post(body)).statusCode).toBe(200);
    await service.whenIdle();
    expect(stored()).toBe(1);
    expect(count(service, "SELECT COUNT(*) AS n FROM outbound_messages WHERE kind = 'message'")).toBe(1);
  });

  it('acknowledges and ignores changes for another phone number id', async () => {
    const res = await post(envelope([messageValue('6281234567004', messageTypes.text!)], '999999999'));
    expect(res.statusCode).toBe(200);
    expect(stored()).toBe(0);
    expect(count(service, 'SELECT COUNT(*) AS n FROM webhook_events')).toBe(0);
  });

  it('ignores other fields and value-level errors without failing', async () => {
    const body = { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'account_update', value: { event: 'X' } }] }] };
    expect((await post(body)).statusCode).toBe(200);
    const errorsOnly = envelope([{ errors: [{ code: 130429, title: 'Rate limit hit' }] }]);
    expect((await post(errorsOnly)).statusCode).toBe(200);
  });

  it('accepts a body of close to 3 MB', async () => {
    const big = 'x'.repeat(2_900_000);
    const res = await post(envelope([messageValue('6281234567005', { type: 'text', text: { body: big } })]));
    expect(res.statusCode).toBe(200);
    expect(count(service, 'SELECT length(text) AS n FROM inbound_messages')).toBe(big.length);
  });
});

describe('routes/webhook malformed bodies', () => {
  const cases: Array<[string, string]> = [
    ['not JSON', '{"object": '],
    ['an array', '[]'],
    ['no entry', '{"object":"whatsapp_business_account"}'],
    ['another object', '{"object":"page","entry":[]}'],
    ['a message without id', JSON.stringify(envelope([{ messages: [{ from: '62811', timestamp: '1', type: 'text' }] }]))],
    ['a bad timestamp', JSON.stringify(envelope([{ messages: [{ from: '62811', id: 'w1', timestamp: 'yesterday', type: 'text' }] }]))],
    ['a message without sender', JSON.stringify(envelope([{ messages: [{ id: 'w2', timestamp: '1', type: 'text', text: { body: 'x' } }] }]))],
    ['statuses not an array', JSON.stringify(envelope([{ statuses: { id: 'x' } }]))],
  ];
  for (const [name, payload] of cases) {
    it(`answers 400 with a reason for ${name}, and stores nothing`, async () => {
      const res = await post(payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatch(/\w/);
      expect(stored()).toBe(0);
      expect(count(service, 'SELECT COUNT(*) AS n FROM webhook_events')).toBe(0);
    });
  }
});

describe('routes/webhook statuses', () => {
  async function sentMessage(): Promise<{ id: number; wamid: string }> {
    const contact = service.db.prepare("INSERT INTO contacts (wa_key, wa_id, last_inbound_ts, created_at) VALUES ('6281234567009', '6281234567009', ?, ?) RETURNING id").get(Math.floor(Date.now() / 1000), Date.now()) as { id: number };
    const id = `wamid.sent${Math.random().toString(36).slice(2)}`;
    const row = service.db
      .prepare("INSERT INTO outbound_messages (contact_id, kind, type, body, author, status, wamid, next_attempt_at, created_at) VALUES (?, 'message', 'text', '{}', 'bot', 'accepted', ?, 0, 0) RETURNING id")
      .get(contact.id, id) as { id: number };
    return { id: row.id, wamid: id };
  }
  const statusOf = (id: number) => (service.db.prepare('SELECT status FROM outbound_messages WHERE id = ?').get(id) as { status: string }).status;

  it('moves forward only, whatever order the statuses arrive in', async () => {
    const m = await sentMessage();
    await post(envelope([statusValue(m.wamid, 'read')]));
    expect(statusOf(m.id)).toBe('read');
    await post(envelope([statusValue(m.wamid, 'delivered')]));
    await post(envelope([statusValue(m.wamid, 'sent')]));
    expect(statusOf(m.id)).toBe('read');
  });

  it('records a failed status with its error code and reason', async () => {
    const m = await sentMessage();
    await post(envelope([statusValue(m.wamid, 'failed', { errors: [{ code: 131026, title: 'Message undeliverable', message: 'Message undeliverable', error_data: { details: 'not on WhatsApp' } }] })]));
    const row = service.db.prepare('SELECT status, error_code, error_reason FROM outbound_messages WHERE id = ?').get(m.id) as Record<string, unknown>;
    expect(row).toEqual({ status: 'failed', error_code: 131026, error_reason: 'Message undeliverable: not on WhatsApp' });
  });

  it('answers 200 for an unknown id and applies it once the send is recorded', async () => {
    const res = await post(envelope([statusValue('wamid.notyet', 'delivered')]));
    expect(res.statusCode).toBe(200);
    expect(count(service, "SELECT COUNT(*) AS n FROM pending_statuses WHERE wamid = 'wamid.notyet'")).toBe(1);
  });
});
