import type { RegionContent } from '../../content/types.ts';
import { formatCount, formatDate } from '../format.ts';
import { textReplies } from '../messages.ts';
import { say, type Turn } from '../turn.ts';
import { hospitalLines } from './hospital.ts';
import { applyResolution, showRegionPage } from './region.ts';

/**
 * Radar COVID-19: a region's figures and zone as staff last published them (with their date)
 * and the three nearest referral hospitals, from a pin or from the region's centre.
 */

/** "Radar" from the menu or typed, maybe with a place ("radar surabaya"). */
export function startRadar(turn: Turn, place: string | null): void {
  if (place && applyResolution(turn, turn.know.resolveRegion(place), 'radar')) return;
  const own = turn.ctx.contact.regionCode ? turn.content.regionsByCode.get(turn.ctx.contact.regionCode) : undefined;
  if (own) {
    showRadar(turn, own, null);
    return;
  }
  showRegionPage(turn, 1, 'radar', turn.t.radar.ask);
  turn.out.feature = 'radar';
}

export function figureLines(turn: Turn, region: RegionContent): string {
  const { t } = turn;
  const f = region.figures;
  if (!f) return t.radar.noFigures;
  const n = (v: number | null) => formatCount(v, t, t.radar.notAvailable);
  const lines = [
    `${t.radar.confirmed}: *${n(f.confirmed)}*`,
    `${t.radar.recovered}: ${n(f.recovered)}`,
    `${t.radar.deaths}: ${n(f.deaths)}`,
  ];
  if (f.odp !== null) lines.push(`${t.radar.odp}: ${n(f.odp)}`);
  if (f.pdp !== null) lines.push(`${t.radar.pdp}: ${n(f.pdp)}`);
  if (f.zone) lines.push(t.radar.zone(t.radar.zones[f.zone]));
  if (f.date) lines.push(`_${t.radar.asOf(formatDate(f.date, t))}_`);
  return lines.join('\n');
}

export function showRadar(turn: Turn, region: RegionContent, pin: { lat: number; lon: number } | null, note: string | null = null): void {
  const { t } = turn;
  const from = pin ?? { lat: region.lat, lon: region.lon };
  const near = turn.know.nearestHospitals(from.lat, from.lon, 3);
  const parts = [
    note,
    t.radar.title(region.name),
    figureLines(turn, region),
    near.length > 0 ? `${t.radar.nearest(pin ? t.radar.fromPin : t.radar.fromRegion(region.name))}\n${hospitalLines(turn, near, pin !== null)}` : null,
    t.radar.other,
  ];
  say(turn, ...textReplies(parts.filter(Boolean).join('\n\n')));
  turn.state.pending = null;
  turn.out.feature = 'radar';
  turn.out.answered = true;
}
