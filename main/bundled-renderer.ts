/**
 * The renderer bundled with the app, served from `app://console/` when bot-service is down.
 *
 * A custom scheme rather than file://: with the `grantFileProtocolExtraPrivileges` fuse off,
 * file:// pages cannot load module scripts, and a privileged standard scheme gives the page a
 * real origin that CSP `'self'` and the sender checks can name (Electron security checklist
 * item "avoid usage of the file protocol"). Only files inside the renderer folder are served.
 */
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

export const BUNDLED_SCHEME = 'app';
export const BUNDLED_HOST = 'console';
export const BUNDLED_ORIGIN = `${BUNDLED_SCHEME}://${BUNDLED_HOST}`;
export const BUNDLED_ENTRY_URL = `${BUNDLED_ORIGIN}/index.html`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** Is this URL a page or asset of the bundled renderer? */
export function isBundledRendererUrl(rawUrl: string): boolean {
  try {
    const url = new URL(rawUrl);
    const isOurs = url.protocol === `${BUNDLED_SCHEME}:` && url.host === BUNDLED_HOST;
    return isOurs && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

export type BundledFile = { path: string; contentType: string; isDocument: boolean };

/**
 * The file an `app://console/...` request maps to, or null (404): wrong host, a path that
 * escapes the renderer folder, or a type we do not serve.
 */
export function resolveBundledFile(rawUrl: string, rendererDir: string): BundledFile | null {
  if (!isBundledRendererUrl(rawUrl)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(rawUrl).pathname);
  } catch {
    return null;
  }
  // No NUL and no backslash: on Windows a decoded `..\` would be a way out of the folder.
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const wanted = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
  const root = resolve(rendererDir);
  const path = resolve(root, `.${wanted.startsWith('/') ? '' : '/'}${wanted}`);
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  const extension = extname(path).toLowerCase();
  const contentType = CONTENT_TYPES[extension];
  if (contentType === undefined) return null;
  return { path, contentType, isDocument: extension === '.html' };
}
