/**
 * The 24-hour customer service window: free-form replies only while it is open; after it
 * closes only an approved template may be sent (Meta's rule, enforced by the service too).
 */
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useT } from '../../i18n/index.tsx';
import { duration } from '../../lib/time.ts';

export type WindowState = 'open' | 'closing' | 'closed' | 'none';

const CLOSING_MS = 2 * 3_600_000;

export function windowState(closesAt: number | null, now: number): WindowState {
  if (closesAt === null) return 'none';
  if (now >= closesAt) return 'closed';
  return closesAt - now < CLOSING_MS ? 'closing' : 'open';
}

export function WindowCountdown({ closesAt, now }: { closesAt: number | null; now: number }) {
  const t = useT();
  const state = windowState(closesAt, now);
  if (state === 'none' || closesAt === null) return <StatusBadge>{t('window.none')}</StatusBadge>;
  if (state === 'closed') {
    return (
      <span data-testid="window" data-state="closed">
        <StatusBadge tone="danger">{t('window.closed')}</StatusBadge>
      </span>
    );
  }
  return (
    <span data-testid="window" data-state={state} title={t('window.explain')}>
      <StatusBadge tone={state === 'closing' ? 'warning' : 'success'}>{t('window.closesIn', { time: duration(closesAt - now) })}</StatusBadge>
    </span>
  );
}
