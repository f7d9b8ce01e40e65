/**
 * The console's Electron main process: wires the plain modules next to it to Electron.
 *
 * All decisions (window options, CSP, navigation, permissions, IPC sender and arguments,
 * settings, session, badge and notification text) live in those modules and are unit-tested
 * without Electron; this file only connects them to the real API.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
  type WebContents,
} from 'electron';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { badgeCount, badgeText, trayTooltip } from './badge.ts';
import { BUNDLED_ENTRY_URL, BUNDLED_SCHEME, resolveBundledFile } from './bundled-renderer.ts';
import { chooseConsoleSource } from './console-source.ts';
import { buildContentSecurityPolicy, withContentSecurityPolicy } from './csp.ts';
import { createIpcHandle, IpcHandlerError } from './ipc.ts';
import { isTrustedRendererUrl, isTrustedSender, type TrustedRenderer } from './ipc-sender.ts';
import { decideNavigation, decideWindowOpen } from './navigation-policy.ts';
import { buildNotification } from './notifications.ts';
import { isPermissionAllowed } from './permission-policy.ts';
import { safeReportFileName, saveDialogFilters, writeReportFile } from './save-file.ts';
import { describeServiceAddress } from './service-address.ts';
import {
  clearSessionToken,
  readSessionToken,
  SESSION_FILE_NAME,
  writeSessionToken,
  type TokenCipher,
} from './session-store.ts';
import {
  DEFAULT_SETTINGS,
  readSettings,
  restoreWindowBounds,
  SETTINGS_FILE_NAME,
  updateSettings,
  type Settings,
} from './settings-store.ts';
import { TRAY_ICON_DATA_URL } from './tray-icon.ts';
import { createWindowOptions } from './window-options.ts';

const APP_ID = 'id.go.jatimprov.covid19.posko';
const BOUNDS_SAVE_DELAY_MS = 500;

// Built layout (electron.vite.config.ts): out/main/index.js, out/preload/index.cjs, out/renderer/.
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));

function log(line: string): void {
  process.stderr.write(`[console-main] ${line}\n`);
}

let settingsPath = '';
let sessionPath = '';
let settings: Settings = { ...DEFAULT_SETTINGS };
let mainWindow: BrowserWindow | null = null;
let tray: Tray | null = null;
let boundsTimer: ReturnType<typeof setTimeout> | null = null;
// Electron drops a notification's click handler once the object is garbage collected.
const liveNotifications = new Set<Notification>();

function trusted(): TrustedRenderer {
  return { serviceUrl: settings.serviceUrl };
}

/** safeStorage, refusing Linux's `basic_text` backend: it encrypts with a fixed, public key. */
const cipher: TokenCipher = {
  isAvailable: async () => {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
    return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
  },
  encrypt: plainText => safeStorage.encryptStringAsync(plainText),
  decrypt: async encrypted => {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(encrypted));
    return { value: result, shouldReEncrypt };
  },
};

function focusWindow(): void {
  if (mainWindow === null) {
    createWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function saveBounds(win: BrowserWindow): void {
  if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
  try {
    settings = updateSettings(settingsPath, {
      windowBounds: { ...win.getNormalBounds(), maximized: win.isMaximized() },
    });
  } catch (error) {
    log(`could not save window bounds: ${String(error)}`);
  }
}

function scheduleSaveBounds(win: BrowserWindow): void {
  if (boundsTimer !== null) clearTimeout(boundsTimer);
  boundsTimer = setTimeout(() => {
    boundsTimer = null;
    saveBounds(win);
  }, BOUNDS_SAVE_DELAY_MS);
}

async function loadConsole(win: BrowserWindow): Promise<void> {
  const source = await chooseConsoleSource(describeServiceAddress(settings.serviceUrl).consoleUrl);
  if (win.isDestroyed()) return;
  if (source.kind === 'service') {
    try {
      await win.loadURL(source.url);
      return;
    } catch (error) {
      log(`console page failed to load, using the bundled renderer: ${String(error)}`);
    }
  } else {
    log(`using the bundled renderer: ${source.reason}`);
  }
  if (!win.isDestroyed()) await win.loadURL(BUNDLED_ENTRY_URL);
}

function createWindow(): void {
  const workAreas = screen.getAllDisplays().map(display => display.workArea);
  const bounds = restoreWindowBounds(settings.windowBounds, workAreas);
  const win = new BrowserWindow(createWindowOptions({ preloadPath, bounds }));
  mainWindow = win;
  if (bounds !== null && settings.windowBounds?.maximized === true) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('resize', () => scheduleSaveBounds(win));
  win.on('move', () => scheduleSaveBounds(win));
  win.on('close', () => {
    if (boundsTimer !== null) clearTimeout(boundsTimer);
    boundsTimer = null;
    saveBounds(win);
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  loadConsole(win).catch(error => log(`could not load the console: ${String(error)}`));
}

/** Navigation, new windows and webviews for every WebContents, including any we did not expect. */
function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', event => {
    const decision = decideNavigation(event.url, trusted());
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.action === 'open-external') {
      shell.openExternal(decision.url).catch(error => log(`openExternal failed: ${String(error)}`));
    } else {
      log(`navigation denied: ${decision.reason}`);
    }
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.action === 'open-external') {
      shell.openExternal(decision.url).catch(error => log(`openExternal failed: ${String(error)}`));
    } else {
      log(`window.open denied: ${decision.reason}`);
    }
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', event => event.preventDefault());
}

function setUpSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, trusted()));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, trusted())
  );
  ses.setDevicePermissionHandler(() => false);
  // The service's console pages get our CSP whatever the server sends (it can only narrow it).
  ses.webRequest.onHeadersReceived((details, callback) => {
    const isServicePage = details.url.startsWith('http:') || details.url.startsWith('https:');
    if (details.resourceType === 'mainFrame' && isServicePage && isTrustedRendererUrl(details.url, trusted())) {
      callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, settings.serviceUrl) });
    } else {
      callback({});
    }
  });
}

/** Serve the bundled renderer at app://console/, only files inside its folder, HTML with our CSP. */
function setUpBundledRenderer(): void {
  protocol.handle(BUNDLED_SCHEME, async request => {
    const file = resolveBundledFile(request.url, rendererDir);
    if (file === null || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Not found', { status: 404 });
    }
    try {
      const body = new Uint8Array(await readFile(file.path));
      const headers: Record<string, string> = { 'content-type': file.contentType, 'x-content-type-options': 'nosniff' };
      if (file.isDocument) headers['content-security-policy'] = buildContentSecurityPolicy(settings.serviceUrl);
      return new Response(body, { status: 200, headers });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function setUpTray(): void {
  const icon = nativeImage.createFromDataURL(TRAY_ICON_DATA_URL);
  tray = new Tray(process.platform === 'darwin' ? icon.resize({ width: 16, height: 16 }) : icon);
  tray.setToolTip(trayTooltip(0, 'id'));
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Buka konsol / Open console', click: focusWindow },
      { type: 'separator' },
      { label: 'Keluar / Quit', role: 'quit' },
    ])
  );
  tray.on('click', focusWindow);
}

function setUpIpc(): void {
  const handle = createIpcHandle({
    registrar: ipcMain,
    isTrustedSender: frame => isTrustedSender(frame, trusted()),
    log,
  });

  handle('notify:show', request => {
    if (!Notification.isSupported()) throw new IpcHandlerError('unsupported', 'Notifications are not supported here.');
    const notification = new Notification(buildNotification(request));
    liveNotifications.add(notification);
    notification.on('click', focusWindow);
    notification.on('close', () => liveNotifications.delete(notification));
    notification.show();
    return { shown: true };
  });

  handle('badge:set', (waitingCount, lang) => {
    const text = badgeText(waitingCount);
    tray?.setToolTip(trayTooltip(waitingCount, lang));
    if (process.platform === 'darwin') {
      tray?.setTitle(text);
      app.dock?.setBadge(text);
    } else {
      app.setBadgeCount(badgeCount(waitingCount));
    }
    return { text };
  });

  handle('files:save', async ({ defaultName, format, bytes }) => {
    const options = {
      title: format === 'pdf' ? 'Simpan laporan PDF' : 'Simpan laporan CSV',
      defaultPath: join(app.getPath('documents'), safeReportFileName(defaultName, format)),
      filters: saveDialogFilters(format),
    };
    const choice =
      mainWindow === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(mainWindow, options);
    if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return { saved: false };
    await writeReportFile(choice.filePath, bytes);
    return { saved: true, fileName: basename(choice.filePath) };
  });

  handle('session:get', () => readSessionToken(sessionPath, cipher));

  handle('session:set', async token => {
    const result = await writeSessionToken(sessionPath, token, cipher);
    if (result.ok) return null;
    if (result.reason === 'encryption-unavailable') {
      throw new IpcHandlerError('encryption-unavailable', 'No OS keychain: the session is not kept after closing.');
    }
    throw new IpcHandlerError('invalid-arguments', 'That is not a session token.');
  });

  handle('session:clear', () => {
    clearSessionToken(sessionPath);
    return null;
  });

  handle('settings:get-service-url', () => settings.serviceUrl);

  handle('settings:set-service-url', url => {
    settings = updateSettings(settingsPath, { serviceUrl: url });
    // The token belongs to the old service; a new (possibly hostile) address must not get it.
    clearSessionToken(sessionPath);
    setImmediate(() => {
      if (mainWindow !== null) loadConsole(mainWindow).catch(error => log(`reload failed: ${String(error)}`));
    });
    return settings.serviceUrl;
  });
}

async function start(): Promise<void> {
  settingsPath = join(app.getPath('userData'), SETTINGS_FILE_NAME);
  sessionPath = join(app.getPath('userData'), SESSION_FILE_NAME);
  settings = readSettings(settingsPath);

  app.on('second-instance', focusWindow);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (mainWindow === null && app.isReady()) createWindow();
  });

  await app.whenReady();
  setUpBundledRenderer();
  setUpSession();
  setUpIpc();
  setUpTray();
  createWindow();
}

// Before ready: a standard, secure scheme gives the bundled renderer a real origin. Not
// corsEnabled (other origins could read it) and not bypassCSP.
protocol.registerSchemesAsPrivileged([
  { scheme: BUNDLED_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();
app.setAppUserModelId(APP_ID);

// One console per desktop user: a second start focuses the window that is already open.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch(error => {
    log(`start failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    app.exit(1);
  });
}
