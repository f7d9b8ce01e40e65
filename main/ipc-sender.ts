/**
 * Which pages and frames main trusts: our renderer and nothing else.
 *
 * Our renderer is either the configured bot-service's `/console/` pages or the bundled copy
 * at `app://console/` (the fallback when the service cannot be reached). file:// is never
 * ours. Idea from desktop/desktop `trusted-ipc-sender.ts`: check every IPC message's sender.
 */
import { isBundledRendererUrl } from './bundled-renderer.ts';
import { describeServiceAddress } from './service-address.ts';

/** Where our renderer may legitimately be loaded from right now. */
export type TrustedRenderer = {
  /** The configured (already validated) bot-service address. */
  serviceUrl: string;
};

/** The part of Electron's `WebFrameMain` the check reads. */
export type SenderFrameLike = {
  readonly url: string;
  /** `null` for a main frame; any frame inside a page has a parent. */
  readonly parent: unknown;
};

/** Is this URL one of our renderer's pages? */
export function isTrustedRendererUrl(rawUrl: string, trusted: TrustedRenderer): boolean {
  if (isBundledRendererUrl(rawUrl)) return true;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  const service = describeServiceAddress(trusted.serviceUrl);
  return url.origin === service.origin && url.pathname.startsWith(service.consolePath);
}

/**
 * Is the IPC message from our renderer's main frame?
 *
 * Subframes are refused even when same-origin: the renderer never embeds frames, so a frame
 * sending IPC is content we did not write.
 */
export function isTrustedSender(frame: SenderFrameLike | null | undefined, trusted: TrustedRenderer): boolean {
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false;
  return isTrustedRendererUrl(frame.url, trusted);
}
