import type { HospitalContent, RegionContent } from '../../content/types.ts';
import { formatKm } from '../format.ts';
import { textReplies } from '../messages.ts';
import { pick, say, type Turn } from '../turn.ts';
import type { NearHospital } from '../understanding-adapter.ts';
import { applyResolution, showRegionPage } from './region.ts';

/**
 * Rumah sakit rujukan: the referral hospitals of a kabupaten/kota, or the nearest to a pin,
 * with the hotline numbers (the menu row is "RS Rujukan & Hotline").
 */

const APPROXIMATE = 'approx_region_label_point';

function hospitalLine(turn: Turn, h: HospitalContent, distanceKm: number | null): string {
  const lines = [`• *${h.name}*`];
  if (h.address) lines.push(`  ${h.address}`);
  if (h.phone) lines.push(`  ☎️ ${h.phone}`);
  if (distanceKm !== null) lines.push(`  📍 ${turn.t.hospital.distance(formatKm(distanceKm, turn.t))}`);
  return lines.join('\n');
}

/**
 * Nearest hospitals with their distances. A row whose point is only its region's label point
 * has no distance of its own: from a pin it gets the distance to that point, marked as
 * approximate; from a region's centre it gets none.
 */
export function hospitalLines(turn: Turn, near: NearHospital[], fromPin: boolean): string {
  return near
    .map(({ hospital: h, distanceKm }) => {
      if (h.coordQuality !== APPROXIMATE) return hospitalLine(turn, h, distanceKm);
      const region = turn.content.regionsByCode.get(h.regionCode)?.name ?? h.regionCode;
      const where = fromPin
        ? `${turn.t.hospital.distance(formatKm(distanceKm, turn.t))} (${turn.t.hospital.approximate})`
        : turn.t.hospital.approximateIn(region);
      return `${hospitalLine(turn, h, null)}\n  📍 ${where}`;
    })
    .join('\n');
}

export function hotlineLines(turn: Turn): string {
  return turn.content.hotlines
    .map(h => {
      const note = pick(turn, h.note ?? '', h.noteEn);
      return `• ${pick(turn, h.name, h.nameEn)}: *${h.number}*${note ? ` (${note})` : ''}`;
    })
    .join('\n');
}

function finish(turn: Turn, parts: Array<string | null>): void {
  const hotlines = hotlineLines(turn);
  say(
    turn,
    ...textReplies(
      [...parts, turn.t.hospital.callFirst, hotlines ? `${turn.t.hotline.title}\n${hotlines}` : null, turn.t.common.menuHint]
        .filter(Boolean)
        .join('\n\n')
    )
  );
  turn.out.feature = 'hospital';
  turn.out.answered = true;
}

/** "RS rujukan" from the menu or typed, maybe with a place ("rs sidoarjo"). */
export function startHospital(turn: Turn, place: string | null): void {
  if (place && applyResolution(turn, turn.know.resolveRegion(place), 'hospital')) return;
  const own = turn.ctx.contact.regionCode ? turn.content.regionsByCode.get(turn.ctx.contact.regionCode) : undefined;
  if (own) {
    showHospitalsInRegion(turn, own, turn.t.hospital.sendPin);
    return;
  }
  showRegionPage(turn, 1, 'hospital', turn.t.hospital.ask);
  turn.out.feature = 'hospital';
}

export function showHospitalsInRegion(turn: Turn, region: RegionContent, hint: string | null = null): void {
  const inRegion = turn.content.hospitals.filter(h => h.regionCode === region.code);
  if (inRegion.length > 0) {
    finish(turn, [`${turn.t.hospital.inRegion(region.name)}\n${inRegion.map(h => hospitalLine(turn, h, null)).join('\n')}`, hint]);
    return;
  }
  const near = turn.know.nearestHospitals(region.lat, region.lon, 3);
  finish(turn, [`${turn.t.hospital.noneInRegion(region.name)}\n${hospitalLines(turn, near, false)}`, hint]);
}

export function showNearestHospitals(turn: Turn, lat: number, lon: number, note: string | null): void {
  const near = turn.know.nearestHospitals(lat, lon, 3);
  finish(turn, [note, `${turn.t.hospital.nearest}\n${hospitalLines(turn, near, true)}`]);
}
