/**
 * main/index.ts against a recording stand-in for the 'electron' module.
 *
 * Electron cannot run here, so this checks the wiring only: that index.ts hands the real
 * Electron hooks our policies (window options, IPC sender check, permissions, navigation,
 * CSP, the app:// renderer) and loads the console from a real bot-service-like server.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;
type RecordedWindow = {
  options: Record<string, unknown>;
  loaded: string[];
  contents: { handlers: Map<string, Listener>; openHandler: Listener | null };
};

const electron = vi.hoisted(() => {
  const state = {
    userData: '',
    ipc: new Map<string, Listener>(),
    windows: [] as RecordedWindow[],
    privileged: [] as unknown[],
    protocolHandler: null as Listener | null,
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    headers: null as Listener | null,
    appEvents: new Map<string, Listener>(),
    opened: [] as string[],
    badges: [] as number[],
    sandboxEnabled: false,
  };
  return state;
});

vi.mock('electron', () => {
  const on = (map: Map<string, Listener>) => (name: string, listener: Listener) => {
    map.set(name, listener);
  };
  class WebContents {
    handlers = new Map<string, Listener>();
    openHandler: Listener | null = null;
    on = on(this.handlers);
    setWindowOpenHandler(handler: Listener) {
      this.openHandler = handler;
    }
  }
  class BrowserWindow {
    webContents = new WebContents();
    record: RecordedWindow;
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [], contents: this.webContents };
      electron.windows.push(this.record);
      electron.appEvents.get('web-contents-created')?.({}, this.webContents);
    }
    on() {}
    once() {}
    isMinimized() { return false; }
    isFullScreen() { return false; }
    isMaximized() { return false; }
    isDestroyed() { return false; }
    maximize() {}
    async loadURL(url: string) {
      this.record.loaded.push(url);
    }
  }
  return {
    app: {
      enableSandbox: () => {
        electron.sandboxEnabled = true;
      },
      setAppUserModelId: () => {},
      requestSingleInstanceLock: () => true,
      getPath: () => electron.userData,
      whenReady: () => Promise.resolve(),
      isReady: () => true,
      on: on(electron.appEvents),
      quit: () => {},
      exit: () => {},
      setBadgeCount: (n: number) => electron.badges.push(n),
      dock: undefined,
    },
    BrowserWindow,
    dialog: { showSaveDialog: async () => ({ canceled: true }) },
    ipcMain: { handle: (channel: string, listener: Listener) => electron.ipc.set(channel, listener) },
    Menu: { buildFromTemplate: (template: unknown) => template },
    nativeImage: { createFromDataURL: () => ({ resize: () => ({}) }) },
    Notification: class {
      static isSupported() {
        return false;
      }
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => electron.privileged.push(...schemes),
      handle: (_scheme: string, handler: Listener) => {
        electron.protocolHandler = handler;
      },
    },
    safeStorage: {
      isAsyncEncryptionAvailable: async () => false,
      getSelectedStorageBackend: () => 'basic_text',
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => (electron.permissionRequest = h),
        setPermissionCheckHandler: (h: Listener) => (electron.permissionCheck = h),
        setDevicePermissionHandler: () => {},
        webRequest: { onHeadersReceived: (h: Listener) => (electron.headers = h) },
      },
    },
    shell: { openExternal: async (url: string) => electron.opened.push(url) },
    Tray: class {
      setToolTip() {}
      setContextMenu() {}
      setTitle() {}
      on() {}
    },
  };
});

let server: Server;
let serviceUrl = '';

async function waitFor<T>(read: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 100; i += 1) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise(resolve => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html>');
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  electron.userData = mkdtempSync(join(tmpdir(), 'console-wiring-'));
  writeFileSync(join(electron.userData, 'settings.json'), JSON.stringify({ serviceUrl }));
  await import('../../main/index.ts');
  await waitFor(() => electron.windows[0]?.loaded[0], 'the console to load');
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise(resolve => server.close(resolve));
  rmSync(electron.userData, { recursive: true, force: true });
});

const invoke = (channel: string, frameUrl: string, ...args: unknown[]) =>
  electron.ipc.get(channel)!({ senderFrame: { url: frameUrl, parent: null } }, ...args);

describe('main/index wiring', () => {
  it('enables the sandbox and registers app:// without CSP bypass or CORS', () => {
    expect(electron.sandboxEnabled).toBe(true);
    expect(electron.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('opens one secure window and loads the console from the configured service', () => {
    expect(electron.windows).toHaveLength(1);
    const prefs = electron.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect([prefs.contextIsolation, prefs.sandbox, prefs.nodeIntegration]).toEqual([true, true, false]);
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(electron.windows[0]!.loaded).toEqual([`${serviceUrl}/console/`]);
  });

  it('registers every channel behind the sender check', async () => {
    expect([...electron.ipc.keys()].sort()).toEqual([
      'badge:set',
      'files:save',
      'notify:show',
      'session:clear',
      'session:get',
      'session:set',
      'settings:get-service-url',
      'settings:set-service-url',
    ]);
    await expect(invoke('settings:get-service-url', `${serviceUrl}/console/`)).resolves.toEqual({ ok: true, value: serviceUrl });
    await expect(invoke('settings:get-service-url', 'https://evil.example/console/')).resolves.toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });
    await expect(invoke('badge:set', 'app://console/index.html', 120, 'id')).resolves.toEqual({ ok: true, value: { text: '99+' } });
    expect(electron.badges).toEqual([99]);
  });

  it('refuses to keep the session without a real keychain', async () => {
    await expect(invoke('session:set', `${serviceUrl}/console/`, 'abc.def')).resolves.toMatchObject({
      ok: false,
      error: { code: 'encryption-unavailable' },
    });
    await expect(invoke('session:get', `${serviceUrl}/console/`)).resolves.toEqual({ ok: true, value: null });
  });

  it('blocks navigation and new windows, opening allowlisted sites externally', () => {
    const contents = electron.windows[0]!.contents;
    let prevented = 0;
    contents.handlers.get('will-navigate')!({ url: 'https://evil.example/', preventDefault: () => (prevented += 1) });
    contents.handlers.get('will-navigate')!({ url: `${serviceUrl}/console/inbox`, preventDefault: () => (prevented += 1) });
    expect(prevented).toBe(1);
    expect(contents.openHandler!({ url: 'https://www.who.int/emergencies' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(electron.opened).toEqual(['https://www.who.int/emergencies']);
  });

  it('grants only notifications, only to our renderer', () => {
    const answers: boolean[] = [];
    electron.permissionRequest!(null, 'notifications', (v: boolean) => answers.push(v), { requestingUrl: `${serviceUrl}/console/` });
    electron.permissionRequest!(null, 'media', (v: boolean) => answers.push(v), { requestingUrl: `${serviceUrl}/console/` });
    electron.permissionRequest!(null, 'notifications', (v: boolean) => answers.push(v), { requestingUrl: 'https://evil.example/' });
    expect(answers).toEqual([true, false, false]);
    expect(electron.permissionCheck!(null, 'geolocation', serviceUrl)).toBe(false);
  });

  it("adds the CSP to the service's console page only", () => {
    const seen: unknown[] = [];
    electron.headers!({ url: `${serviceUrl}/console/`, resourceType: 'mainFrame', responseHeaders: {} }, (r: unknown) => seen.push(r));
    electron.headers!({ url: `${serviceUrl}/api/x`, resourceType: 'xhr', responseHeaders: {} }, (r: unknown) => seen.push(r));
    const [page, api] = seen as Array<{ responseHeaders?: Record<string, string[]> }>;
    expect(page!.responseHeaders!['Content-Security-Policy']![0]).toContain(`connect-src ${serviceUrl} ws://127.0.0.1:`);
    expect(api).toEqual({});
  });

  it('serves the bundled renderer at app://console with the CSP and nothing outside it', async () => {
    const traversal = (await electron.protocolHandler!(new Request('app://console/assets%2f..%2f..%2fmain%2findex.js'))) as Response;
    expect(traversal.status).toBe(404);
    const other = (await electron.protocolHandler!(new Request('app://elsewhere/index.html'))) as Response;
    expect(other.status).toBe(404);
  });
});
