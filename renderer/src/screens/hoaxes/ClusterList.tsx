/**
 * The ranked clusters: growth in the last hour and day first. Each row shows what the rumour
 * says (masked), how many sent it and from where, how much of it came forwarded, and the
 * verdict. Supervisors tick rows to merge them into the open cluster.
 */
import type { ClusterSummary } from '../../../../bot-service/contract/hoax.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { localeOf, useLang, useT } from '../../i18n/index.tsx';
import { clockTime } from '../../lib/time.ts';
import { hrefFor } from '../../routes.ts';
import { percent, regionName, verdictLabel, verdictTone } from './labels.ts';

type Props = {
  clusters: readonly ClusterSummary[];
  selectedId: number | null;
  now: number;
  /** Ticked for merging (supervisors only). */
  ticked: ReadonlySet<number> | null;
  onTick: (id: number, on: boolean) => void;
};

export function ClusterList({ clusters, selectedId, now, ticked, onTick }: Props) {
  const t = useT();
  const { lang } = useLang();
  const locale = localeOf(lang);
  const unknown = t('hoax.region.unknown');
  return (
    <ol className="hoax-list" aria-label={t('hoax.list.label')} data-testid="hoax-list">
      {clusters.map((c, rank) => {
        const selected = c.id === selectedId;
        return (
          <li key={c.id} className="hoax-row" aria-current={selected ? 'true' : undefined} data-testid={`hoax-cluster-${c.id}`} data-senders={c.senders}>
            {ticked !== null && !selected ? (
              <input
                type="checkbox"
                className="hoax-tick"
                checked={ticked.has(c.id)}
                onChange={e => onTick(c.id, e.target.checked)}
                aria-label={t('hoax.merge.tick', { id: c.id })}
              />
            ) : (
              <span className="hoax-rank" aria-hidden="true">
                {rank + 1}
              </span>
            )}
            <a className="hoax-row-link" href={hrefFor('hoaxes', c.id)}>
              <span className="hoax-row-top">
                <span className="hoax-row-id">#{c.id}</span>
                {c.verdict !== null ? (
                  <StatusBadge tone={verdictTone[c.verdict.verdict]}>{t(verdictLabel[c.verdict.verdict])}</StatusBadge>
                ) : (
                  <StatusBadge tone="info">{t('hoax.verdict.none')}</StatusBadge>
                )}
                {c.matchedHoax !== null ? <StatusBadge tone="neutral">{t('hoax.known')}</StatusBadge> : null}
                {c.media > 0 ? <StatusBadge tone="neutral">{t('hoax.media', { count: c.media })}</StatusBadge> : null}
                <span className="spacer" />
                <span className="muted hoax-row-time">{clockTime(c.lastSeen, locale, now)}</span>
              </span>
              <span className="hoax-row-sample">{c.sample ?? t('hoax.sample.file')}</span>
              <span className="hoax-row-stats">
                <span data-testid="hoax-senders">
                  <strong>{c.senders}</strong> {t('hoax.stat.senders')}
                </span>
                <span>
                  <strong>{c.claims}</strong> {t('hoax.stat.claims')}
                </span>
                <span className={c.growth.lastHour > 0 ? 'hoax-growth hot' : 'hoax-growth'}>
                  +{c.growth.lastHour}/{t('hoax.stat.hour')} · +{c.growth.lastDay}/{t('hoax.stat.day')}
                </span>
                <span>
                  {percent(c.forwardedShare)} {t('hoax.stat.forwarded')}
                </span>
                {c.regions[0] !== undefined ? (
                  <span className="muted">
                    {regionName(c.regions[0].code, unknown)}
                    {c.regions.length > 1 ? ` +${c.regions.length - 1}` : ''}
                  </span>
                ) : null}
              </span>
            </a>
          </li>
        );
      })}
    </ol>
  );
}
