/**
 * The Content-Security-Policy main injects into the console's pages.
 *
 * Starts `default-src 'none'; script-src 'self'` (STYLE.md, Electron security checklist) and
 * lets the page connect only to the configured bot-service: its http(s) origin for the API
 * and the ws(s) twin for the live event stream. No inline script, no eval.
 */
import { describeServiceAddress } from './service-address.ts';

/** Directive name → sources, in the order they are written. */
export function buildCspDirectives(serviceUrl: string): ReadonlyArray<readonly [string, readonly string[]]> {
  const { origin, socketOrigin } = describeServiceAddress(serviceUrl);
  return [
    ['default-src', ["'none'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', [origin, socketOrigin]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['object-src', ["'none'"]],
  ];
}

/** The policy as one header value. */
export function buildContentSecurityPolicy(serviceUrl: string): string {
  return buildCspDirectives(serviceUrl)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * Response headers with our policy added.
 *
 * A policy the server sent stays: several policies are all enforced, so adding ours can only
 * narrow what the page may do, never widen it.
 */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
  serviceUrl: string
): Record<string, string[]> {
  const policy = buildContentSecurityPolicy(serviceUrl);
  const out: Record<string, string[]> = { ...headers };
  const existing = Object.keys(out).find(name => name.toLowerCase() === 'content-security-policy');
  const key = existing ?? 'Content-Security-Policy';
  out[key] = [...(out[key] ?? []), policy];
  return out;
}
