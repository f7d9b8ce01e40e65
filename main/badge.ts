/**
 * The waiting count shown on the tray icon and the dock/launcher badge.
 */
import type { UiLanguage } from '../preload/contract.ts';

/** Badges have room for two digits. */
const BADGE_CAP = 99;

/** A count from the renderer: a non-negative safe integer, anything else counts as 0. */
export function normaliseWaitingCount(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;
}

/** Badge text: empty when nobody waits, `1`…`99`, then `99+`. */
export function badgeText(waitingCount: number): string {
  const count = normaliseWaitingCount(waitingCount);
  if (count === 0) return '';
  return count > BADGE_CAP ? `${BADGE_CAP}+` : String(count);
}

/** The number for `app.setBadgeCount`, capped like the text. */
export function badgeCount(waitingCount: number): number {
  return Math.min(normaliseWaitingCount(waitingCount), BADGE_CAP);
}

/** Tray tooltip, e.g. "Konsol Posko COVID-19 Jatim: 3 warga menunggu". */
export function trayTooltip(waitingCount: number, lang: UiLanguage): string {
  const text = badgeText(waitingCount);
  if (lang === 'en') {
    if (text === '') return 'Konsol Posko COVID-19 Jatim: nobody waiting';
    return `Konsol Posko COVID-19 Jatim: ${text} ${text === '1' ? 'citizen' : 'citizens'} waiting`;
  }
  if (text === '') return 'Konsol Posko COVID-19 Jatim: tidak ada yang menunggu';
  return `Konsol Posko COVID-19 Jatim: ${text} warga menunggu`;
}
