import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { seedContent } from '../../../../bot-service/content/seed.ts';
import { openDatabase, type Db } from '../../../../bot-service/db/open.ts';
import { createFlowEngine, type EngineResult } from '../../../../bot-service/flows/engine.ts';
import { validateOutbound } from '../../../../bot-service/flows/limits.ts';
import type { ConversationState, InboundForFlow, Language } from '../../../../bot-service/flows/types.ts';

/**
 * A real SQLite file in a temp dir with the seeded content, the real engine, and citizens whose
 * contact and conversation rows live in that database. Each message's result is applied the way
 * the pipeline applies it (flow state, language, region, handoff), and every reply is checked
 * against WhatsApp's limits.
 */

export type World = { db: Db; engine: ReturnType<typeof createFlowEngine>; close: () => void; citizen: (name?: string) => Citizen };

let counter = 0;

export function createWorld(): World {
  const dir = mkdtempSync(join(tmpdir(), 'flow-engine-'));
  const db = openDatabase(join(dir, 'bot.db'));
  seedContent(db);
  const engine = createFlowEngine();
  return {
    db,
    engine,
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
    citizen: (name = 'Warga') => new Citizen(db, engine, name),
  };
}

type MessageInput = Partial<InboundForFlow> & { type: string };

export class Citizen {
  readonly db: Db;
  readonly engine: ReturnType<typeof createFlowEngine>;
  readonly contactId: number;
  conversationId: number;
  language: Language = 'id';
  regionCode: string | null = null;
  flowState: unknown = null;
  handled = 0;
  now = Date.UTC(2020, 3, 10, 3, 0, 0);
  last: EngineResult | null = null;
  /** How long the engine took to decide the last message (ms), without the harness's own work. */
  lastEngineMs = 0;

  constructor(db: Db, engine: ReturnType<typeof createFlowEngine>, name: string) {
    this.db = db;
    this.engine = engine;
    counter++;
    this.contactId = Number(
      db.prepare('INSERT INTO contacts (wa_key, wa_id, profile_name, created_at) VALUES (?, ?, ?, ?)').run(`62812${counter}`, `62812${counter}`, name, this.now)
        .lastInsertRowid
    );
    this.conversationId = this.newConversation();
  }

  newConversation(): number {
    this.conversationId = Number(
      this.db
        .prepare('INSERT INTO conversations (contact_id, started_at, last_message_at, region_code) VALUES (?, ?, ?, ?)')
        .run(this.contactId, this.now, this.now, this.regionCode).lastInsertRowid
    );
    return this.conversationId;
  }

  get conversation(): { state: ConversationState; priority: number; region_code: string | null; feature: string | null } {
    return this.db.prepare('SELECT state, priority, region_code, feature FROM conversations WHERE id = ?').get(this.conversationId) as never;
  }

  setConversationState(state: ConversationState): void {
    this.db.prepare('UPDATE conversations SET state = ? WHERE id = ?').run(state, this.conversationId);
  }

  send(input: MessageInput): EngineResult {
    this.now += 5000;
    const conv = this.conversation;
    const message: InboundForFlow = {
      inboundId: this.handled + 1,
      wamid: `wamid.${this.contactId}.${this.handled}`,
      text: null,
      replyId: null,
      location: null,
      media: null,
      forwarded: 0,
      timestamp: Math.floor(this.now / 1000),
      ...input,
    };
    const t0 = performance.now();
    const result = this.engine.handle({
      db: this.db,
      now: this.now,
      message,
      contact: {
        id: this.contactId,
        profileName: 'Warga',
        language: this.language,
        regionCode: this.regionCode,
        flowState: this.flowState === null ? null : JSON.parse(JSON.stringify(this.flowState)),
      },
      conversation: { id: this.conversationId, state: conv.state, isNew: false, regionCode: conv.region_code, feature: conv.feature },
    });
    this.lastEngineMs = performance.now() - t0;
    this.handled++;
    for (const reply of result.replies) {
      expect(validateOutbound(reply.body), JSON.stringify(reply.body)).toEqual([]);
      expect(reply.summary.length).toBeGreaterThan(0);
    }
    this.apply(result);
    this.last = result;
    return result;
  }

  private apply(result: EngineResult): void {
    this.flowState = result.flowState === undefined ? null : JSON.parse(JSON.stringify(result.flowState));
    if (result.contact?.language) this.language = result.contact.language;
    if (result.contact?.regionCode !== undefined) this.regionCode = result.contact.regionCode;
    const c = result.conversation ?? {};
    const conv = this.conversation;
    let state = conv.state;
    if (c.handoff && state === 'bot') state = 'waiting';
    if (c.release && (state === 'waiting' || state === 'assigned')) state = 'bot';
    this.db
      .prepare('UPDATE conversations SET state = ?, priority = MAX(priority, ?), region_code = ?, feature = COALESCE(?, feature) WHERE id = ?')
      .run(state, c.handoff?.priority ?? 0, c.regionCode !== undefined ? c.regionCode : (this.regionCode ?? conv.region_code), c.feature ?? null, this.conversationId);
  }

  text(body: string, extra: Partial<InboundForFlow> = {}): EngineResult {
    return this.send({ type: 'text', text: body, ...extra });
  }

  /** Taps a list row or button we sent, by its id (the title comes back as text, as Meta sends it). */
  tap(replyId: string, title = ''): EngineResult {
    return this.send({ type: 'interactive', text: title || replyId, replyId });
  }

  pin(latitude: number, longitude: number): EngineResult {
    return this.send({ type: 'location', location: { latitude, longitude, name: null, address: null } });
  }
}

/** All reply texts of a result joined (bodies of text, button and list messages). */
export function textOf(result: EngineResult): string {
  return result.replies.map(r => bodyText(r.body)).join('\n---\n');
}

export function bodyText(body: Record<string, unknown>): string {
  if (body.type === 'text') return (body.text as { body: string }).body;
  const i = body.interactive as { body: { text: string } };
  return i.body.text;
}

type Row = { id: string; title: string; description?: string };

/** The choices (list rows or buttons) of the last interactive reply in a result. */
export function choicesOf(result: EngineResult): Row[] {
  for (const reply of [...result.replies].reverse()) {
    const body = reply.body as Record<string, unknown>;
    if (body.type !== 'interactive') continue;
    const i = body.interactive as { type: string; action: { buttons?: Array<{ reply: Row }>; sections?: Array<{ rows: Row[] }> } };
    if (i.type === 'button') return (i.action.buttons ?? []).map(b => b.reply);
    if (i.type === 'list') return (i.action.sections ?? []).flatMap(s => s.rows);
  }
  return [];
}

export function interactiveTypes(result: EngineResult): string[] {
  return result.replies.map(r => {
    const b = r.body as Record<string, unknown>;
    return b.type === 'interactive' ? `interactive:${(b.interactive as { type: string }).type}` : String(b.type);
  });
}
