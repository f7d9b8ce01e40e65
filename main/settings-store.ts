/**
 * The console's own settings: the bot-service address and the window's last bounds.
 *
 * Stored as JSON in a file in Electron's userData folder. Plain functions taking the file's
 * path, so tests use a temp dir. A missing, corrupt or partly invalid file gives defaults for
 * what is wrong and keeps what is right: a bad settings file must never stop the app.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_SERVICE_URL, parseServiceUrl } from './service-address.ts';
import { MIN_WINDOW_SIZE, type WindowRect } from './window-options.ts';

export const SETTINGS_FILE_NAME = 'settings.json';

export type WindowBounds = WindowRect & { maximized: boolean };

export type Settings = {
  serviceUrl: string;
  windowBounds: WindowBounds | null;
};

export const DEFAULT_SETTINGS: Settings = { serviceUrl: DEFAULT_SERVICE_URL, windowBounds: null };

/** Window sizes past this are a corrupt file, not a real screen. */
const MAX_COORDINATE = 100_000;

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= MAX_COORDINATE;
}

/** Accept stored bounds only when every field is a sane integer. */
export function parseWindowBounds(value: unknown): WindowBounds | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!isCoordinate(v.x) || !isCoordinate(v.y) || !isCoordinate(v.width) || !isCoordinate(v.height)) return null;
  if (v.width <= 0 || v.height <= 0) return null;
  return { x: v.x, y: v.y, width: v.width, height: v.height, maximized: v.maximized === true };
}

/** Read the settings; never throws. */
export function readSettings(path: string): Settings {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
  if (typeof data !== 'object' || data === null) return { ...DEFAULT_SETTINGS };
  const record = data as Record<string, unknown>;
  const serviceUrl = parseServiceUrl(record.serviceUrl);
  return {
    serviceUrl: serviceUrl.ok ? serviceUrl.value : DEFAULT_SERVICE_URL,
    windowBounds: parseWindowBounds(record.windowBounds),
  };
}

/**
 * Write the settings atomically (temp file, then rename), so a crash mid-write leaves the
 * old file. Throws on an invalid service address: callers validate user input first.
 */
export function writeSettings(path: string, settings: Settings): void {
  const serviceUrl = parseServiceUrl(settings.serviceUrl);
  if (!serviceUrl.ok) throw new Error(serviceUrl.error);
  const clean: Settings = { serviceUrl: serviceUrl.value, windowBounds: parseWindowBounds(settings.windowBounds) };
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(clean, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, path);
}

/** Read, change some fields, write; returns what was written. */
export function updateSettings(path: string, patch: Partial<Settings>): Settings {
  const next: Settings = { ...readSettings(path), ...patch };
  writeSettings(path, next);
  return readSettings(path);
}

function intersectionArea(a: WindowRect, b: WindowRect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}

/**
 * Fit saved bounds onto the displays there are now.
 *
 * The display the window overlaps most wins; the window is shrunk to fit that display's work
 * area (never below the minimum size unless the display itself is smaller) and moved fully
 * onto it. Returns null when the window would be on no display at all (a monitor was
 * unplugged): the caller then opens a default-sized window where the OS puts it.
 */
export function clampBoundsToDisplays(bounds: WindowRect, workAreas: readonly WindowRect[]): WindowRect | null {
  let best: WindowRect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = intersectionArea(bounds, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  if (best === null) return null;
  const width = Math.min(Math.max(bounds.width, MIN_WINDOW_SIZE.width), best.width);
  const height = Math.min(Math.max(bounds.height, MIN_WINDOW_SIZE.height), best.height);
  return {
    x: clamp(bounds.x, best.x, best.x + best.width - width),
    y: clamp(bounds.y, best.y, best.y + best.height - height),
    width,
    height,
  };
}

/** Bounds to open the window with: the saved ones, clamped, or null for the default size. */
export function restoreWindowBounds(saved: WindowBounds | null, workAreas: readonly WindowRect[]): WindowRect | null {
  if (saved === null) return null;
  return clampBoundsToDisplays(saved, workAreas);
}
