/**
 * The console's HTTP client for bot-service's `/api`.
 *
 * In a browser the page is served by bot-service at `<prefix>/console/`, so the API lives at the
 * same origin under `<prefix>/api`. In Electron the page may come from `app://console/`; then the
 * service address is the one the desktop app was configured with (`window.desktop`).
 */

/** A non-2xx answer from bot-service, with the server's `{error}` text when it sent one. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  /** Seconds to wait before trying again (429), from `Retry-After`. */
  readonly retryAfter: number | null;
  constructor(status: number, message: string, retryAfter: number | null = null) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

/** `status` 0: the service could not be reached at all. */
export function isNetworkError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 0;
}

let baseUrl: string | null = null;
let token: string | null = null;
const unauthorizedListeners = new Set<() => void>();

/** The service address from a page URL: everything before `/console/`, or the origin. */
export function serviceBaseFromPage(href: string): string {
  const url = new URL(href);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
  const at = url.pathname.lastIndexOf('/console/');
  const prefix = at >= 0 ? url.pathname.slice(0, at) : '';
  return url.origin + prefix;
}

/**
 * Finds the service address once, before the first request: the desktop app's setting, or the
 * page's own origin in a browser.
 */
export async function initApiBase(): Promise<string> {
  if (baseUrl !== null) return baseUrl;
  const fromPage = serviceBaseFromPage(window.location.href);
  const desktop = window.desktop;
  if (desktop !== undefined) {
    const result = await desktop.getServiceUrl();
    baseUrl = result.ok ? result.value.replace(/\/+$/, '') : fromPage;
  } else {
    baseUrl = fromPage;
  }
  return baseUrl;
}

/** For tests and for a page that knows its service address already. */
export function setApiBase(url: string): void {
  baseUrl = url.replace(/\/+$/, '');
}

export function getApiBase(): string {
  if (baseUrl === null) throw new Error('initApiBase() has not run yet');
  return baseUrl;
}

/** Absolute URL of an API path such as `/api/inbox`. */
export function apiUrl(path: string): string {
  return getApiBase() + path;
}

/** The live stream's address: the API's origin with ws(s). */
export function streamUrl(): string {
  return apiUrl('/api/stream').replace(/^http/, 'ws');
}

/** The session token sent with every request (set by the session provider). */
export function setAuthToken(value: string | null): void {
  token = value;
}

export function getAuthToken(): string | null {
  return token;
}

/** Called when a request with a token is answered 401: the session has ended on the server. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export type ApiInit = Omit<RequestInit, 'body'> & {
  /** A plain value is sent as JSON; strings, Blobs and FormData as they are. */
  body?: unknown;
};

function prepare(init: ApiInit): RequestInit {
  const headers = new Headers(init.headers);
  if (token !== null && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  let body: BodyInit | undefined;
  if (init.body === undefined || init.body === null) {
    body = undefined;
  } else if (typeof init.body === 'string' || init.body instanceof Blob || init.body instanceof FormData || init.body instanceof ArrayBuffer) {
    body = init.body;
  } else {
    body = JSON.stringify(init.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  return { ...init, headers, body };
}

async function send(path: string, init: ApiInit): Promise<Response> {
  const usedToken = token;
  let response: Response;
  try {
    response = await fetch(apiUrl(path), prepare(init));
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError(0, 'network');
  }
  if (response.ok) return response;
  let message = response.statusText || `HTTP ${response.status}`;
  try {
    const data = (await response.json()) as { error?: unknown };
    if (typeof data.error === 'string' && data.error !== '') message = data.error;
  } catch {
    // not JSON: keep the status text
  }
  // Only a rejected session counts, not a wrong password at login or an old token's late answer.
  if (response.status === 401 && usedToken !== null && usedToken === token) {
    for (const listener of unauthorizedListeners) listener();
  }
  const retryAfter = Number(response.headers.get('retry-after') ?? NaN);
  throw new ApiError(response.status, message, Number.isFinite(retryAfter) ? retryAfter : null);
}

/**
 * Calls the API and returns its JSON answer.
 *
 * Adds the session's bearer token and sends plain bodies as JSON. A non-2xx answer throws
 * `ApiError` with the status and the server's `{error}` message; 204 gives `undefined`.
 */
export async function apiFetch<T>(path: string, init: ApiInit = {}): Promise<T> {
  const response = await send(path, init);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return (await response.text()) as T;
  return (await response.json()) as T;
}

/** Downloads a file from the API (reports): its bytes and the server's file name. */
export async function apiDownload(path: string, init: ApiInit = {}): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await send(path, { ...init, headers: { accept: '*/*', ...(init.headers as Record<string, string> | undefined) } });
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return { blob: await response.blob(), fileName: match?.[1] !== undefined ? decodeURIComponent(match[1]) : null };
}
