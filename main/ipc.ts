/**
 * The one way main answers IPC: `handle(channel, handler)`.
 *
 * Every call is checked in the same order: the sender frame must be our renderer's main frame,
 * then the arguments must pass the channel's validator; only then does the handler run.
 * Results cross as `{ ok, value | error }`, never as thrown errors (Signal-Desktop
 * `app/sql_channel.main.ts`), so the renderer always gets a reason it can show.
 * Modelled on desktop/desktop `main-process/ipc-main.ts`.
 */
import type {
  IpcArgs,
  IpcChannel,
  IpcErrorCode,
  IpcResult,
  IpcValue,
} from '../preload/contract.ts';
import type { SenderFrameLike } from './ipc-sender.ts';
import { ipcValidators, type ArgsValidator, type IpcValidators } from './ipc-validators.ts';

/** The part of Electron's `IpcMainInvokeEvent` the wrapper reads. */
export type InvokeEventLike = { readonly senderFrame: SenderFrameLike | null };

export type IpcListener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

/** Electron's `ipcMain` in production; a plain object in tests. */
export type IpcRegistrar = {
  handle(channel: string, listener: IpcListener): void;
};

export type IpcHandler<C extends IpcChannel> = (...args: IpcArgs<C>) => IpcValue<C> | Promise<IpcValue<C>>;

/** Thrown by a handler for an expected failure the renderer should see by its code. */
export class IpcHandlerError extends Error {
  readonly code: IpcErrorCode;

  constructor(code: IpcErrorCode, message: string) {
    super(message);
    this.name = 'IpcHandlerError';
    this.code = code;
  }
}

export type IpcHandleOptions = {
  registrar: IpcRegistrar;
  isTrustedSender: (frame: SenderFrameLike | null) => boolean;
  validators?: IpcValidators;
  /** Where refused calls and handler failures are reported (main's logger). */
  log?: (line: string) => void;
};

export type IpcHandle = <C extends IpcChannel>(channel: C, handler: IpcHandler<C>) => void;

function senderForLog(frame: SenderFrameLike | null): string {
  if (frame === null) return 'no frame';
  try {
    const url = new URL(frame.url);
    return `${url.protocol === 'file:' ? 'file:' : url.origin}${frame.parent === null ? '' : ' (subframe)'}`;
  } catch {
    return 'unparseable URL';
  }
}

/** Make the `handle()` function bound to one registrar and one sender check. */
export function createIpcHandle(options: IpcHandleOptions): IpcHandle {
  const validators = options.validators ?? ipcValidators;
  const log = options.log ?? (() => {});

  return function handle<C extends IpcChannel>(channel: C, handler: IpcHandler<C>): void {
    const validate = validators[channel] as ArgsValidator<C>;
    const listener = async (event: InvokeEventLike, ...args: unknown[]): Promise<IpcResult<IpcValue<C>>> => {
      const frame = event.senderFrame ?? null;
      if (!options.isTrustedSender(frame)) {
        log(`ipc ${channel}: refused sender ${senderForLog(frame)}`);
        return { ok: false, error: { code: 'untrusted-sender', message: 'This page may not use the desktop bridge.' } };
      }
      const checked = validate(args);
      if (!checked.ok) {
        log(`ipc ${channel}: invalid arguments: ${checked.error}`);
        return { ok: false, error: { code: 'invalid-arguments', message: checked.error } };
      }
      try {
        return { ok: true, value: await handler(...checked.args) };
      } catch (error) {
        if (error instanceof IpcHandlerError) return { ok: false, error: { code: error.code, message: error.message } };
        const message = error instanceof Error ? error.message : String(error);
        log(`ipc ${channel}: handler failed: ${message}`);
        return { ok: false, error: { code: 'failed', message } };
      }
    };
    options.registrar.handle(channel, listener);
  };
}
