/**
 * Server state of the inbox: the queue (refetched when the live stream says something changed)
 * and the content the composer inserts.
 */
import { useQuery } from '@tanstack/react-query';
import type { ConversationDetail } from '../../../../bot-service/contract/conversations.ts';
import type { ContentDataOf, ContentListResponse } from '../../../../bot-service/contract/content.ts';
import type { InboxResponse } from '../../../../bot-service/contract/inbox.ts';
import { apiFetch } from '../../api/client.ts';
import { queryKeys } from '../../api/query-keys.ts';

/** The queue, my conversations and who is online. The stream keeps it fresh; the interval is a safety net. */
export function useInbox(enabled = true) {
  return useQuery({
    queryKey: queryKeys.inbox(),
    queryFn: ({ signal }) => apiFetch<InboxResponse>('/api/inbox', { signal }),
    enabled,
    refetchInterval: 30_000,
  });
}

/** One conversation with its transcript, notes and viewers. */
export function useConversation(id: number | null) {
  return useQuery({
    queryKey: queryKeys.conversation(id ?? 0),
    queryFn: ({ signal }) => apiFetch<ConversationDetail>(`/api/conversations/${id}`, { signal }),
    enabled: id !== null,
  });
}

/** Published, active items of one content kind, for the composer (volunteers may read these). */
export function usePublished<K extends 'faq' | 'hospitals' | 'canned-replies' | 'templates'>(kind: K, enabled = true) {
  return useQuery({
    queryKey: queryKeys.content(kind),
    queryFn: ({ signal }) => apiFetch<ContentListResponse>(`/api/content/${kind}`, { signal }),
    enabled,
    staleTime: 60_000,
    select: (response): Array<{ id: string; data: ContentDataOf<K> }> =>
      response.items
        .filter(item => item.published !== null && (item.published as { active?: boolean }).active !== false)
        .map(item => ({ id: item.id, data: item.published as ContentDataOf<K> })),
  });
}
