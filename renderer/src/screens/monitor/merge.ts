/**
 * Folding fresh conversation summaries into the pages already shown, without moving rows.
 *
 * The service orders by latest activity, but re-sorting on every message would make rows jump
 * under the reader's eyes. So a conversation already in the list is updated where it is, and a
 * conversation not seen before goes on top (the list keeps what is on screen in place).
 */
import type { InfiniteData } from '@tanstack/react-query';
import type { ConversationListResponse, ConversationSummary } from '../../../../bot-service/contract/conversations.ts';

export type ListData = InfiniteData<ConversationListResponse, unknown>;

/** `fresh` is newest first, as the service sends it. Returns the same object when nothing changed. */
export function mergeFresh(data: ListData, fresh: readonly ConversationSummary[]): { data: ListData; added: number[]; updated: number[] } {
  const byId = new Map(fresh.map(item => [item.id, item]));
  const known = new Set<number>();
  const updated: number[] = [];
  const pages = data.pages.map(page => {
    let changed = false;
    const items = page.items.map(item => {
      known.add(item.id);
      const next = byId.get(item.id);
      if (next === undefined || sameSummary(item, next)) return item;
      changed = true;
      updated.push(item.id);
      return next;
    });
    return changed ? { ...page, items } : page;
  });
  const added = fresh.filter(item => !known.has(item.id));
  if (added.length === 0 && updated.length === 0) return { data, added: [], updated: [] };
  const [first, ...rest] = pages;
  const top = first === undefined ? { items: added, nextCursor: null } : { ...first, items: [...added, ...first.items] };
  return { data: { ...data, pages: [top, ...rest] }, added: added.map(item => item.id), updated };
}

/** Replaces single conversations (fetched one by one) where they are; ignores unknown ones. */
export function replaceItems(data: ListData, items: readonly ConversationSummary[]): ListData {
  const byId = new Map(items.map(item => [item.id, item]));
  let any = false;
  const pages = data.pages.map(page => {
    if (!page.items.some(item => byId.has(item.id))) return page;
    any = true;
    return { ...page, items: page.items.map(item => byId.get(item.id) ?? item) };
  });
  return any ? { ...data, pages } : data;
}

/** The rows to show: every page in order, each conversation once. */
export function flatten(data: ListData | undefined): ConversationSummary[] {
  if (data === undefined) return [];
  const seen = new Set<number>();
  const out: ConversationSummary[] = [];
  for (const page of data.pages) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      out.push(item);
    }
  }
  return out;
}

function sameSummary(a: ConversationSummary, b: ConversationSummary): boolean {
  return (
    a.lastMessageAt === b.lastMessageAt &&
    a.messageCount === b.messageCount &&
    a.state === b.state &&
    a.feature === b.feature &&
    a.regionCode === b.regionCode &&
    a.priority === b.priority &&
    a.endedAt === b.endedAt &&
    a.flags.join() === b.flags.join() &&
    (a.assignedTo?.id ?? null) === (b.assignedTo?.id ?? null) &&
    a.contact.profileName === b.contact.profileName
  );
}
