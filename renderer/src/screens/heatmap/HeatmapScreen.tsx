/**
 * The heatmap (issue 5): where in East Java people reach the bot, for a day or a range, by
 * metric, absolute or per 100,000 people; the top five regions; click a region to drill down.
 * The figures refresh with the live stream while the period includes today.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useDemoHistory } from '../../api/system.ts';
import type { RegionValue, StatsMetric } from '../../../../bot-service/contract/stats.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { todayWib } from '../../lib/time.ts';
import { numberFormats } from './format.ts';
import { MapLegend } from './MapLegend.tsx';
import { metricSpec, metricSpecs, type MetricSpec } from './metrics.ts';
import { normalisePeriod, presetLabels, presetOf, presetPeriod, PRESETS, type Preset } from './period.ts';
import { useRegionStats, type Period } from './queries.ts';
import { RegionDrilldown } from './RegionDrilldown.tsx';
import { RegionMap } from './RegionMap.tsx';
import { makeColorScale } from './scale.ts';
import './heatmap.css';

function Controls(props: {
  metric: StatsMetric;
  onMetric: (metric: StatsMetric) => void;
  per100k: boolean;
  onPer100k: (value: boolean) => void;
  period: Period;
  onPeriod: (period: Period) => void;
}) {
  const t = useT();
  const id = useId();
  const today = todayWib();
  const preset = presetOf(props.period, today);
  const [custom, setCustom] = useState(preset === null);
  const spec = metricSpec(props.metric);
  return (
    <div className="heatmap-controls" role="group" aria-label={t('stats.controls')}>
      <label className="field" htmlFor={`${id}-metric`}>
        <span>{t('stats.metric')}</span>
        <select id={`${id}-metric`} value={props.metric} onChange={event => props.onMetric(event.target.value as StatsMetric)} data-testid="metric-picker">
          {metricSpecs.map(m => (
            <option key={m.metric} value={m.metric}>
              {t(m.label)}
            </option>
          ))}
        </select>
      </label>
      <div className="field">
        <span id={`${id}-scale`}>{t('stats.scale')}</span>
        <div className="segmented" role="radiogroup" aria-labelledby={`${id}-scale`}>
          {[false, true].map(value => (
            <button key={String(value)} type="button" role="radio" aria-checked={props.per100k === value} onClick={() => props.onPer100k(value)}>
              {value ? t('stats.scale.per100k') : t('stats.scale.absolute')}
            </button>
          ))}
        </div>
      </div>
      <label className="field" htmlFor={`${id}-period`}>
        <span>{t('stats.period')}</span>
        <select
          id={`${id}-period`}
          value={custom ? 'custom' : (preset ?? 'custom')}
          onChange={event => {
            const value = event.target.value;
            if (value === 'custom') {
              setCustom(true);
              return;
            }
            setCustom(false);
            props.onPeriod(presetPeriod(value as Preset, today));
          }}
          data-testid="period-picker"
        >
          {PRESETS.map(p => (
            <option key={p} value={p}>
              {t(presetLabels[p])}
            </option>
          ))}
          <option value="custom">{t('stats.period.custom')}</option>
        </select>
      </label>
      {custom ? (
        <>
          <DateInput label={t('stats.period.from')} value={props.period.from} max={today} onChange={from => props.onPeriod(normalisePeriod({ ...props.period, from }, today))} />
          <DateInput label={t('stats.period.to')} value={props.period.to} max={today} onChange={to => props.onPeriod(normalisePeriod({ ...props.period, to }, today))} />
        </>
      ) : null}
      <p className="metric-help muted">{t(spec.help)}</p>
    </div>
  );
}

function TopFive({ top, spec, per100k, selected, onSelect }: { top: RegionValue[]; spec: MetricSpec; per100k: boolean; selected: string | null; onSelect: (code: string) => void }) {
  const t = useT();
  const { lang } = useLang();
  const f = numberFormats(lang);
  const max = Math.max(...top.map(r => r.value ?? 0), 0);
  const nonZero = top.filter(r => (r.value ?? 0) > 0);
  return (
    <section className="panel top-five" aria-labelledby="top-five-title">
      <div className="panel-header">
        <h2 id="top-five-title">{t('stats.top.title')}</h2>
      </div>
      {nonZero.length === 0 ? (
        <p className="panel-body muted">{t('stats.top.none')}</p>
      ) : (
        <ol className="top-five-list" data-testid="top-five">
          {nonZero.map((r, i) => (
            <li key={r.code}>
              <button type="button" aria-pressed={selected === r.code} onClick={() => onSelect(r.code)} data-region={r.code}>
                <span className="rank">{i + 1}</span>
                <span className="name">{r.name}</span>
                <span className="value">
                  {per100k ? f.rate(r.value ?? 0) : f.count(r.value ?? 0)}
                  {per100k ? null : <span className="muted"> {t(spec.unit)}</span>}
                </span>
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${max > 0 ? ((r.value ?? 0) / max) * 100 : 0}%` }} />
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function HeatmapScreen() {
  const t = useT();
  const { lang } = useLang();
  const f = numberFormats(lang);
  const [metric, setMetric] = useState<StatsMetric>('conversations');
  const [per100k, setPer100k] = useState(false);
  const [period, setPeriodState] = useState<Period>(() => presetPeriod('today', todayWib()));
  // On a demo database, open on the demo days (today is empty) until the user picks a period.
  const chosen = useRef(false);
  const setPeriod = (p: Period) => {
    chosen.current = true;
    setPeriodState(p);
  };
  const demo = useDemoHistory();
  useEffect(() => {
    if (demo !== null && !chosen.current) setPeriodState({ from: demo.from, to: demo.to });
  }, [demo]);
  const [selected, setSelected] = useState<string | null>(null);
  const stats = useRegionStats({ ...period, metric, per100k });
  const spec = metricSpec(metric);

  const data = stats.data;
  const values = useMemo(() => {
    const map = new Map<string, number>();
    for (const r of data?.regions ?? []) if (r.value !== null) map.set(r.code, r.value);
    return map;
  }, [data]);
  const scale = useMemo(() => makeColorScale(values.values(), { integer: !per100k }), [values, per100k]);
  const byCode = useMemo(() => new Map((data?.regions ?? []).map(r => [r.code, r])), [data]);
  const ranks = useMemo(() => {
    const sorted = [...(data?.regions ?? [])].sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.code.localeCompare(b.code));
    return new Map(sorted.map((r, i) => [r.code, i + 1]));
  }, [data]);
  const format = per100k ? f.rate : f.count;
  const unit = per100k ? t('stats.unit.per100k') : t(spec.unit);
  const everyZero = data !== undefined && data.total === 0 && data.unknown.absolute === 0;

  return (
    <section className="screen heatmap-screen" aria-labelledby="heatmap-title">
      <header className="screen-header">
        <h1 id="heatmap-title">{t('stats.title')}</h1>
        {data !== undefined ? (
          <span className="province-total" data-testid="province-total">
            {t('stats.total', { value: f.count(data.total), unit: t(spec.unit) })}
          </span>
        ) : null}
      </header>
      <Controls metric={metric} onMetric={setMetric} per100k={per100k} onPer100k={setPer100k} period={period} onPeriod={setPeriod} />

      {stats.isPending ? (
        <Loading label={t('stats.loading')} />
      ) : stats.isError && data === undefined ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : data !== undefined ? (
        <div className="heatmap-body">
          <section className={['panel', 'heatmap-map', stats.isPlaceholderData ? 'is-stale' : ''].join(' ')} aria-busy={stats.isFetching}>
            {everyZero ? (
              <div className="map-empty" role="status">
                <strong>{t('stats.empty.title')}</strong> {t('stats.empty.hint')}
              </div>
            ) : null}
            <RegionMap
              values={values}
              scale={scale}
              ariaLabel={t('stats.map.label', { metric: t(spec.label) })}
              describeRegion={(shape, value) => `${shape.name}: ${value === undefined ? t('stats.noData') : `${format(value)} ${unit}`}`}
              renderDetails={shape => {
                const r = byCode.get(shape.code);
                return (
                  <>
                    <div className="tt-title">{shape.name}</div>
                    {r === undefined ? (
                      <span className="muted">{t('stats.noData')}</span>
                    ) : (
                      <dl>
                        <dt>{t(spec.label)}</dt>
                        <dd>{f.count(r.absolute)}</dd>
                        <dt>{t('stats.per100k')}</dt>
                        <dd>{r.per100k === null ? '–' : f.rate(r.per100k)}</dd>
                        <dt>{t('stats.rank')}</dt>
                        <dd>{t('stats.rankOf', { rank: ranks.get(r.code) ?? '–', total: 38 })}</dd>
                        <dt>{t('stats.population')}</dt>
                        <dd>{r.population === null ? '–' : f.count(r.population)}</dd>
                      </dl>
                    )}
                    <div className="tt-hint muted">{t('stats.map.clickHint')}</div>
                  </>
                );
              }}
              selected={selected}
              onSelect={code => setSelected(current => (current === code ? null : code))}
              markers={data.top.filter(r => (r.value ?? 0) > 0).map((r, i) => ({ code: r.code, label: String(i + 1) }))}
            />
            <div className="map-footer">
              <MapLegend scale={scale} title={per100k ? `${t(spec.label)}, ${unit}` : t(spec.label)} format={format} />
              <span className="muted" data-testid="unknown-region">
                {t('stats.unknown', { value: f.count(data.unknown.absolute) })}
              </span>
            </div>
          </section>
          <div className="heatmap-side">
            <TopFive top={data.top} spec={spec} per100k={per100k} selected={selected} onSelect={setSelected} />
            {selected !== null ? (
              <RegionDrilldown
                key={selected}
                code={selected}
                region={byCode.get(selected)}
                rank={ranks.get(selected) ?? null}
                period={period}
                metric={spec}
                onClose={() => setSelected(null)}
              />
            ) : (
              <EmptyState title={t('stats.drilldown.pick')} hint={t('stats.drilldown.pickHint')} />
            )}
          </div>
        </div>
      ) : null}
    </section>
  );
}
