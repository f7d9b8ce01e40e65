/**
 * The heatmap's colours: a sequential yellow-orange-red ramp whose lightness falls as the value
 * rises, so a darker region always means more (the e2e test checks exactly that).
 *
 * Values map through a square root: on a launch day Surabaya alone can carry a third of the
 * province, and a linear ramp would leave every other region the same pale yellow.
 */

/** ColorBrewer YlOrRd, 9 classes: strictly decreasing luminance. */
export const RAMP = ['#ffffcc', '#ffeda0', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#bd0026', '#800026'] as const;

/** Regions the data does not cover (no figure at all): a neutral grey, outside the ramp. */
export const NO_DATA_COLOR = '#d9dde3';

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map(c => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

const rampRgb = RAMP.map(parseHex);

/** The ramp's colour at t in [0, 1] (clamped), interpolated between neighbouring stops. */
export function colorAt(t: number): string {
  const clamped = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const position = clamped * (rampRgb.length - 1);
  const index = Math.min(rampRgb.length - 2, Math.floor(position));
  const local = position - index;
  const from = rampRgb[index]!;
  const to = rampRgb[index + 1]!;
  return toHex([0, 1, 2].map(i => from[i]! + (to[i]! - from[i]!) * local) as Rgb);
}

/** WCAG relative luminance of a `#rrggbb` colour (0 black … 1 white). */
export function luminance(hex: string): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = parseHex(hex).map(channel) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export type ColorScale = {
  /** The largest value shown; the darkest colour. */
  max: number;
  color: (value: number | null | undefined) => string;
  /** Where a value's colour sits on the ramp, 0 … 1 (the legend places its ticks with it). */
  position: (value: number) => number;
  /** Round values for the legend's ticks, from 0 to max, none repeated. */
  ticks: number[];
};

/** Rounds to two significant digits (1234 → 1200, 0.0567 → 0.057). */
function roundTwoDigits(value: number): number {
  if (value === 0) return 0;
  const power = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1);
  return Math.round(value / power) * power;
}

/**
 * A square-root colour scale from 0 to the largest value.
 *
 * The legend's ticks sit near ¼, ½ and ¾ of the ramp, rounded (to whole numbers for counts),
 * and each is placed where its own colour is, so what a reader sees at a tick is what a region
 * of that colour holds.
 */
export function makeColorScale(values: Iterable<number>, options: { integer?: boolean } = {}): ColorScale {
  let max = 0;
  for (const value of values) if (Number.isFinite(value) && value > max) max = value;
  const position = (value: number) => (max > 0 ? Math.sqrt(Math.min(max, Math.max(0, value)) / max) : 0);
  const color = (value: number | null | undefined) => {
    if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA_COLOR;
    return colorAt(position(value));
  };
  const round = options.integer === true ? (v: number) => Math.round(roundTwoDigits(v)) : roundTwoDigits;
  const inner = [0.25, 0.5, 0.75].map(t => round(max * t * t)).filter(v => v > 0 && v < max);
  const ticks = max > 0 ? [...new Set([0, ...inner, max])] : [0];
  return { max, color, position, ticks };
}
