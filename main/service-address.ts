/**
 * The bot-service address: parsing the setting and the URLs derived from it.
 *
 * The console is served by bot-service at `/console/`; the address may carry a path prefix
 * when bot-service sits behind a reverse proxy (e.g. `https://posko.example/covid`).
 */

export const DEFAULT_SERVICE_URL = 'http://127.0.0.1:8080';

const MAX_URL_LENGTH = 2048;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Everything main needs to know about one service address. */
export type ServiceAddress = {
  /** Normalised address: origin plus path prefix, no trailing slash. */
  url: string;
  /** `http://host:port` or `https://host`. */
  origin: string;
  /** The WebSocket twin of the origin: `ws://` for http, `wss://` for https. */
  socketOrigin: string;
  /** Path every console page starts with, e.g. `/console/` or `/covid/console/`. */
  consolePath: string;
  /** Where the window loads the renderer from. */
  consoleUrl: string;
};

/**
 * Validate a service address typed by a person or read from settings.
 *
 * Only http(s), no user name or password (they would sit in a plain settings file), no query
 * or fragment. Returns the normalised form (see `ServiceAddress.url`).
 */
export function parseServiceUrl(input: unknown): ParseResult<string> {
  if (typeof input !== 'string') return { ok: false, error: 'The service address must be text.' };
  const raw = input.trim();
  if (raw === '' || raw.length > MAX_URL_LENGTH) {
    return { ok: false, error: 'The service address is empty or too long.' };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, error: 'The service address is not a URL.' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: 'The service address must start with http:// or https://.' };
  }
  if (url.hostname === '') return { ok: false, error: 'The service address has no host.' };
  if (url.username !== '' || url.password !== '') {
    return { ok: false, error: 'The service address must not contain a user name or password.' };
  }
  if (url.search !== '' || url.hash !== '' || raw.includes('?') || raw.includes('#')) {
    return { ok: false, error: 'The service address must not contain a query or fragment.' };
  }
  const prefix = url.pathname.replace(/\/+$/, '');
  return { ok: true, value: url.origin + prefix };
}

/**
 * Derive origins and URLs from an address.
 *
 * Throws on an invalid address: callers hold addresses that went through `parseServiceUrl`.
 */
export function describeServiceAddress(serviceUrl: string): ServiceAddress {
  const parsed = parseServiceUrl(serviceUrl);
  if (!parsed.ok) throw new Error(parsed.error);
  const url = new URL(parsed.value);
  const prefix = url.pathname.replace(/\/+$/, '');
  const socketOrigin = (url.protocol === 'https:' ? 'wss://' : 'ws://') + url.host;
  const consolePath = `${prefix}/console/`;
  return {
    url: parsed.value,
    origin: url.origin,
    socketOrigin,
    consolePath,
    consoleUrl: url.origin + consolePath,
  };
}
