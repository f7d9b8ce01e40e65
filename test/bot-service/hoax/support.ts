/**
 * Set-up for the hoax desk tests: bot-service with the real conversation engine on a temp
 * database (optionally with the simulator's fake Graph API on real ports), citizens who forward
 * messages through the signed webhook, and staff who log in through the API.
 */
import type { Role } from '../../../bot-service/contract/auth.ts';
import { createUser } from '../../../bot-service/db/queries/users.ts';
import { createFlowEngine } from '../../../bot-service/flows/engine.ts';
import type { Service } from '../../../bot-service/server.ts';
import type { FakeGraph } from '../../../simulator/fake-graph.ts';
import { envelope, messageValue } from '../fixtures/webhooks.ts';
import { startWithGraph } from '../graph-harness.ts';
import { signedPost, startService, tempDir } from '../helpers.ts';

export type Desk = { service: Service; graph: FakeGraph | null; close: () => Promise<void> };

export async function startDesk(options: { graph?: boolean } = {}): Promise<Desk> {
  const t = tempDir();
  const engine = createFlowEngine();
  if (options.graph) {
    const h = await startWithGraph(t.dir, { engine });
    return {
      service: h.service,
      graph: h.graph,
      close: async () => {
        await h.close();
        t.cleanup();
      },
    };
  }
  // The sender retries a Graph URL nobody listens on: fine for tests that read the outbox.
  const service = await startService(t.dir, { engine });
  return {
    service,
    graph: null,
    close: async () => {
      await service.close();
      t.cleanup();
    },
  };
}

let phoneSeq = 0;
/** A fresh citizen number. */
export const newCitizen = (): string => `62813${String(process.pid % 100000).padStart(5, '0')}${String(++phoneSeq).padStart(3, '0')}`;

/** Sends one message object from the citizen through the signed webhook and waits until handled. */
export async function send(service: Service, waId: string, message: Record<string, unknown>, name = 'Warga Jatim'): Promise<void> {
  const res = await service.app.inject({ method: 'POST', url: '/webhooks/whatsapp', ...signedPost(envelope([messageValue(waId, message, name)])) });
  if (res.statusCode !== 200) throw new Error(`webhook answered ${res.statusCode}`);
  await service.whenIdle();
}

export async function says(service: Service, waId: string, text: string): Promise<void> {
  await send(service, waId, { type: 'text', text: { body: text } });
}

/** The citizen forwards a text (WhatsApp's context.forwarded, or frequently_forwarded). */
export async function forwards(service: Service, waId: string, text: string, frequently = false): Promise<void> {
  await send(service, waId, { type: 'text', text: { body: text }, context: { forwarded: true, ...(frequently ? { frequently_forwarded: true } : {}) } });
}

/** The citizen forwards a picture known by its sha256, with an optional caption. */
export async function forwardsImage(service: Service, waId: string, sha256: string, caption?: string): Promise<void> {
  await send(service, waId, {
    type: 'image',
    image: { mime_type: 'image/jpeg', sha256, id: `media-${sha256.slice(0, 6)}`, ...(caption !== undefined ? { caption } : {}) },
    context: { forwarded: true },
  });
}

/** Sets the citizen's region as if they had named it. */
export function setRegion(service: Service, waId: string, code: string): void {
  service.db.prepare('UPDATE contacts SET region_code = ? WHERE wa_key = ?').run(code, waId);
}

/** Moves the citizen's last message 25 hours back: the 24-hour window is closed. */
export function closeWindow(service: Service, waId: string): void {
  service.db.prepare('UPDATE contacts SET last_inbound_ts = ? WHERE wa_key = ?').run(Math.floor(Date.now() / 1000) - 25 * 3600, waId);
}

export function contactId(service: Service, waId: string): number {
  return service.db.prepare('SELECT id FROM contacts WHERE wa_key = ?').pluck().get(waId) as number;
}

export type ClaimRow = { id: number; cluster_id: number; contact_id: number; region_code: string | null; via: string; forwarded: number; text: string | null; media_sha256: string | null; matched_hoax_id: string | null };

/** The claims of a citizen, oldest first. */
export function claimsOf(service: Service, waId: string): ClaimRow[] {
  return service.db
    .prepare('SELECT h.* FROM hoax_claims h JOIN contacts c ON c.id = h.contact_id WHERE c.wa_key = ? ORDER BY h.id')
    .all(waId) as ClaimRow[];
}

export function clusterOf(service: Service, waId: string): number {
  const claims = claimsOf(service, waId);
  if (claims.length === 0) throw new Error(`${waId} has no claim`);
  return claims[claims.length - 1]!.cluster_id;
}

let userSeq = 0;
export type StaffUser = { id: number; role: Role; token: string };

/** Creates a user (cheap hash) and logs in through the API. */
export async function login(service: Service, role: Role): Promise<StaffUser> {
  const username = `hoax-${role}-${++userSeq}`;
  const password = 'correct horse battery';
  const { id } = createUser(service.db, { username, password, role, displayName: `Staf ${role}`, hashCost: 4 });
  const res = await service.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return { id, role, token: (res.json() as { token: string }).token };
}

export type Answer = { status: number; body: any };

/** One console API call; `user` null sends no Authorization header. */
export async function call(service: Service, user: StaffUser | null, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<Answer> {
  const res = await service.app.inject({
    method,
    url,
    headers: user ? { authorization: `Bearer ${user.token}` } : {},
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
  });
  return { status: res.statusCode, body: res.body === '' ? null : res.json() };
}

/** Texts queued for a citizen since `afterId` (outbound ids), oldest first. */
export function outboxOf(service: Service, waId: string, afterId = 0): Array<{ id: number; kind: string; type: string; text: string | null; author: string; body: string }> {
  return service.db
    .prepare(
      `SELECT o.id, o.kind, o.type, o.text, o.author, o.body FROM outbound_messages o JOIN contacts c ON c.id = o.contact_id
       WHERE c.wa_key = ? AND o.kind != 'read' AND o.id > ? ORDER BY o.id`
    )
    .all(waId, afterId) as Array<{ id: number; kind: string; type: string; text: string | null; author: string; body: string }>;
}

export function lastOutboundId(service: Service): number {
  return (service.db.prepare('SELECT COALESCE(MAX(id), 0) FROM outbound_messages').pluck().get() as number) ?? 0;
}

/** A published, approved `klarifikasi_hoaks` template, as the content screen would leave it. */
export function insertClarificationTemplate(service: Service, body = 'Hasil cek fakta Posko COVID-19 Jatim: {{1}}. {{2}}', approved = true): void {
  const params = Math.max(0, ...[...body.matchAll(/\{\{(\d+)\}\}/g)].map(m => Number(m[1])));
  service.db
    .prepare(
      "INSERT INTO message_templates (name, language, body, param_count, approved, version, updated_at, updated_by) VALUES ('klarifikasi_hoaks', 'id', ?, ?, ?, 1, ?, 'test')"
    )
    .run(body, params, approved ? 1 : 0, Date.now());
}

/** A rumour not among the known hoaxes, and mutated copies of it as chain messages travel. */
export const rumour = {
  original:
    'Pengumuman PLN: mulai besok listrik di seluruh Jawa Timur dipadamkan selama 3 hari untuk sterilisasi jaringan dari virus corona. Siapkan lilin, isi air dan cas semua HP.',
  greeting:
    'Assalamualaikum wr wb. Pengumuman PLN!! mulai besok listrik di seluruh jawa timur dipadamkan selama 3 hari untuk sterilisasi jaringan dari virus corona. siapkan lilin, isi air dan cas semua hp. SEBARKAN!!',
  javanese:
    'Pengumuman PLN: wiwit sesuk listrik nang sak Jawa Timur dipateni 3 dino gawe sterilisasi jaringan soko virus corona. Siapno lilin, isi banyu lan cas kabeh HP',
  cutOff: 'Pengumumn PLN: mulai besok lstrik di seluruh Jawa Timur dipadamkan slama 3 hari untk sterilisasi jaringan dari virus corona. Siapkn lilin',
};

/** Another rumour, unrelated to the first. */
export const otherRumour =
  'Bank Indonesia menarik semua uang kertas lama karena bisa menularkan virus corona. Segera tukarkan uang kertas Anda di bank sebelum tanggal 30, setelah itu tidak berlaku lagi!';
