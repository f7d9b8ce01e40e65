/**
 * Where a cluster's senders are: a small map of the 38 regions shaded by senders, and the
 * list of regions with their counts (the map's text equivalent).
 */
import { useMemo } from 'react';
import type { RegionCount } from '../../../../bot-service/contract/hoax.ts';
import { useT } from '../../i18n/index.tsx';
import { getRegionGeometry } from '../heatmap/geo.ts';
import { regionName } from './labels.ts';

function shade(value: number, max: number): string {
  if (value <= 0 || max <= 0) return '#e5e9ef';
  // From a pale to a strong red, by the share of the busiest region.
  const t = 0.25 + 0.75 * (value / max);
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return `rgb(${mix(253, 180)}, ${mix(224, 35)}, ${mix(216, 24)})`;
}

export function RegionMiniMap({ regions, limit = 6 }: { regions: readonly RegionCount[]; limit?: number }) {
  const t = useT();
  const geometry = useMemo(() => getRegionGeometry(), []);
  const byCode = new Map(regions.map(r => [r.code, r.senders]));
  const max = Math.max(0, ...regions.filter(r => r.code !== 'unknown').map(r => r.senders));
  const unknown = t('hoax.region.unknown');
  const summary = regions
    .slice(0, 3)
    .map(r => `${regionName(r.code, unknown)} ${r.senders}`)
    .join(', ');
  return (
    <div className="hoax-regions">
      <svg
        viewBox={`0 0 ${geometry.width} ${geometry.height}`}
        role="img"
        aria-label={t('hoax.region.mapLabel', { regions: summary || t('hoax.region.none') })}
        className="hoax-minimap"
      >
        {geometry.shapes.map(shape => {
          const value = byCode.get(shape.code) ?? 0;
          return (
            <path key={shape.code} d={shape.d} fill={shade(value, max)} stroke="#fff" strokeWidth={1} data-region-code={shape.code} data-senders={value}>
              <title>{`${regionName(shape.code, unknown)}: ${t('hoax.senders', { count: value })}`}</title>
            </path>
          );
        })}
      </svg>
      <ol className="hoax-region-list">
        {regions.slice(0, limit).map(r => (
          <li key={r.code}>
            <span>{regionName(r.code, unknown)}</span>
            <strong>{r.senders}</strong>
          </li>
        ))}
        {regions.length > limit ? <li className="muted">{t('hoax.region.more', { count: regions.length - limit })}</li> : null}
      </ol>
    </div>
  );
}
