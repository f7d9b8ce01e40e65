/**
 * Argument validation for every IPC channel.
 *
 * The renderer is treated as untrusted input even though it is our code: a compromised page
 * must not get main to write a file it chose or show a notification with a phone number.
 * The map is typed by the contract, so a new channel without a validator does not compile.
 */
import type {
  IpcArgs,
  IpcChannel,
  NotificationRequest,
  ReportFormat,
  SaveFileRequest,
  UiLanguage,
} from '../preload/contract.ts';
import { MAX_REPORT_BYTES } from './save-file.ts';
import { parseServiceUrl } from './service-address.ts';
import { isValidSessionToken } from './session-store.ts';

export type ArgsCheck<C extends IpcChannel> = { ok: true; args: IpcArgs<C> } | { ok: false; error: string };
export type ArgsValidator<C extends IpcChannel> = (args: readonly unknown[]) => ArgsCheck<C>;
export type IpcValidators = { [C in IpcChannel]: ArgsValidator<C> };

const MAX_WAITING = 1_000_000;
const MAX_REGION_NAME = 80;
const MAX_FILE_NAME = 255;

function fail<C extends IpcChannel>(error: string): ArgsCheck<C> {
  return { ok: false, error };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every(key => keys.includes(key));
}

function isLanguage(value: unknown): value is UiLanguage {
  return value === 'id' || value === 'en';
}

function isWaitingCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_WAITING;
}

function isOptionalRegionName(value: unknown): value is string | undefined {
  return value === undefined || (typeof value === 'string' && value.length <= MAX_REGION_NAME);
}

function noArgs<C extends IpcChannel>(args: readonly unknown[]): ArgsCheck<C> {
  return args.length === 0 ? { ok: true, args: [] as unknown as IpcArgs<C> } : fail('expected no arguments');
}

function parseNotification(value: unknown): NotificationRequest | null {
  if (!isRecord(value) || !isLanguage(value.lang) || !isOptionalRegionName(value.regionName)) return null;
  if (value.kind === 'citizen-waiting') {
    if (!hasOnlyKeys(value, ['kind', 'lang', 'waitingCount', 'priority', 'regionName'])) return null;
    if (!isWaitingCount(value.waitingCount)) return null;
    if (value.priority !== 'normal' && value.priority !== 'high') return null;
    const request: NotificationRequest = {
      kind: 'citizen-waiting',
      lang: value.lang,
      waitingCount: value.waitingCount,
      priority: value.priority,
    };
    if (value.regionName !== undefined) request.regionName = value.regionName;
    return request;
  }
  if (value.kind === 'high-risk-checkup') {
    if (!hasOnlyKeys(value, ['kind', 'lang', 'regionName'])) return null;
    const request: NotificationRequest = { kind: 'high-risk-checkup', lang: value.lang };
    if (value.regionName !== undefined) request.regionName = value.regionName;
    return request;
  }
  return null;
}

function isReportFormat(value: unknown): value is ReportFormat {
  return value === 'pdf' || value === 'csv';
}

function parseSaveFile(value: unknown): SaveFileRequest | null {
  if (!isRecord(value) || !hasOnlyKeys(value, ['defaultName', 'format', 'bytes'])) return null;
  const { defaultName, format, bytes } = value;
  if (typeof defaultName !== 'string' || defaultName.length > MAX_FILE_NAME) return null;
  if (!isReportFormat(format)) return null;
  if (!(bytes instanceof Uint8Array) || bytes.byteLength > MAX_REPORT_BYTES) return null;
  return { defaultName, format, bytes };
}

export const ipcValidators: IpcValidators = {
  'notify:show': args => {
    const request = args.length === 1 ? parseNotification(args[0]) : null;
    return request === null ? fail('expected one notification request') : { ok: true, args: [request] };
  },
  'badge:set': args => {
    const [count, lang] = args;
    if (args.length !== 2 || !isWaitingCount(count) || !isLanguage(lang)) {
      return fail('expected a waiting count (integer >= 0) and a language (id or en)');
    }
    return { ok: true, args: [count, lang] };
  },
  'files:save': args => {
    const request = args.length === 1 ? parseSaveFile(args[0]) : null;
    return request === null
      ? fail(`expected { defaultName, format: pdf|csv, bytes: Uint8Array up to ${MAX_REPORT_BYTES} bytes }`)
      : { ok: true, args: [request] };
  },
  'session:get': noArgs,
  'session:set': args => {
    const [token] = args;
    return args.length === 1 && isValidSessionToken(token) ? { ok: true, args: [token] } : fail('expected one token');
  },
  'session:clear': noArgs,
  'settings:get-service-url': noArgs,
  'settings:set-service-url': args => {
    if (args.length !== 1) return fail('expected one address');
    const parsed = parseServiceUrl(args[0]);
    return parsed.ok ? { ok: true, args: [parsed.value] } : fail(parsed.error);
  },
};
