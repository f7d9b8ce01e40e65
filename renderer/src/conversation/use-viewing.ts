import { useEffect } from 'react';
import { apiFetch } from '../api/client.ts';

const EVERY_MS = 15_000;

/** Tells the service this conversation is open here, so colleagues see who is looking. */
export function useViewing(conversationId: number | null): void {
  useEffect(() => {
    if (conversationId === null) return;
    const send = (active: boolean) =>
      apiFetch(`/api/conversations/${conversationId}/viewing`, { method: 'POST', body: { active } }).catch(() => undefined);
    void send(true);
    const timer = setInterval(() => void send(true), EVERY_MS);
    return () => {
      clearInterval(timer);
      void send(false);
    };
  }, [conversationId]);
}
