/**
 * Options for the console's BrowserWindow.
 *
 * Context isolation, sandbox, no Node integration, and `webSecurity` left at its default
 * (Electron docs/tutorial/security.md). The shape matches Electron's
 * `BrowserWindowConstructorOptions` without importing it, so tests load this without Electron.
 */

export type WindowRect = { x: number; y: number; width: number; height: number };
export type WindowSize = { width: number; height: number };

/** Readable at 1366×768 (issue 5); below 1024×700 the inbox and composer do not fit. */
export const DEFAULT_WINDOW_SIZE: WindowSize = { width: 1366, height: 768 };
export const MIN_WINDOW_SIZE: WindowSize = { width: 1024, height: 700 };

export const WINDOW_TITLE = 'Konsol Posko COVID-19 Jatim';

export type SecureWebPreferences = {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webviewTag: false;
  /** Dropping a file on the window must not navigate to it. */
  navigateOnDragDrop: false;
  /** Lets a user stop a page that opens dialog after dialog. */
  safeDialogs: true;
  spellcheck: false;
};

export type SecureWindowOptions = {
  title: string;
  width: number;
  height: number;
  x?: number;
  y?: number;
  minWidth: number;
  minHeight: number;
  /** Shown on `ready-to-show`, so no blank white frame flashes. */
  show: false;
  backgroundColor: string;
  webPreferences: SecureWebPreferences;
};

/** Build the window options; `bounds` are restored bounds already clamped to a display. */
export function createWindowOptions(input: { preloadPath: string; bounds?: WindowRect | null }): SecureWindowOptions {
  const bounds = input.bounds ?? null;
  const options: SecureWindowOptions = {
    title: WINDOW_TITLE,
    width: Math.max(bounds?.width ?? DEFAULT_WINDOW_SIZE.width, MIN_WINDOW_SIZE.width),
    height: Math.max(bounds?.height ?? DEFAULT_WINDOW_SIZE.height, MIN_WINDOW_SIZE.height),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
  if (bounds !== null) {
    options.x = bounds.x;
    options.y = bounds.y;
  }
  return options;
}
