/**
 * What happens when a page tries to leave: in-window navigation, `window.open`, external links.
 *
 * The window only ever shows our renderer. A link to an allowlisted official site opens in the
 * user's browser via `shell.openExternal`; everything else (javascript:, file:, plain http:,
 * lookalike hosts, custom schemes) is denied. desktop/desktop `main-process/main.ts` and
 * Signal-Desktop `handleCommonWindowEvents` do the same.
 */
import { isTrustedRendererUrl, type TrustedRenderer } from './ipc-sender.ts';

/**
 * Hosts the console may open in the system browser: official COVID-19 information.
 *
 * Exact host names, no wildcards: `evil-who.int` or `who.int.example.com` must not pass.
 */
export const EXTERNAL_HOST_ALLOWLIST: readonly string[] = [
  'covid19.go.id',
  'infocovid19.jatimprov.go.id',
  'jatimprov.go.id',
  'dinkes.jatimprov.go.id',
  'kemkes.go.id',
  'www.kemkes.go.id',
  'www.who.int',
];

/** What to do instead of leaving the renderer. */
export type LeaveDecision = { action: 'open-external'; url: string } | { action: 'deny'; reason: string };

export type NavigationDecision = { action: 'allow' } | LeaveDecision;

/**
 * The URL to hand to `shell.openExternal`, or null when it is not allowed.
 *
 * Only `https:` on the default port, no credentials, host exactly on the allowlist (after the
 * URL parser lower-cases it and turns international names into punycode).
 */
export function parseAllowedExternalUrl(
  rawUrl: string,
  allowlist: readonly string[] = EXTERNAL_HOST_ALLOWLIST
): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '' || url.port !== '') return null;
  if (!allowlist.includes(url.hostname)) return null;
  return url.href;
}

function externalOrDeny(rawUrl: string, allowlist: readonly string[]): LeaveDecision {
  const external = parseAllowedExternalUrl(rawUrl, allowlist);
  if (external !== null) return { action: 'open-external', url: external };
  return { action: 'deny', reason: `not an allowed destination: ${describeForLog(rawUrl)}` };
}

/** Keep logs useful without copying a long or sensitive URL (query strings carry tokens). */
function describeForLog(rawUrl: string): string {
  try {
    const url = new URL(rawUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : url.protocol;
  } catch {
    return 'unparseable URL';
  }
}

/**
 * `will-navigate`: stay inside our renderer (a reload, another console route), open an
 * allowlisted site externally, deny the rest.
 */
export function decideNavigation(
  rawUrl: string,
  trusted: TrustedRenderer,
  allowlist: readonly string[] = EXTERNAL_HOST_ALLOWLIST
): NavigationDecision {
  if (isTrustedRendererUrl(rawUrl, trusted)) return { action: 'allow' };
  return externalOrDeny(rawUrl, allowlist);
}

/** `setWindowOpenHandler`: never a new Electron window; allowlisted sites open externally. */
export function decideWindowOpen(
  rawUrl: string,
  allowlist: readonly string[] = EXTERNAL_HOST_ALLOWLIST
): LeaveDecision {
  return externalOrDeny(rawUrl, allowlist);
}
