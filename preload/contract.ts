/**
 * The IPC contract between the console's renderer and the Electron main process.
 *
 * One entry per channel (`domain:verb`), written as the handler's signature. Only what a
 * browser cannot do goes here: the renderer talks to bot-service over HTTP/WebSocket itself.
 * Results always cross as `IpcResult`, never as thrown errors.
 */

/** The console's interface languages; Indonesian first. */
export type UiLanguage = 'id' | 'en';

/** A native notification, described by what happened; main writes the text. */
export type NotificationRequest =
  | {
      kind: 'citizen-waiting';
      lang: UiLanguage;
      /** Citizens now waiting for a volunteer (the inbox queue length). */
      waitingCount: number;
      priority: 'normal' | 'high';
      /** Kabupaten/kota name, e.g. "Kota Surabaya"; never a phone number or message text. */
      regionName?: string;
    }
  | {
      kind: 'high-risk-checkup';
      lang: UiLanguage;
      regionName?: string;
    };

export type ReportFormat = 'pdf' | 'csv';

/** A report file the renderer already has in memory (e.g. from `/api/reports/daily`). */
export type SaveFileRequest = {
  /** Suggested file name; main strips folders and forces the format's extension. */
  defaultName: string;
  format: ReportFormat;
  bytes: Uint8Array;
};

export type SaveFileResult = { saved: true; fileName: string } | { saved: false };

export type IpcErrorCode =
  | 'untrusted-sender'
  | 'invalid-arguments'
  | 'encryption-unavailable'
  | 'unsupported'
  | 'failed';

export type IpcError = { code: IpcErrorCode; message: string };

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Channel → handler signature (arguments and the value inside a successful result). */
export type IpcContract = {
  'notify:show': (request: NotificationRequest) => { shown: boolean };
  /** Sets the tray tooltip/title and the dock/launcher badge; returns the badge text shown. */
  'badge:set': (waitingCount: number, lang: UiLanguage) => { text: string };
  /** Shows a save dialog and writes the bytes; `saved: false` when the user cancels. */
  'files:save': (request: SaveFileRequest) => SaveFileResult;
  /** The session token kept with the OS keychain (safeStorage), or null. */
  'session:get': () => string | null;
  /** Fails with `encryption-unavailable` rather than storing the token in plain text. */
  'session:set': (token: string) => null;
  'session:clear': () => null;
  'settings:get-service-url': () => string;
  /**
   * Validates and saves the bot-service address, forgets the session (it belongs to the old
   * service) and reloads the console from the new address. Returns the normalised URL.
   */
  'settings:set-service-url': (url: string) => string;
};

export type IpcChannel = keyof IpcContract;
export type IpcArgs<C extends IpcChannel> = Parameters<IpcContract[C]>;
export type IpcValue<C extends IpcChannel> = ReturnType<IpcContract[C]>;
export type IpcInvoke<C extends IpcChannel> = (...args: IpcArgs<C>) => Promise<IpcResult<IpcValue<C>>>;

/** What the preload exposes as `window.desktop`: one function per channel. */
export type DesktopApi = {
  showNotification: IpcInvoke<'notify:show'>;
  setBadge: IpcInvoke<'badge:set'>;
  saveFile: IpcInvoke<'files:save'>;
  getSession: IpcInvoke<'session:get'>;
  setSession: IpcInvoke<'session:set'>;
  clearSession: IpcInvoke<'session:clear'>;
  getServiceUrl: IpcInvoke<'settings:get-service-url'>;
  setServiceUrl: IpcInvoke<'settings:set-service-url'>;
};
