/**
 * Feature use and self check-up levels as bar charts (recharts), shared by the heatmap's
 * drill-down and the reports screen.
 */
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLang, useT } from '../../i18n/index.tsx';
import { numberFormats } from './format.ts';
import { FEATURE_KEYS, featureColors, featureLabels, LEVEL_KEYS, levelColors, levelLabels, type FeatureKey, type LevelKey } from './labels.ts';

const axisTick = { fontSize: 12, fill: '#5b6876' };

/** Feature uses, most used first, as horizontal bars. */
export function FeatureMixChart({ features, height = 280 }: { features: Record<FeatureKey, number>; height?: number }) {
  const t = useT();
  const { lang } = useLang();
  const f = numberFormats(lang);
  const data = FEATURE_KEYS.map(key => ({ key, name: t(featureLabels[key]), value: features[key] ?? 0 })).sort((a, b) => b.value - a.value);
  return (
    <div className="chart" data-testid="feature-chart">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }}>
          <CartesianGrid horizontal={false} stroke="#e5e9ef" />
          <XAxis type="number" tick={axisTick} tickFormatter={f.compact} allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={132} tick={axisTick} interval={0} />
          <Tooltip formatter={value => f.count(Number(value))} cursor={{ fill: '#eef2f6' }} />
          <Bar dataKey="value" name={t('stats.uses')} isAnimationActive={false}>
            {data.map(d => (
              <Cell key={d.key} fill={featureColors[d.key]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Self check-up results by level (rendah, sedang, tinggi). */
export function SelfcheckChart({ levels, height = 200 }: { levels: Record<LevelKey, number>; height?: number }) {
  const t = useT();
  const { lang } = useLang();
  const f = numberFormats(lang);
  const data = LEVEL_KEYS.map(key => ({ key, name: t(levelLabels[key]), value: levels[key] ?? 0 }));
  return (
    <div className="chart" data-testid="selfcheck-chart">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid vertical={false} stroke="#e5e9ef" />
          <XAxis dataKey="name" tick={axisTick} />
          <YAxis tick={axisTick} tickFormatter={f.compact} allowDecimals={false} width={48} />
          <Tooltip formatter={value => f.count(Number(value))} cursor={{ fill: '#eef2f6' }} />
          <Bar dataKey="value" name={t('stats.checkups')} isAnimationActive={false}>
            {data.map(d => (
              <Cell key={d.key} fill={levelColors[d.key]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
