/**
 * The phones' side of the conversation, in memory: citizens, and each chat's
 * messages in both directions in order, with their delivery state. Every
 * change is an event for the phone page's live stream.
 */
import type { InboundMessage } from './webhook-types.ts';

export type Citizen = { waId: string; name: string; createdAt: number; lastAt: number; lastPreview: string; unread: number };

/** Ticks of the citizen's own message: ✓ sent, ✓✓ delivered (bot answered 200), blue ✓✓ read. */
export type CitizenMessageStatus = 'sent' | 'delivered' | 'read';
/** What the status webhooks told the bot about its message. */
export type BotMessageStatus = 'accepted' | 'sent' | 'delivered' | 'read' | 'failed';

export type ChatEntry =
  | {
      seq: number;
      time: number;
      from: 'citizen';
      wamid: string;
      type: string;
      message: InboundMessage;
      status: CitizenMessageStatus;
      /** the bot's HTTP answer to the webhook (0: no answer), last attempt */
      botStatus: number | null;
      attempts: number;
    }
  | {
      seq: number;
      time: number;
      from: 'bot';
      wamid: string;
      type: string;
      /** the Graph send body exactly as the bot posted it */
      body: Record<string, unknown>;
      status: BotMessageStatus;
    };

export type ChatEvent =
  | { type: 'citizen'; citizen: Citizen }
  | { type: 'message'; waId: string; entry: ChatEntry }
  | { type: 'update'; waId: string; entry: ChatEntry }
  | { type: 'typing'; waId: string; on: boolean }
  | { type: 'reset' };

const CITIZEN_RANK: Record<CitizenMessageStatus, number> = { sent: 0, delivered: 1, read: 2 };
const BOT_RANK: Record<BotMessageStatus, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

export type ChatStore = ReturnType<typeof createChatStore>;

export function previewOf(entry: ChatEntry): string {
  if (entry.from === 'citizen') {
    const m = entry.message;
    if (m.text) return m.text.body;
    if (m.interactive?.type === 'list_reply') return m.interactive.list_reply.title;
    if (m.interactive?.type === 'button_reply') return m.interactive.button_reply.title;
    if (m.location) return `Lokasi: ${m.location.name ?? `${m.location.latitude}, ${m.location.longitude}`}`;
    return `[${m.type}]`;
  }
  const b = entry.body as { text?: { body?: string }; interactive?: { body?: { text?: string } }; template?: { name?: string } };
  return b.text?.body ?? b.interactive?.body?.text ?? (b.template?.name ? `[template ${b.template.name}]` : `[${entry.type}]`);
}

export function createChatStore(options: { maxPerChat?: number } = {}) {
  const maxPerChat = options.maxPerChat ?? 1000;
  const citizens = new Map<string, Citizen>();
  const chats = new Map<string, ChatEntry[]>();
  const byWamid = new Map<string, { waId: string; entry: ChatEntry }>();
  const listeners = new Set<(e: ChatEvent) => void>();
  const typingTimers = new Map<string, NodeJS.Timeout>();
  let seq = 0;

  const emit = (e: ChatEvent) => {
    for (const l of listeners) l(e);
  };

  function ensureCitizen(waId: string, name?: string): Citizen {
    let c = citizens.get(waId);
    const now = Date.now();
    if (!c) {
      c = { waId, name: name?.trim() || waId, createdAt: now, lastAt: now, lastPreview: '', unread: 0 };
      citizens.set(waId, c);
      chats.set(waId, []);
      emit({ type: 'citizen', citizen: c });
    } else if (name?.trim() && name.trim() !== c.name) {
      c.name = name.trim();
      emit({ type: 'citizen', citizen: c });
    }
    return c;
  }

  function append(waId: string, entry: ChatEntry): void {
    const list = chats.get(waId) ?? [];
    chats.set(waId, list);
    list.push(entry);
    byWamid.set(entry.wamid, { waId, entry });
    if (list.length > maxPerChat) {
      for (const old of list.splice(0, list.length - maxPerChat)) byWamid.delete(old.wamid);
    }
    const c = ensureCitizen(waId);
    c.lastAt = entry.time;
    c.lastPreview = previewOf(entry);
    if (entry.from === 'bot') c.unread++;
    emit({ type: 'message', waId, entry });
    emit({ type: 'citizen', citizen: c });
  }

  function setTyping(waId: string, on: boolean): void {
    const t = typingTimers.get(waId);
    if (t) clearTimeout(t);
    typingTimers.delete(waId);
    // WhatsApp drops the indicator after 25 s or at the next message.
    if (on) typingTimers.set(waId, setTimeout(() => setTyping(waId, false), 25_000));
    emit({ type: 'typing', waId, on });
  }

  return {
    ensureCitizen,
    citizen: (waId: string) => citizens.get(waId),
    citizens: () => [...citizens.values()].sort((a, b) => b.lastAt - a.lastAt),
    messages: (waId: string) => chats.get(waId) ?? [],
    entry: (wamid: string) => byWamid.get(wamid)?.entry,

    addCitizenMessage(waId: string, message: InboundMessage): ChatEntry {
      const entry: ChatEntry = {
        seq: ++seq,
        time: Date.now(),
        from: 'citizen',
        wamid: message.id,
        type: message.type,
        message,
        status: 'sent',
        botStatus: null,
        attempts: 0,
      };
      append(waId, entry);
      return entry;
    },

    addBotMessage(waId: string, wamid: string, type: string, body: Record<string, unknown>): ChatEntry {
      if (typingTimers.has(waId)) setTyping(waId, false);
      const entry: ChatEntry = { seq: ++seq, time: Date.now(), from: 'bot', wamid, type, body, status: 'accepted' };
      append(waId, entry);
      return entry;
    },

    /** Record the bot's answer to a citizen message's webhook; 200 means delivered. */
    setBotAnswer(wamid: string, httpStatus: number, attempts: number): void {
      const hit = byWamid.get(wamid);
      if (!hit || hit.entry.from !== 'citizen' || attempts < hit.entry.attempts) return;
      hit.entry.botStatus = httpStatus;
      hit.entry.attempts = attempts;
      if (httpStatus === 200 && CITIZEN_RANK[hit.entry.status] < CITIZEN_RANK.delivered) hit.entry.status = 'delivered';
      emit({ type: 'update', waId: hit.waId, entry: hit.entry });
    },

    /** The bot marked a message read: it and every earlier citizen message turn blue. */
    markReadUpTo(wamid: string, typing: boolean): string | undefined {
      const hit = byWamid.get(wamid);
      if (!hit) return undefined;
      for (const e of chats.get(hit.waId) ?? []) {
        if (e.seq > hit.entry.seq) break;
        if (e.from === 'citizen' && e.status !== 'read') {
          e.status = 'read';
          emit({ type: 'update', waId: hit.waId, entry: e });
        }
      }
      if (typing) setTyping(hit.waId, true);
      return hit.waId;
    },

    /** A status webhook we posted for a bot message; never downgrades. */
    setBotStatus(wamid: string, status: BotMessageStatus): void {
      const hit = byWamid.get(wamid);
      if (!hit || hit.entry.from !== 'bot') return;
      if (BOT_RANK[status] <= BOT_RANK[hit.entry.status]) return;
      hit.entry.status = status;
      emit({ type: 'update', waId: hit.waId, entry: hit.entry });
    },

    /** The phone page shows this chat. */
    markSeen(waId: string): void {
      const c = citizens.get(waId);
      if (c && c.unread > 0) {
        c.unread = 0;
        emit({ type: 'citizen', citizen: c });
      }
    },

    onEvent(listener: (e: ChatEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    clear(): void {
      citizens.clear();
      chats.clear();
      byWamid.clear();
      for (const t of typingTimers.values()) clearTimeout(t);
      typingTimers.clear();
      emit({ type: 'reset' });
    },

    close(): void {
      for (const t of typingTimers.values()) clearTimeout(t);
      typingTimers.clear();
      listeners.clear();
    },
  };
}
