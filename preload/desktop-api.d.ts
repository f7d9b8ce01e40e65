/**
 * `window.desktop` for the renderer.
 *
 * Optional on purpose: the same renderer runs in a browser at `/console/`, where there is no
 * preload. Call it as `window.desktop?.saveFile(...)` and keep a browser path for everything.
 */
import type { DesktopApi } from './contract.ts';

declare global {
  interface Window {
    desktop?: DesktopApi;
  }
}

export {};
