/**
 * The live stream in React: one connection per logged-in session, feeding react-query's caches
 * and any screen that subscribes with `useLiveEvents`.
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { streamUrl } from './client.ts';
import { LiveStream, type StreamStatus } from './live-stream.ts';
import { useSession } from './session.tsx';
import { createCacheInvalidator } from './stream-cache.ts';
import type { StreamEvent } from './stream-types.ts';

export type { StreamStatus } from './live-stream.ts';
export type { StreamEvent } from './stream-types.ts';

type Listener = { event: (event: StreamEvent) => void; resync?: () => void };

type StreamContextValue = {
  status: StreamStatus;
  subscribe: (listener: Listener) => () => void;
  retryNow: () => void;
};

const StreamContext = createContext<StreamContextValue | null>(null);

/** Connects while someone is logged in; shows nothing itself. */
export function StreamProvider({ children }: { children: ReactNode }) {
  const { token, logout } = useSession();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<StreamStatus>('stopped');
  const listeners = useRef(new Set<Listener>());
  const streamRef = useRef<LiveStream | null>(null);
  const logoutRef = useRef(logout);
  logoutRef.current = logout;

  useEffect(() => {
    if (token === null) return;
    const invalidator = createCacheInvalidator(queryClient);
    const stream = new LiveStream({
      url: streamUrl,
      token: () => token,
      onStatus: next => {
        setStatus(next);
        if (next === 'unauthorized') void logoutRef.current({ expired: true });
      },
      onEvent: event => {
        invalidator.event(event);
        for (const listener of listeners.current) listener.event(event);
      },
      onResync: () => {
        invalidator.all();
        for (const listener of listeners.current) listener.resync?.();
      },
    });
    streamRef.current = stream;
    stream.start();
    const online = () => stream.retryNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      stream.stop();
      invalidator.stop();
      streamRef.current = null;
    };
  }, [token, queryClient]);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const retryNow = useCallback(() => streamRef.current?.retryNow(), []);
  const value = useMemo<StreamContextValue>(() => ({ status, subscribe, retryNow }), [status, subscribe, retryNow]);
  return createElement(StreamContext.Provider, { value }, children);
}

function useStream(): StreamContextValue {
  const value = useContext(StreamContext);
  if (value === null) throw new Error('stream hooks used outside <StreamProvider>');
  return value;
}

/**
 * Calls `handler` for every live event (and `onResync` when state must be fetched again).
 * The latest handlers are used without resubscribing.
 */
export function useLiveEvents(handler: (event: StreamEvent) => void, onResync?: () => void): void {
  const { subscribe } = useStream();
  const latest = useRef({ handler, onResync });
  latest.current = { handler, onResync };
  useEffect(
    () =>
      subscribe({
        event: event => latest.current.handler(event),
        resync: () => latest.current.onResync?.(),
      }),
    [subscribe]
  );
}

/** The connection's state, for the "reconnecting" indicator. */
export function useStreamStatus(): { status: StreamStatus; retryNow: () => void } {
  const { status, retryNow } = useStream();
  return { status, retryNow };
}
