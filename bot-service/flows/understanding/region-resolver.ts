/**
 * Where is the citizen: typed place names and location pins -> kabupaten/kota codes.
 *
 * `createRegionIndex` precomputes everything once; the free functions cache an index per
 * regions array / GeoJSON object (WeakMap), so calling them with the same data stays fast.
 */
import { createRegionGeoIndex, regionAtPointWithIndex } from './region-geo.ts';
import type { RegionAtPoint, RegionGeoIndex } from './region-geo.ts';
import { createRegionTextIndex, resolveRegionWithIndex } from './region-text.ts';
import type { RegionTextIndex, RegionTextResult } from './region-text.ts';
import type { Region, RegionGeoJson } from './reference-data.ts';

export { DEFAULT_MAX_OFFSHORE_KM, haversineKm, hospitalsInRegion, nearestHospitals } from './region-geo.ts';
export type { HospitalDistance, RegionAtPoint } from './region-geo.ts';
export type { RegionTextResult } from './region-text.ts';

export type RegionIndex = {
  regions: readonly Region[];
  /** Typed text -> region. */
  resolveText(text: string): RegionTextResult;
  /** Location pin -> region; null when outside and farther than `maxDistanceKm` from every region. */
  atPoint(lat: number, lon: number, maxDistanceKm?: number): RegionAtPoint | null;
  byCode(code: string): Region | undefined;
};

/** Builds the text and geometry indexes once. */
export function createRegionIndex(regions: readonly Region[], geojson: RegionGeoJson): RegionIndex {
  const text = createRegionTextIndex(regions);
  const geo = createRegionGeoIndex(geojson);
  return {
    regions,
    resolveText: t => resolveRegionWithIndex(text, t),
    atPoint: (lat, lon, maxDistanceKm) => regionAtPointWithIndex(geo, lat, lon, maxDistanceKm),
    byCode: code => text.byCode.get(code),
  };
}

const textIndexes = new WeakMap<readonly Region[], RegionTextIndex>();
const geoIndexes = new WeakMap<RegionGeoJson, RegionGeoIndex>();

/**
 * The region named in `text`: a match, the kabupaten/kota pair for a shared short name, or none.
 */
export function resolveRegionText(text: string, regions: readonly Region[]): RegionTextResult {
  let index = textIndexes.get(regions);
  if (!index) {
    index = createRegionTextIndex(regions);
    textIndexes.set(regions, index);
  }
  return resolveRegionWithIndex(index, text);
}

/**
 * The region at a location pin (inside), else the nearest within `maxDistanceKm` (default 30).
 */
export function regionAtPoint(
  lat: number,
  lon: number,
  geojson: RegionGeoJson,
  maxDistanceKm?: number
): RegionAtPoint | null {
  let index = geoIndexes.get(geojson);
  if (!index) {
    index = createRegionGeoIndex(geojson);
    geoIndexes.set(geojson, index);
  }
  return regionAtPointWithIndex(index, lat, lon, maxDistanceKm);
}
