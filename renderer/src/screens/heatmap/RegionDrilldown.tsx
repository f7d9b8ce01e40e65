/**
 * One region up close: its figures for the period, the chosen metric over time (by hour for a
 * day, by day for a range), which features its citizens used, and their self check-up levels.
 */
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RegionValue } from '../../../../bot-service/contract/stats.ts';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { localeOf, useLang, useT } from '../../i18n/index.tsx';
import { numberFormats } from './format.ts';
import type { MetricSpec } from './metrics.ts';
import { FeatureMixChart, SelfcheckChart } from './MixCharts.tsx';
import { useRegionSeries, type Period } from './queries.ts';

const axisTick = { fontSize: 11, fill: '#5b6876' };

export type RegionDrilldownProps = {
  code: string;
  /** The region's row of the map's answer (name, value, population). */
  region: RegionValue | undefined;
  rank: number | null;
  period: Period;
  metric: MetricSpec;
  onClose: () => void;
};

export function RegionDrilldown({ code, region, rank, period, metric, onClose }: RegionDrilldownProps) {
  const t = useT();
  const { lang } = useLang();
  const f = numberFormats(lang);
  const series = useRegionSeries(code, period);
  const byHour = period.from === period.to;
  // Unique contacts are kept per day: by hour, show conversations instead and say so.
  const field = byHour && metric.series === 'contacts' ? 'conversations' : metric.series;
  const seriesLabel = field === metric.series ? t(metric.label) : t('stats.metric.conversations');
  const dayFormat = new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const points = (series.data?.points ?? []).map(p => ({
    label: byHour ? `${p.key.slice(11, 13)}:00` : dayFormat.format(Date.parse(`${p.key}T00:00:00Z`)),
    value: p[field] ?? 0,
  }));
  const total = series.data?.points.reduce((sum, p) => sum + p.conversations, 0) ?? 0;

  return (
    <section className="panel drilldown" aria-labelledby="drilldown-title" data-testid="region-drilldown" data-region={code}>
      <div className="panel-header">
        <h2 id="drilldown-title">{region?.name ?? series.data?.name ?? code}</h2>
        <span className="spacer" />
        <Button size="sm" variant="ghost" onClick={onClose} aria-label={t('stats.drilldown.close')} title={t('stats.drilldown.close')}>
          ×
        </Button>
      </div>
      <div className="panel-body drilldown-body">
        {region !== undefined ? (
          <dl className="drilldown-figures">
            <div>
              <dt>{t(metric.label)}</dt>
              <dd>{f.count(region.absolute)}</dd>
            </div>
            <div>
              <dt>{t('stats.per100k')}</dt>
              <dd>{region.per100k === null ? '–' : f.rate(region.per100k)}</dd>
            </div>
            <div>
              <dt>{t('stats.rank')}</dt>
              <dd>{rank === null ? '–' : t('stats.rankOf', { rank, total: 38 })}</dd>
            </div>
            <div>
              <dt>{t('stats.population')}</dt>
              <dd>{region.population === null ? '–' : f.count(region.population)}</dd>
            </div>
          </dl>
        ) : null}

        {series.isPending ? (
          <Loading inline />
        ) : series.isError ? (
          <ErrorState inline error={series.error} onRetry={() => void series.refetch()} />
        ) : total === 0 ? (
          <EmptyState title={t('stats.drilldown.empty')} hint={t('stats.drilldown.emptyHint')} />
        ) : (
          <div className={series.isPlaceholderData ? 'is-stale' : undefined}>
            <h3>{byHour ? t('stats.drilldown.byHour', { metric: seriesLabel }) : t('stats.drilldown.byDay', { metric: seriesLabel })}</h3>
            <div className="chart" data-testid="drilldown-series">
              <ResponsiveContainer width="100%" height={150}>
                <AreaChart data={points} margin={{ top: 6, right: 8, bottom: 0, left: 0 }}>
                  <CartesianGrid vertical={false} stroke="#e5e9ef" />
                  <XAxis dataKey="label" tick={axisTick} interval="preserveStartEnd" minTickGap={16} />
                  <YAxis tick={axisTick} tickFormatter={f.compact} allowDecimals={false} width={40} />
                  <Tooltip formatter={value => f.count(Number(value))} />
                  <Area type="monotone" dataKey="value" name={seriesLabel} stroke="#e31a1c" fill="#fd8d3c" fillOpacity={0.35} isAnimationActive={false} />
                </AreaChart>
              </ResponsiveContainer>
            </div>
            <h3>{t('stats.drilldown.features')}</h3>
            {series.data !== undefined ? <FeatureMixChart features={series.data.features} height={230} /> : null}
            <h3>{t('stats.drilldown.selfcheck')}</h3>
            {series.data !== undefined ? <SelfcheckChart levels={series.data.selfcheck} height={140} /> : null}
          </div>
        )}
      </div>
    </section>
  );
}
