/**
 * WIB (Asia/Jakarta) days and hours. Indonesia keeps no daylight saving time, so WIB is always
 * UTC+7 and plain arithmetic is exact: WIB midnight is 17:00 UTC of the day before.
 */

export const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** The WIB date `YYYY-MM-DD` of an epoch-ms instant. */
export function wibDay(ms: number): string {
  return new Date(ms + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** The WIB hour 0..23 of an epoch-ms instant. */
export function wibHour(ms: number): number {
  return new Date(ms + WIB_OFFSET_MS).getUTCHours();
}

/** Epoch ms of 00:00 WIB on that day. */
export function dayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`) - WIB_OFFSET_MS;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const ms = Date.parse(`${value}T00:00:00.000Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included (empty when from > to). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    out.push(d);
  }
  return out;
}

/** `YYYY-MM-DD HH:mm WIB` for people. */
export function formatWib(ms: number): string {
  const iso = new Date(ms + WIB_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} WIB`;
}

/**
 * Maps instants to (day, hour) buckets, remembering the last hour: the projector asks for the
 * same hour thousands of times in a row.
 */
export class HourBuckets {
  private lastKey = Number.NaN;
  private lastDay = '';
  private lastHour = 0;

  of(ms: number): { day: string; hour: number } {
    const key = Math.floor((ms + WIB_OFFSET_MS) / HOUR_MS);
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.lastDay = wibDay(ms);
      this.lastHour = wibHour(ms);
    }
    return { day: this.lastDay, hour: this.lastHour };
  }
}
