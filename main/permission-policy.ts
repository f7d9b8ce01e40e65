/**
 * Web permission requests: deny everything except notifications for our renderer.
 *
 * Deny-by-default allowlist as in signalapp/Signal-Desktop `app/permissions.std.ts`.
 * Note: this also denies `clipboard-sanitized-write` (navigator.clipboard.writeText) and
 * `openExternal` (mailto: and other external-protocol links).
 */
import { BUNDLED_ORIGIN } from './bundled-renderer.ts';
import { isTrustedRendererUrl, type TrustedRenderer } from './ipc-sender.ts';
import { describeServiceAddress } from './service-address.ts';

export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

/** Electron names the requester by full URL (request handler) or by origin (check handler). */
function isTrustedRequester(requester: string, trusted: TrustedRenderer): boolean {
  if (isTrustedRendererUrl(requester, trusted)) return true;
  const { origin } = describeServiceAddress(trusted.serviceUrl);
  return [origin, BUNDLED_ORIGIN].some(allowed => requester === allowed || requester === `${allowed}/`);
}

/** Grant a permission? Only an allowlisted permission asked for by our renderer. */
export function isPermissionAllowed(permission: string, requester: string, trusted: TrustedRenderer): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isTrustedRequester(requester, trusted);
}
