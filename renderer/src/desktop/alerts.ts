/**
 * Telling staff who is not looking: the waiting count on the dock/tray badge (desktop app) or
 * in the tab title (browser), and native notifications for a new waiting citizen or a high-risk
 * self check-up. Notifications carry counts and region names only, never a number or a text.
 */
import { useEffect, useRef } from 'react';
import type { InboxResponse } from '../../../bot-service/contract/inbox.ts';
import { useLiveEvents } from '../api/stream.ts';
import { useLang, useT } from '../i18n/index.tsx';

const HIGH_PRIORITY = 50;

function notLooking(): boolean {
  return document.hidden || !document.hasFocus();
}

/** Badge and title with the waiting count; a notification for each newly waiting citizen. */
export function useWaitingAlerts(inbox: InboxResponse | undefined): void {
  const { lang } = useLang();
  const t = useT();
  const seen = useRef<Set<number> | null>(null);
  const waiting = inbox?.waiting.length ?? 0;

  useEffect(() => {
    const base = t('app.title');
    document.title = waiting > 0 ? `(${waiting}) ${base}` : base;
    void window.desktop?.setBadge(waiting, lang);
  }, [waiting, lang, t]);

  useEffect(() => {
    if (inbox === undefined) return;
    const ids = new Set(inbox.waiting.map(item => item.id));
    const before = seen.current;
    seen.current = ids;
    // The first answer after opening is the present, not news.
    if (before === null || window.desktop === undefined || !notLooking()) return;
    const fresh = inbox.waiting.filter(item => !before.has(item.id));
    if (fresh.length === 0) return;
    const top = fresh.reduce((a, b) => (b.priority > a.priority ? b : a));
    void window.desktop.showNotification({
      kind: 'citizen-waiting',
      lang,
      waitingCount: inbox.waiting.length,
      priority: top.priority >= HIGH_PRIORITY ? 'high' : 'normal',
      ...(top.regionName !== null ? { regionName: top.regionName } : {}),
    });
  }, [inbox, lang]);

  // Clear the badge when the shell goes away (logout).
  const langRef = useRef(lang);
  langRef.current = lang;
  useEffect(
    () => () => {
      document.title = t('app.title');
      void window.desktop?.setBadge(0, langRef.current);
    },
    [t]
  );
}

/** A native notification when a self check-up ends high risk (supervisors and admins). */
export function useHighRiskAlerts(enabled: boolean): void {
  const { lang } = useLang();
  useLiveEvents(event => {
    if (!enabled || window.desktop === undefined || event.eventType !== 'flow.signal') return;
    if (event.data.kind !== 'selfcheck' || event.data.level !== 'tinggi' || !notLooking()) return;
    void window.desktop.showNotification({ kind: 'high-risk-checkup', lang });
  });
}
