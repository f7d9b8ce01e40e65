/**
 * Server state of the hoax desk: the ranked clusters, one cluster, and the desk's actions.
 *
 * The live stream's `hoax.updated` events (a claim arrived, a verdict, a merge, a split) and
 * delivery statuses refresh the desk, at most once a second; a slow interval is the safety net.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type {
  ClusterDetail,
  ClusterListResponse,
  ClusterStatus,
  MergeRequest,
  MergeResponse,
  SplitRequest,
  SplitResponse,
  VerdictRequest,
  VerdictResponse,
} from '../../../../bot-service/contract/hoax.ts';
import { apiFetch } from '../../api/client.ts';
import { useLiveEvents } from '../../api/stream.ts';

export const hoaxKeys = {
  all: () => ['hoax'] as const,
  list: (status: ClusterStatus) => ['hoax', 'list', status] as const,
  cluster: (id: number) => ['hoax', 'cluster', id] as const,
};

export function useClusters(status: ClusterStatus) {
  return useQuery({
    queryKey: hoaxKeys.list(status),
    queryFn: ({ signal }) => apiFetch<ClusterListResponse>(`/api/hoax/clusters?status=${status}&limit=100`, { signal }),
    refetchInterval: 30_000,
  });
}

export function useCluster(id: number | null) {
  return useQuery({
    queryKey: hoaxKeys.cluster(id ?? 0),
    queryFn: ({ signal }) => apiFetch<ClusterDetail>(`/api/hoax/clusters/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: 30_000,
  });
}

/** Refreshes the desk when the stream says something changed (batched to once a second). */
export function useLiveDesk(): void {
  const client = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refresh = () => {
    if (timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void client.invalidateQueries({ queryKey: hoaxKeys.all() });
    }, 1000);
  };
  useLiveEvents(
    event => {
      // Delivery statuses move the "reached" counts.
      if (event.eventType === 'hoax.updated' || event.eventType === 'message.status') refresh();
    },
    refresh
  );
}

function useDeskMutation<B, R>(path: (id: number) => string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: B }) => apiFetch<R>(path(id), { method: 'POST', body }),
    onSettled: () => void client.invalidateQueries({ queryKey: hoaxKeys.all() }),
  });
}

export const useVerdict = () => useDeskMutation<VerdictRequest, VerdictResponse>(id => `/api/hoax/clusters/${id}/verdict`);
export const useMerge = () => useDeskMutation<MergeRequest, MergeResponse>(id => `/api/hoax/clusters/${id}/merge`);
export const useSplit = () => useDeskMutation<SplitRequest, SplitResponse>(id => `/api/hoax/clusters/${id}/split`);
