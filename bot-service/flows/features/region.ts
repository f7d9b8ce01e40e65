import type { RegionContent } from '../../content/types.ts';
import { formatKm } from '../format.ts';
import { LIMITS } from '../limits.ts';
import { buttonReplies, listReply, textReplies, type Choice } from '../messages.ts';
import { replyIds } from '../reply-ids.ts';
import type { RegionPurpose } from '../state.ts';
import { say, type Turn } from '../turn.ts';
import type { RegionResolution } from '../understanding-adapter.ts';
import { showHospitalsInRegion, showNearestHospitals } from './hospital.ts';
import { showRadar } from './radar.ts';

/**
 * The citizen's kabupaten/kota: a paged list (9 regions + "Lainnya" per page), typed names with
 * aliases and typos, the seven shared names asked back with two buttons, and location pins.
 * The same steps find a place for Radar and for the hospital search (the `purpose`).
 */

const PER_PAGE = LIMITS.rowsMax - 1;

export function pageCount(turn: Turn): number {
  return Math.max(1, Math.ceil(turn.know.regionsInListOrder.length / PER_PAGE));
}

/** Sends one page of the region list and waits (softly) for a region. */
export function showRegionPage(turn: Turn, page: number, purpose: RegionPurpose, body?: string): void {
  const { t } = turn;
  const pages = pageCount(turn);
  const p = Math.min(Math.max(1, page), pages);
  const regions = turn.know.regionsInListOrder.slice((p - 1) * PER_PAGE, p * PER_PAGE);
  const rows: Choice[] = regions.map(r => ({ id: replyIds.region(r.code), title: r.name }));
  if (p < pages) {
    rows.push({ id: replyIds.regionPage(p + 1), title: t.region.moreTitle, description: t.region.moreDescription(p + 1, pages) });
  } else if (purpose === 'profile') {
    rows.push({ id: replyIds.regionSkip(), title: t.region.skipTitle, description: t.region.skipDescription });
  }
  say(
    turn,
    listReply({
      body: body ?? t.region.pageBody(p, pages),
      button: t.region.listButton,
      footer: t.common.footer,
      sections: [{ title: t.region.section(p, pages), rows }],
    })
  );
  turn.state.pending = { kind: 'region', purpose, page: p };
}

/** The region on the current page at a typed row number (1-based), if any. */
export function regionAtRow(turn: Turn, page: number, row: number): RegionContent | null {
  if (row < 1 || row > PER_PAGE) return null;
  return turn.know.regionsInListOrder[(page - 1) * PER_PAGE + row - 1] ?? null;
}

function buttonTitle(turn: Turn, r: RegionContent): string {
  return `${r.type === 'kota' ? turn.t.region.kotaPrefix : turn.t.region.kabPrefix} ${r.shortName}`;
}

/** "Kabupaten or Kota?" with two buttons. */
export function askRegionChoice(turn: Turn, codes: [string, string], purpose: RegionPurpose): void {
  const regions = codes.map(c => turn.content.regionsByCode.get(c)).filter((r): r is RegionContent => r !== undefined);
  // Kabupaten first, as the seed lists them.
  regions.sort((a, b) => (a.type === b.type ? 0 : a.type === 'kabupaten' ? -1 : 1));
  const first = regions[0];
  if (!first || regions.length !== 2) {
    showRegionPage(turn, 1, purpose);
    return;
  }
  const buttons = regions.map(r => ({ id: replyIds.region(r.code), title: buttonTitle(turn, r) }));
  say(turn, ...buttonReplies({ body: turn.t.region.ambiguous(first.shortName), shortBody: turn.t.region.ambiguousShort, buttons }));
  turn.state.pending = { kind: 'region-choice', purpose, codes: [regions[0]!.code, regions[1]!.code] };
}

/** Acts on a typed place; false when the text names no region (the caller routes it elsewhere). */
export function applyResolution(turn: Turn, res: RegionResolution, purpose: RegionPurpose): boolean {
  if (res.kind === 'match') {
    regionChosen(turn, res.code, purpose);
    return true;
  }
  if (res.kind === 'ambiguous') {
    askRegionChoice(turn, res.codes, purpose);
    return true;
  }
  return false;
}

/** Tells the citizen a typed place is not one of the 38, and shows the list again. */
export function regionNotFound(turn: Turn, typed: string, purpose: RegionPurpose): void {
  const shown = typed.length > 40 ? `${typed.slice(0, 39)}…` : typed;
  showRegionPage(turn, 1, purpose, turn.t.region.notFound(shown));
}

/** Learns the citizen's own region (kept on the contact and the conversation by the pipeline). */
function learnRegion(turn: Turn, code: string): void {
  turn.out.regionCode = code;
}

/** A region was picked or typed for `purpose`. */
export function regionChosen(turn: Turn, code: string, purpose: RegionPurpose): void {
  const region = turn.content.regionsByCode.get(code);
  if (!region) {
    showRegionPage(turn, 1, purpose);
    return;
  }
  turn.state.pending = null;
  if (purpose === 'profile') {
    learnRegion(turn, code);
    say(turn, ...textReplies(`${turn.t.region.saved(region.name)}\n\n${turn.t.common.menuHint}`));
    return;
  }
  // Most people look up their own area: an unknown region is learned from the lookup.
  if (turn.ctx.contact.regionCode === null && turn.out.regionCode === undefined) learnRegion(turn, code);
  if (purpose === 'radar') showRadar(turn, region, null);
  else showHospitalsInRegion(turn, region);
}

/** "lewati": the citizen prefers not to say; never asked again. */
export function skipRegion(turn: Turn): void {
  const profile = turn.state.pending === null || turn.state.pending.kind !== 'region' || turn.state.pending.purpose === 'profile';
  turn.state.pending = null;
  if (profile) {
    turn.state.regionSkipped = true;
    say(turn, ...textReplies(`${turn.t.region.skipped}\n\n${turn.t.common.menuHint}`));
  } else {
    say(turn, ...textReplies(turn.t.common.menuHint));
  }
}

/** A location pin: point in polygon, the nearest region just off the coast, nothing outside the province. */
export function pinReceived(turn: Turn, lat: number, lon: number, purpose: RegionPurpose): void {
  const found = turn.know.regionAt(lat, lon);
  turn.state.pending = null;
  const region = found ? turn.content.regionsByCode.get(found.code) : undefined;
  if (!found || !region) {
    say(turn, ...textReplies(`${turn.t.region.pinOutside}\n\n${turn.t.common.menuHint}`));
    return;
  }
  const note = found.inside ? null : turn.t.region.pinNearest(region.name, formatKm(found.distanceKm, turn.t));
  if (purpose === 'profile' || turn.ctx.contact.regionCode === null) learnRegion(turn, region.code);
  if (purpose === 'hospital') {
    showNearestHospitals(turn, lat, lon, note);
  } else if (purpose === 'profile') {
    say(turn, ...textReplies([note, turn.t.region.saved(region.name), turn.t.common.menuHint].filter(Boolean).join('\n\n')));
  } else {
    showRadar(turn, region, { lat, lon }, note);
  }
}
