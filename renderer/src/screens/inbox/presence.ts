/**
 * The volunteer's presence: online or away, and how many conversations they take at once.
 * A heartbeat goes to the service every 30 s while the console is open, so the queue knows
 * who can answer (and tells waiting citizens when nobody can).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import type { PresenceRequest, VolunteerPresence } from '../../../../bot-service/contract/inbox.ts';
import { apiFetch } from '../../api/client.ts';
import { queryKeys } from '../../api/query-keys.ts';

type Presence = { status: 'online' | 'away'; capacity: number | undefined };

let current: Presence = { status: 'online', capacity: undefined };
const listeners = new Set<() => void>();

export function setPresence(next: Partial<Presence>): void {
  current = { ...current, ...next };
  for (const listener of listeners) listener();
}

export function usePresence(): Presence {
  return useSyncExternalStore(
    listener => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current
  );
}

const HEARTBEAT_MS = 30_000;

/** Sends the heartbeat now and every 30 s; again at once when the status or capacity changes. */
export function usePresenceHeartbeat(enabled: boolean): void {
  const presence = usePresence();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const beat = () => {
      const body: PresenceRequest = presence.capacity === undefined ? { status: presence.status } : { status: presence.status, capacity: presence.capacity };
      void apiFetch<VolunteerPresence>('/api/inbox/presence', { method: 'POST', body })
        .then(() => queryClient.invalidateQueries({ queryKey: queryKeys.inbox() }))
        .catch(() => undefined);
    };
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [enabled, presence.status, presence.capacity, queryClient]);
}
