/**
 * The monitor's list: pages of conversations (newest activity first, more loaded on scroll),
 * kept live by the stream without reordering what is on screen.
 *
 * Events carry ids only, so on activity the newest page is fetched again (at most once a
 * second, whatever the message rate) and folded in; conversations that changed but are not on
 * that page (a claim does not change the activity time) are fetched one by one.
 */
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type {
  ConversationDetail,
  ConversationListResponse,
  ConversationState,
  ConversationSummary,
} from '../../../../bot-service/contract/conversations.ts';
import { apiFetch } from '../../api/client.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useLiveEvents } from '../../api/stream.ts';
import { flatten, mergeFresh, replaceItems, type ListData } from './merge.ts';

export type MonitorFilters = {
  region?: string;
  feature?: string;
  state?: ConversationState;
  flagged?: 'true' | 'hoax' | 'high-risk';
};

const PAGE = 200;
/** The newest conversations fetched again on activity: more than a second's worth at launch-day rates. */
const HEAD = 100;
const REFRESH_EVERY_MS = 1000;
const FLASH_MS = 4000;
const liveTypes = new Set(['message.received', 'conversation.started', 'conversation.updated', 'flow.signal', 'message.queued']);

function listPath(filters: MonitorFilters, cursor: string | undefined, limit = PAGE): string {
  const query = new URLSearchParams({ limit: String(limit) });
  for (const [name, value] of Object.entries(filters)) if (value !== undefined && value !== '') query.set(name, value);
  if (cursor !== undefined) query.set('cursor', cursor);
  return `/api/conversations?${query}`;
}

export function useLiveConversationList(filters: MonitorFilters) {
  const queryClient = useQueryClient();
  const key = useMemo(() => queryKeys.conversations({ ...filters }), [filters]);
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam, signal }) => apiFetch<ConversationListResponse>(listPath(filters, pageParam), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: last => last.nextCursor ?? undefined,
    // The stream keeps it fresh; refetching 50 pages on a whim would not.
    staleTime: Infinity,
    gcTime: 60_000,
  });
  const items = useMemo(() => flatten(query.data), [query.data]);
  const [flashing, setFlashing] = useState<ReadonlyMap<number, number>>(new Map());

  const changed = useRef(new Set<number>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastRun = useRef(0);
  const running = useRef(false);

  const flash = useCallback((ids: number[]) => {
    if (ids.length === 0) return;
    const until = Date.now() + FLASH_MS;
    setFlashing(old => {
      const next = new Map(old);
      for (const id of ids) next.set(id, until);
      return next;
    });
  }, []);

  useEffect(() => {
    if (flashing.size === 0) return;
    const wait = setTimeout(() => {
      const now = Date.now();
      setFlashing(old => new Map([...old].filter(([, until]) => until > now)));
    }, 1000);
    return () => clearTimeout(wait);
  }, [flashing]);

  const refresh = useCallback(async () => {
    running.current = true;
    lastRun.current = Date.now();
    const ids = [...changed.current];
    changed.current.clear();
    try {
      const head = await apiFetch<ConversationListResponse>(listPath(filters, undefined, HEAD));
      let touched: number[] = [];
      queryClient.setQueryData<ListData>(key, old => {
        if (old === undefined) return old;
        const merged = mergeFresh(old, head.items);
        touched = [...merged.added, ...merged.updated];
        return merged.data;
      });
      const inHead = new Set(head.items.map(item => item.id));
      const listed = new Set(flatten(queryClient.getQueryData<ListData>(key)).map(item => item.id));
      const others = ids.filter(id => !inHead.has(id) && listed.has(id)).slice(0, 10);
      const singles = (
        await Promise.all(others.map(id => apiFetch<ConversationDetail>(`/api/conversations/${id}`).then(d => d.conversation, () => null)))
      ).filter((item): item is ConversationSummary => item !== null);
      if (singles.length > 0) {
        queryClient.setQueryData<ListData>(key, old => (old === undefined ? old : replaceItems(old, singles)));
      }
      flash([...touched, ...singles.map(item => item.id)]);
    } catch {
      // The next event or the next resync tries again.
    } finally {
      running.current = false;
    }
  }, [filters, key, queryClient, flash]);

  const schedule = useCallback(() => {
    if (timer.current !== null) return;
    const wait = Math.max(150, REFRESH_EVERY_MS - (Date.now() - lastRun.current));
    timer.current = setTimeout(() => {
      timer.current = null;
      if (running.current) {
        schedule();
        return;
      }
      void refresh();
    }, wait);
  }, [refresh]);

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    },
    [key]
  );

  useLiveEvents(event => {
    if (!liveTypes.has(event.eventType) || query.data === undefined) return;
    if (event.conversationId !== null) changed.current.add(event.conversationId);
    schedule();
  });

  return { query, items, flashing };
}
