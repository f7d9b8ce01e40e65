/**
 * Who is logged in: the session token, kept with the OS keychain in Electron
 * (`window.desktop.setSession`) or in this tab's sessionStorage in a browser.
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LoginResponse, MeResponse, Role, SessionUser } from '../../../bot-service/contract/auth.ts';
import { ApiError, apiFetch, onUnauthorized, setAuthToken } from './client.ts';

export type { Role, SessionUser } from '../../../bot-service/contract/auth.ts';

const storageKey = 'console.session';

/** Where the token lives between page loads. */
const tokenStore = {
  async get(): Promise<string | null> {
    if (window.desktop !== undefined) {
      const result = await window.desktop.getSession();
      return result.ok ? result.value : null;
    }
    try {
      return window.sessionStorage.getItem(storageKey);
    } catch {
      return null;
    }
  },
  async set(token: string): Promise<void> {
    if (window.desktop !== undefined) {
      // Without OS encryption the token stays in memory only: logged in until the app closes.
      await window.desktop.setSession(token);
      return;
    }
    try {
      window.sessionStorage.setItem(storageKey, token);
    } catch {
      // storage disabled: memory only
    }
  },
  async clear(): Promise<void> {
    if (window.desktop !== undefined) {
      await window.desktop.clearSession();
      return;
    }
    try {
      window.sessionStorage.removeItem(storageKey);
    } catch {
      // nothing stored
    }
  },
};

export type SessionStatus =
  /** Reading the stored token and asking the service who it belongs to. */
  | 'loading'
  | 'ready'
  /** A token is stored but the service cannot be reached: `retry()`. */
  | 'unreachable';

export type Session = {
  user: SessionUser | null;
  token: string | null;
  status: SessionStatus;
  /** Why the last session ended without a logout: shown on the login screen. */
  endedBecause: 'expired' | null;
  login: (username: string, password: string) => Promise<void>;
  logout: (options?: { expired?: boolean }) => Promise<void>;
  retry: () => void;
};

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [user, setUser] = useState<SessionUser | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [endedBecause, setEndedBecause] = useState<'expired' | null>(null);
  const [attempt, setAttempt] = useState(0);
  const tokenRef = useRef<string | null>(null);

  const forget = useCallback(
    async (expired: boolean) => {
      tokenRef.current = null;
      setAuthToken(null);
      setToken(null);
      setUser(null);
      setEndedBecause(expired ? 'expired' : null);
      setStatus('ready');
      queryClient.clear();
      await tokenStore.clear().catch(() => undefined);
    },
    [queryClient]
  );

  // On start: is the stored token still a session?
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const stored = await tokenStore.get().catch(() => null);
      if (cancelled) return;
      if (stored === null) {
        setStatus('ready');
        return;
      }
      setAuthToken(stored);
      try {
        const me = await apiFetch<MeResponse>('/api/auth/me');
        if (cancelled) return;
        tokenRef.current = stored;
        setToken(stored);
        setUser(me.user);
        setStatus('ready');
      } catch (error) {
        if (cancelled) return;
        if (error instanceof ApiError && error.status === 401) {
          await forget(true);
        } else {
          setStatus('unreachable');
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [attempt, forget]);

  // Any request answered 401 ends the session here too.
  useEffect(
    () =>
      onUnauthorized(() => {
        if (tokenRef.current !== null) void forget(true);
      }),
    [forget]
  );

  const login = useCallback(
    async (username: string, password: string) => {
      const response = await apiFetch<LoginResponse>('/api/auth/login', {
        method: 'POST',
        body: { username, password },
      });
      queryClient.clear();
      tokenRef.current = response.token;
      setAuthToken(response.token);
      setToken(response.token);
      setUser(response.user);
      setEndedBecause(null);
      setStatus('ready');
      await tokenStore.set(response.token).catch(() => undefined);
    },
    [queryClient]
  );

  const logout = useCallback(
    async (options: { expired?: boolean } = {}) => {
      if (!options.expired && tokenRef.current !== null) {
        await apiFetch('/api/auth/logout', { method: 'POST', body: {} }).catch(() => undefined);
      }
      await forget(options.expired === true);
    },
    [forget]
  );

  const retry = useCallback(() => {
    setStatus('loading');
    setAttempt(n => n + 1);
  }, []);

  const value = useMemo<Session>(
    () => ({ user, token, status, endedBecause, login, logout, retry }),
    [user, token, status, endedBecause, login, logout, retry]
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession() outside <SessionProvider>');
  return value;
}

/** The logged-in user's role (null when logged out). */
export function useRole(): Role | null {
  return useSession().user?.role ?? null;
}
