/**
 * What each live event means for react-query's caches.
 *
 * Events carry ids, never texts, so the caches are invalidated (and refetched when a screen
 * shows them) rather than patched. Invalidations are batched: at launch-day rates many events
 * arrive per second, and a screen should refetch once per batch, not once per event.
 */
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { StreamEvent } from './stream-types.ts';

/** Least time between two refetches of one family, in ms. */
const familyIntervalMs: Record<string, number> = {
  conversation: 250,
  inbox: 1000,
  stats: 15_000,
  reports: 60_000,
};

/** What the caches know, for deciding whether an event concerns them. */
export type CacheView = {
  /** Conversation ids of open transcripts (detail queries) of a citizen. */
  conversationsOfContact: (contactId: number) => number[];
  /** Whether the inbox shows this citizen or conversation (waiting, mine or assigned). */
  inboxHas: (contactId: number | null, conversationId: number | null) => boolean;
};

const handedStates = new Set(['waiting', 'assigned']);

/** The query keys an event makes stale. */
export function keysForEvent(event: StreamEvent, view: CacheView): QueryKey[] {
  const keys: QueryKey[] = [];
  const conversationIds = new Set<number>();
  if (event.conversationId !== null) conversationIds.add(event.conversationId);
  // `message.received` is logged before the message is matched to a conversation: find the
  // open transcripts of that citizen instead.
  if (event.conversationId === null && event.contactId !== null) {
    for (const id of view.conversationsOfContact(event.contactId)) conversationIds.add(id);
  }
  for (const id of conversationIds) keys.push(['conversation', id]);

  // The inbox changes when a conversation is handed to people or leaves them, and when
  // something happens in one it shows; the bot's own traffic is not its business.
  const inInbox = view.inboxHas(event.contactId, event.conversationId);
  switch (event.eventType) {
    case 'conversation.updated':
      if (inInbox || handedStates.has(String(event.data.state))) keys.push(['inbox']);
      keys.push(['stats']);
      break;
    case 'conversation.started':
    case 'flow.signal':
      keys.push(['stats']);
      break;
    case 'message.received':
    case 'message.late':
      if (inInbox) keys.push(['inbox']);
      keys.push(['stats']);
      break;
    case 'message.queued':
    case 'contact.updated':
      if (inInbox) keys.push(['inbox']);
      break;
    default:
      break;
  }
  return keys;
}

/** Batches invalidations per key, each family at most once per its interval. */
export function createCacheInvalidator(client: QueryClient) {
  const pending = new Map<string, QueryKey>();
  const lastRun = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let timerDue = 0;

  // One timer, always set for the earliest moment something is due.
  const schedule = (waitMs: number) => {
    const due = Date.now() + waitMs;
    if (timer !== null && timerDue <= due) return;
    if (timer !== null) clearTimeout(timer);
    timerDue = due;
    timer = setTimeout(flush, waitMs);
  };

  const flush = () => {
    timer = null;
    const now = Date.now();
    let waitMs = Infinity;
    for (const [id, key] of pending) {
      const family = String(key[0]);
      const interval = familyIntervalMs[family] ?? 250;
      const since = now - (lastRun.get(id) ?? 0);
      if (since < interval) {
        waitMs = Math.min(waitMs, interval - since);
        continue;
      }
      pending.delete(id);
      lastRun.set(id, now);
      void client.invalidateQueries({ queryKey: key });
    }
    if (pending.size > 0) schedule(Math.max(20, waitMs));
  };

  type InboxLike = { [list: string]: unknown } & Partial<Record<'waiting' | 'mine' | 'assigned', Array<{ id: number; contact: { id: number } }>>>;
  const view: CacheView = {
    conversationsOfContact: contactId =>
      client
        .getQueriesData<{ conversation?: { id: number; contact?: { id: number } } }>({ queryKey: ['conversation'] })
        .filter(([, data]) => data?.conversation?.contact?.id === contactId)
        .map(([key]) => Number(key[1])),
    inboxHas: (contactId, conversationId) => {
      const inbox = client.getQueryData<InboxLike>(['inbox']);
      if (inbox === undefined) return false;
      return [inbox.waiting, inbox.mine, inbox.assigned].some(list =>
        (list ?? []).some(item => item.id === conversationId || item.contact.id === contactId)
      );
    },
  };

  return {
    event(event: StreamEvent): void {
      for (const key of keysForEvent(event, view)) pending.set(JSON.stringify(key), key);
      if (pending.size > 0) schedule(50);
    },
    /** After a resync: everything may be stale. */
    all(): void {
      pending.clear();
      void client.invalidateQueries();
    },
    stop(): void {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending.clear();
    },
  };
}
