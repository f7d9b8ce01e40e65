/**
 * The map's legend: the colour ramp as a bar with the values at its ticks, and the "no data"
 * swatch when some region has no figure.
 */
import { useId } from 'react';
import { NO_DATA_COLOR, RAMP, type ColorScale } from './scale.ts';

export type MapLegendProps = {
  scale: ColorScale;
  title: string;
  format: (value: number) => string;
  /** Label of the grey swatch; omitted when every region has a value. */
  noDataLabel?: string;
};

export function MapLegend({ scale, title, format, noDataLabel }: MapLegendProps) {
  const gradientId = useId();
  const width = 240;
  const ticks = scale.ticks;
  return (
    <figure className="map-legend" aria-label={title}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width + 24} 40`} width={width + 24} height={40} role="img" aria-label={`${format(0)} – ${format(scale.max)}`}>
        <defs>
          <linearGradient id={gradientId} x1="0" x2="1" y1="0" y2="0">
            {RAMP.map((color, i) => (
              <stop key={color} offset={i / (RAMP.length - 1)} stopColor={color} />
            ))}
          </linearGradient>
        </defs>
        <rect x={12} y={2} width={width} height={12} fill={`url(#${gradientId})`} stroke="#9aa4b1" strokeWidth={0.5} rx={2} />
        {ticks.map((value, i) => {
          const x = 12 + scale.position(value) * width;
          const anchor = i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle';
          return (
            <g key={value}>
              <line x1={x} x2={x} y1={14} y2={19} stroke="#5b6876" />
              <text x={anchor === 'end' ? x + 6 : anchor === 'start' ? x - 4 : x} y={32} textAnchor={anchor}>
                {format(value)}
              </text>
            </g>
          );
        })}
      </svg>
      {noDataLabel !== undefined ? (
        <div className="legend-nodata">
          <svg width={14} height={14} aria-hidden="true">
            <rect width={14} height={14} rx={2} fill={NO_DATA_COLOR} />
          </svg>
          {noDataLabel}
        </div>
      ) : null}
    </figure>
  );
}
