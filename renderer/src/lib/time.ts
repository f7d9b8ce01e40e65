/**
 * Times for people: WIB days and clock times, waits and countdowns.
 *
 * Days and clock times are shown in Asia/Jakarta (WIB) whatever the computer's zone, because
 * the command post, the reports and the statistics all count WIB days.
 */
const WIB = 'Asia/Jakarta';
const WIB_OFFSET_MS = 7 * 3_600_000;

/** The WIB day of an instant, `YYYY-MM-DD`. */
export function wibDay(epochMs: number): string {
  return new Date(epochMs + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

export function todayWib(now: number = Date.now()): string {
  return wibDay(now);
}

/** The day before (or `days` before) a `YYYY-MM-DD` day. */
export function addDays(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Start of a WIB day as epoch ms. */
export function wibDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - WIB_OFFSET_MS;
}

/** `14:05` in WIB (with the date when not today). */
export function clockTime(epochMs: number, locale: string, now: number = Date.now()): string {
  const sameDay = wibDay(epochMs) === wibDay(now);
  return new Intl.DateTimeFormat(locale, {
    timeZone: WIB,
    hour: '2-digit',
    minute: '2-digit',
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
  }).format(epochMs);
}

/** `25 Nov 2026 14:05:09` in WIB. */
export function dateTime(epochMs: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: WIB,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(epochMs);
}

/** A duration as `m:ss`, `h:mm:ss` or `2 h 05 m` past a day's worth of hours. */
export function duration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h >= 24) return `${Math.floor(h / 24)} d ${h % 24} h`;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
