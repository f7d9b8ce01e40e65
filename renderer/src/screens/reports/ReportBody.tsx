/** A day's report laid out: headline figures, the map and top five, charts, tables, definitions. */
import { useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DailyReport, ReportRegion } from '../../../../bot-service/contract/reports.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { numberFormats } from '../heatmap/format.ts';
import { MapLegend } from '../heatmap/MapLegend.tsx';
import { FeatureMixChart, SelfcheckChart } from '../heatmap/MixCharts.tsx';
import { RegionMap } from '../heatmap/RegionMap.tsx';
import { makeColorScale } from '../heatmap/scale.ts';
import { KpiCards } from './KpiCards.tsx';
import { RegionTable } from './RegionTable.tsx';

const axisTick = { fontSize: 12, fill: '#5b6876' };

function HourlyChart({ hourly }: { hourly: DailyReport['hourly'] }) {
  const t = useT();
  const { lang } = useLang();
  const f = numberFormats(lang);
  const data = Array.from({ length: 24 }, (_, hour) => {
    const row = hourly.find(h => h.hour === hour);
    return { hour: String(hour).padStart(2, '0'), conversations: row?.conversations ?? 0, messagesIn: row?.messagesIn ?? 0 };
  });
  return (
    <div className="chart" data-testid="hourly-chart">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="#e5e9ef" />
          <XAxis dataKey="hour" tick={axisTick} interval={1} />
          <YAxis tick={axisTick} tickFormatter={f.compact} allowDecimals={false} width={44} />
          <Tooltip formatter={value => f.count(Number(value))} labelFormatter={label => `${label}:00 WIB`} cursor={{ fill: '#eef2f6' }} />
          <Bar dataKey="conversations" name={t('reports.kpi.conversations')} fill="#0f5e9c" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function RegionDetails({ region }: { region: ReportRegion | undefined }) {
  const t = useT();
  const { lang } = useLang();
  const f = numberFormats(lang);
  if (region === undefined) return null;
  return (
    <>
      <div className="tt-title">{region.name}</div>
      <dl>
        <dt>{t('reports.col.conversations')}</dt>
        <dd>{f.count(region.conversations)}</dd>
        <dt>{t('reports.col.per100k')}</dt>
        <dd>{region.conversationsPer100k === null ? '–' : f.rate(region.conversationsPer100k)}</dd>
        <dt>{t('reports.col.change')}</dt>
        <dd>{f.change(region.conversationsChange)}</dd>
        <dt>{t('reports.col.contacts')}</dt>
        <dd>{f.count(region.contacts)}</dd>
        <dt>{t('reports.col.handoffs')}</dt>
        <dd>{f.count(region.handoffs)}</dd>
      </dl>
    </>
  );
}

export function ReportBody({ report }: { report: DailyReport }) {
  const t = useT();
  const { lang } = useLang();
  const f = numberFormats(lang);
  const [selected, setSelected] = useState<string | null>(null);
  const byCode = useMemo(() => new Map(report.regions.map(r => [r.code, r])), [report.regions]);
  const values = useMemo(
    () => new Map(report.regions.filter(r => r.code !== 'unknown').map(r => [r.code, r.conversations])),
    [report.regions]
  );
  const scale = useMemo(() => makeColorScale(values.values(), { integer: true }), [values]);
  const unknown = byCode.get('unknown');
  const topMax = Math.max(1, ...report.topRegions.map(r => r.conversations));

  return (
    <div className="report-body" data-testid="report-body">
      <KpiCards report={report} />

      <div className="report-grid">
        <section className="panel report-map" aria-labelledby="report-map-title">
          <div className="panel-header">
            <h2 id="report-map-title">{t('reports.map.title')}</h2>
          </div>
          <div className="panel-body">
            <RegionMap
              values={values}
              scale={scale}
              ariaLabel={t('reports.map.title')}
              describeRegion={(shape, value) => `${shape.name}: ${f.count(value ?? 0)} ${t('stats.metric.conversations').toLowerCase()}`}
              renderDetails={shape => <RegionDetails region={byCode.get(shape.code)} />}
              selected={selected}
              onSelect={code => setSelected(current => (current === code ? null : code))}
              markers={report.topRegions.map(r => ({ code: r.code, label: String(r.rank) }))}
            />
            <div className="map-footer">
              <MapLegend scale={scale} title={t('reports.map.legend')} format={f.count} />
              {unknown !== undefined && unknown.conversations > 0 ? (
                <span className="muted">{t('reports.map.unknown', { count: f.count(unknown.conversations) })}</span>
              ) : null}
            </div>
          </div>
        </section>

        <div className="report-side">
          <section className="panel" aria-labelledby="report-top-title">
            <div className="panel-header">
              <h2 id="report-top-title">{t('reports.top.title')}</h2>
            </div>
            <ol className="top-list" data-testid="report-top">
              {report.topRegions.map(r => (
                <li key={r.code}>
                  <button type="button" className="top-row" aria-pressed={selected === r.code} onClick={() => setSelected(r.code)}>
                    <span className="top-rank">{r.rank}</span>
                    <span className="top-name">{r.name}</span>
                    <span className="top-value">{f.count(r.conversations)}</span>
                    <span className="top-bar" aria-hidden="true">
                      <span style={{ width: `${(r.conversations / topMax) * 100}%` }} />
                    </span>
                    <span className="top-meta muted">
                      {r.conversationsPer100k === null ? '' : t('reports.top.per100k', { value: f.rate(r.conversationsPer100k) })}
                      {' · '}
                      {f.change(r.conversationsChange)}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
            {report.topRegions.length === 0 ? <p className="panel-body muted">{t('reports.top.none')}</p> : null}
          </section>
          <section className="panel" aria-labelledby="report-hourly-title">
            <div className="panel-header">
              <h2 id="report-hourly-title">{t('reports.hourly.title')}</h2>
            </div>
            <div className="panel-body">
              <HourlyChart hourly={report.hourly} />
            </div>
          </section>
        </div>
      </div>

      <div className="report-charts">
        <section className="panel" aria-labelledby="report-features-title">
          <div className="panel-header">
            <h2 id="report-features-title">{t('reports.features.title')}</h2>
          </div>
          <div className="panel-body">
            <FeatureMixChart features={report.features} />
          </div>
        </section>
        <section className="panel" aria-labelledby="report-selfcheck-title">
          <div className="panel-header">
            <h2 id="report-selfcheck-title">{t('reports.selfcheck.title')}</h2>
          </div>
          <div className="panel-body">
            <SelfcheckChart levels={report.selfcheck} />
          </div>
        </section>
        <section className="panel" aria-labelledby="report-hoax-title">
          <div className="panel-header">
            <h2 id="report-hoax-title">{t('reports.hoax.title')}</h2>
            <span className="spacer" />
            <StatusBadge tone={report.hoax.claims > 0 ? 'danger' : 'neutral'}>{f.count(report.hoax.claims)}</StatusBadge>
          </div>
          {report.hoax.topClusters.length === 0 ? (
            <p className="panel-body muted">{t('reports.hoax.none')}</p>
          ) : (
            <table className="data">
              <thead>
                <tr>
                  <th>{t('reports.hoax.claim')}</th>
                  <th>{t('reports.hoax.verdict')}</th>
                  <th className="num">{t('reports.hoax.count')}</th>
                </tr>
              </thead>
              <tbody>
                {report.hoax.topClusters.map(cluster => (
                  <tr key={cluster.hoaxId ?? 'unmatched'}>
                    <td>{cluster.claim ?? <em className="muted">{t('reports.hoax.unmatched')}</em>}</td>
                    <td>{cluster.verdict ?? '–'}</td>
                    <td className="num">{f.count(cluster.claims)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      <section className="panel" aria-labelledby="report-regions-title">
        <div className="panel-header">
          <h2 id="report-regions-title">{t('reports.regions.title')}</h2>
        </div>
        <RegionTable regions={report.regions} selected={selected} onSelect={setSelected} />
      </section>

      <details className="panel definitions">
        <summary>
          <h2>{t('reports.definitions.title')}</h2>
        </summary>
        <dl className="panel-body">
          {report.definitions.map(d => (
            <div key={d.key}>
              <dt>{d.name[lang]}</dt>
              <dd>{d.definition[lang]}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
