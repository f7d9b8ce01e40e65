/**
 * Says, on every screen, that the figures include a made-up demo history (issue 5 item 3), and
 * which days it covers, so nobody quotes a demo number as real. Shows nothing without one.
 */
import { useDemoHistory } from '../api/system.ts';
import { localeOf, useLang, useT } from '../i18n/index.tsx';
import './demo-banner.css';

/** `1–3 Apr 2020`: WIB days written for people. */
function dayRange(from: string, to: string, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return format.formatRange(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`));
}

export function DemoBanner() {
  const t = useT();
  const { lang } = useLang();
  const history = useDemoHistory();
  if (history === null) return null;
  const locale = localeOf(lang);
  const range = t('demo.banner.range', {
    days: dayRange(history.from, history.to, locale),
    count: new Intl.NumberFormat(locale).format(history.conversations),
  });
  return (
    <div className="demo-banner" role="note" data-testid="demo-banner" title={`${t('demo.banner.title')} ${range}`}>
      <strong>{t('demo.banner.title')}</strong>
      <span className="demo-banner-range">{range}</span>
    </div>
  );
}
