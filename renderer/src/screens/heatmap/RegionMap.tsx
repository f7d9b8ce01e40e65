/**
 * The province map: 38 kabupaten/kota coloured by a value, with hover details, a selection and
 * keyboard use (Tab into the map, arrow keys move to the neighbouring region, Enter selects).
 *
 * Shared by the heatmap and the reports screen. Every region's path carries
 * `data-region-code` (e.g. `35.78`) and `data-value`.
 */
import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { getRegionGeometry, type RegionShape } from './geo.ts';
import type { ColorScale } from './scale.ts';
import './region-map.css';

export type MapMarker = { code: string; label: string };

export type RegionMapProps = {
  /** Value per region code; a code without one is drawn as "no data". */
  values: ReadonlyMap<string, number>;
  scale: ColorScale;
  ariaLabel: string;
  /** Accessible name of one region, e.g. "Kota Surabaya: 1.234 percakapan". */
  describeRegion: (shape: RegionShape, value: number | undefined) => string;
  /** The tooltip's content for the region under the pointer or the keyboard focus. */
  renderDetails?: (shape: RegionShape, value: number | undefined) => ReactNode;
  selected?: string | null;
  onSelect?: (code: string) => void;
  /** Small labels drawn on regions, e.g. the top five's ranks. */
  markers?: readonly MapMarker[];
  className?: string;
};

type Direction = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';
const directions: Record<Direction, [number, number]> = {
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
};

/** The nearest region whose label point lies in that direction (within a 45° cone either side). */
export function neighbourInDirection(shapes: readonly RegionShape[], from: RegionShape, direction: Direction): RegionShape | null {
  const [dx, dy] = directions[direction];
  let best: RegionShape | null = null;
  let bestScore = Infinity;
  for (const shape of shapes) {
    if (shape.code === from.code) continue;
    const x = shape.centroid[0] - from.centroid[0];
    const y = shape.centroid[1] - from.centroid[1];
    const along = x * dx + y * dy;
    const across = Math.abs(x * dy - y * dx);
    if (along <= 0 || across > along) continue;
    // Prefer straight ahead over a nearer region off to the side.
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = shape;
    }
  }
  return best;
}

export function RegionMap(props: RegionMapProps) {
  const { values, scale, ariaLabel, describeRegion, renderDetails, selected = null, onSelect, markers = [], className } = props;
  const geometry = useMemo(() => getRegionGeometry(), []);
  const byCode = useMemo(() => new Map(geometry.shapes.map(s => [s.code, s])), [geometry]);
  const containerRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const pathRefs = useRef(new Map<string, SVGPathElement>());
  const [hover, setHover] = useState<{ code: string; x: number; y: number } | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  // Roving tabindex: one region is the map's single Tab stop.
  const tabStop = focused ?? selected ?? geometry.shapes.find(s => s.code === '35.78')?.code ?? geometry.shapes[0]?.code;

  const placeAt = (code: string, clientX?: number, clientY?: number) => {
    const container = containerRef.current;
    const svg = svgRef.current;
    const shape = byCode.get(code);
    if (container === null || svg === null || shape === undefined) return;
    const box = container.getBoundingClientRect();
    if (clientX !== undefined && clientY !== undefined) {
      setHover({ code, x: clientX - box.left, y: clientY - box.top });
      return;
    }
    const svgBox = svg.getBoundingClientRect();
    const k = svgBox.width / geometry.width;
    setHover({ code, x: svgBox.left - box.left + shape.centroid[0] * k, y: svgBox.top - box.top + shape.centroid[1] * k });
  };

  const onPointerMove = (event: PointerEvent<SVGPathElement>, code: string) => placeAt(code, event.clientX, event.clientY);

  const onKeyDown = (event: KeyboardEvent<SVGPathElement>, shape: RegionShape) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect?.(shape.code);
      return;
    }
    if (event.key === 'Escape') {
      setHover(null);
      return;
    }
    if (!(event.key in directions)) return;
    event.preventDefault();
    const next = neighbourInDirection(geometry.shapes, shape, event.key as Direction);
    if (next !== null) pathRefs.current.get(next.code)?.focus();
  };

  const hovered = hover === null ? undefined : byCode.get(hover.code);
  const highlighted = [selected, hover?.code].filter((c, i, all): c is string => c != null && all.indexOf(c) === i);
  // Keep the tooltip inside the map: flip it to the pointer's left or above near the far edges.
  const box = containerRef.current;
  const flipX = hover !== null && box !== null && hover.x > box.clientWidth * 0.6;
  const flipY = hover !== null && box !== null && hover.y > box.clientHeight * 0.6;
  return (
    <div ref={containerRef} className={['region-map', className ?? ''].join(' ')}>
      <svg
        ref={svgRef}
        viewBox={`0 0 ${geometry.width} ${geometry.height}`}
        role="group"
        aria-label={ariaLabel}
        preserveAspectRatio="xMidYMid meet"
      >
        <g onPointerLeave={() => setHover(null)}>
          {geometry.shapes.map(shape => {
            const value = values.get(shape.code);
            return (
              <path
                key={shape.code}
                ref={element => {
                  if (element === null) pathRefs.current.delete(shape.code);
                  else pathRefs.current.set(shape.code, element);
                }}
                d={shape.d}
                fill={scale.color(value)}
                className="region"
                data-region-code={shape.code}
                data-value={value ?? ''}
                role="button"
                aria-label={describeRegion(shape, value)}
                aria-pressed={selected === shape.code}
                tabIndex={shape.code === tabStop ? 0 : -1}
                onPointerMove={event => onPointerMove(event, shape.code)}
                onClick={() => onSelect?.(shape.code)}
                onKeyDown={event => onKeyDown(event, shape)}
                onFocus={() => {
                  setFocused(shape.code);
                  placeAt(shape.code);
                }}
                onBlur={() => setHover(current => (current?.code === shape.code ? null : current))}
              />
            );
          })}
        </g>
        {/* Outlines above every region, so a selected region's border is never hidden by a neighbour. */}
        <g className="region-outlines" aria-hidden="true">
          {highlighted.map(code => {
            const shape = byCode.get(code);
            return shape === undefined ? null : (
              <path key={code} d={shape.d} className={code === selected ? 'outline-selected' : 'outline-hover'} />
            );
          })}
        </g>
        <g className="region-insets" aria-hidden="true">
          {geometry.insets.map(inset => (
            <g key={inset.code}>
              <rect x={inset.x} y={inset.y} width={inset.width} height={inset.height} rx={4} />
              <text x={inset.x - 4} y={inset.y + inset.height / 2} dy="0.35em" textAnchor="end">
                {inset.label}
              </text>
            </g>
          ))}
        </g>
        <g className="region-markers" aria-hidden="true">
          {markers.map(marker => {
            const shape = byCode.get(marker.code);
            if (shape === undefined) return null;
            const [x, y] = shape.centroid;
            return (
              <g key={marker.code} transform={`translate(${x} ${y})`}>
                <circle r={11} />
                <text dy="0.35em" textAnchor="middle">
                  {marker.label}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      {hover !== null && hovered !== undefined && renderDetails !== undefined ? (
        <div
          className="region-tooltip"
          role="tooltip"
          style={{
            left: flipX ? undefined : hover.x + 14,
            right: flipX && box !== null ? box.clientWidth - hover.x + 14 : undefined,
            top: flipY ? undefined : hover.y + 14,
            bottom: flipY && box !== null ? box.clientHeight - hover.y + 14 : undefined,
          }}
        >
          {renderDetails(hovered, values.get(hovered.code))}
        </div>
      ) : null}
    </div>
  );
}
