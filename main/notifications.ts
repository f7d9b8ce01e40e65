/**
 * The text of native notifications, in Indonesian or English.
 *
 * A notification shows on a desktop others can see, so it says what happened and where
 * (the kabupaten/kota), never who: no phone number, no name, no message text. The request
 * carries none of those, and the region name is stripped to letters as a second guard.
 */
import type { NotificationRequest, UiLanguage } from '../preload/contract.ts';
import { badgeText } from './badge.ts';

export type NotificationText = { title: string; body: string };

const MAX_REGION_LENGTH = 40;

/**
 * A region name fit for a notification, or null.
 *
 * Keeps letters, spaces, dots, hyphens and apostrophes ("Kab. Probolinggo", "Kota Batu");
 * digits go, so a phone number passed by mistake cannot reach the screen.
 */
export function sanitiseRegionName(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const cleaned = raw
    .replace(/[^\p{L}\s.'-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_REGION_LENGTH)
    .trim();
  return /\p{L}{2}/u.test(cleaned) ? cleaned : null;
}

function citizenWaiting(
  lang: UiLanguage,
  count: string,
  priority: 'normal' | 'high',
  region: string | null
): NotificationText {
  const high = priority === 'high';
  if (lang === 'en') {
    const who = region === null ? 'A citizen' : `A citizen from ${region}`;
    const queue = count === '' ? '' : ` ${count} ${count === '1' ? 'citizen' : 'citizens'} waiting in the queue.`;
    return {
      title: high ? 'Citizen waiting for a volunteer (high priority)' : 'Citizen waiting for a volunteer',
      body: `${who} asked for a volunteer.${queue}`,
    };
  }
  const who = region === null ? 'Seorang warga' : `Seorang warga dari ${region}`;
  const queue = count === '' ? '' : ` ${count} warga menunggu di antrean.`;
  return {
    title: high ? 'Warga menunggu relawan (prioritas tinggi)' : 'Warga menunggu relawan',
    body: `${who} meminta relawan.${queue}`,
  };
}

function highRiskCheckup(lang: UiLanguage, region: string | null): NotificationText {
  if (lang === 'en') {
    const who = region === null ? 'A citizen' : `A citizen from ${region}`;
    return {
      title: 'Self check-up: high risk',
      body: `${who} got a high-risk result and needs a volunteer.`,
    };
  }
  const who = region === null ? 'Seorang warga' : `Seorang warga dari ${region}`;
  return {
    title: 'Cek mandiri: risiko tinggi',
    body: `${who} mendapat hasil risiko tinggi dan perlu dihubungi relawan.`,
  };
}

/** Title and body for a notification request (already validated by the IPC layer). */
export function buildNotification(request: NotificationRequest): NotificationText {
  const lang: UiLanguage = request.lang === 'en' ? 'en' : 'id';
  const region = sanitiseRegionName(request.regionName);
  if (request.kind === 'citizen-waiting') {
    const priority = request.priority === 'high' ? 'high' : 'normal';
    return citizenWaiting(lang, badgeText(request.waitingCount), priority, region);
  }
  return highRiskCheckup(lang, region);
}
