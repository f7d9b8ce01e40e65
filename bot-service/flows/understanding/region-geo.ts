/**
 * Location pins -> region (point in polygon, nearest region for a pin just off the coast) and
 * nearest hospitals by great-circle distance.
 *
 * Rings are flattened into typed arrays with bounding boxes once, so a lookup is a few
 * microseconds. Point-in-polygon is the planar even-odd rule on lon/lat, exact for these
 * small, densely-vertexed boundaries and independent of ring winding (the file uses RFC 7946
 * winding, which d3-geo's spherical rule would read inside out).
 */
import type { Hospital, PolygonCoordinates, RegionGeoJson } from './reference-data.ts';

export type RegionAtPoint = { code: string; inside: boolean; distanceKm: number };

type BBox = { minLon: number; minLat: number; maxLon: number; maxLat: number };
type Part = { rings: Float64Array[]; bbox: BBox };
type Area = { code: string; parts: Part[]; bbox: BBox };

export type RegionGeoIndex = { areas: Area[] };

/** Default reach for a pin outside every region (a beach, a pier, a boat near the coast). */
export const DEFAULT_MAX_OFFSHORE_KM = 30;

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

function emptyBox(): BBox {
  return { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
}

function grow(box: BBox, other: BBox): void {
  box.minLon = Math.min(box.minLon, other.minLon);
  box.minLat = Math.min(box.minLat, other.minLat);
  box.maxLon = Math.max(box.maxLon, other.maxLon);
  box.maxLat = Math.max(box.maxLat, other.maxLat);
}

function toPart(polygon: PolygonCoordinates): Part {
  const bbox = emptyBox();
  const rings = polygon.map(ring => {
    const flat = new Float64Array(ring.length * 2);
    ring.forEach((p, i) => {
      const lon = p[0] ?? 0;
      const lat = p[1] ?? 0;
      flat[i * 2] = lon;
      flat[i * 2 + 1] = lat;
      grow(bbox, { minLon: lon, minLat: lat, maxLon: lon, maxLat: lat });
    });
    return flat;
  });
  return { rings, bbox };
}

/** Precomputes flat rings and bounding boxes for every feature. */
export function createRegionGeoIndex(geojson: RegionGeoJson): RegionGeoIndex {
  const areas = geojson.features.map(f => {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const parts = polygons.map(toPart);
    const bbox = emptyBox();
    parts.forEach(p => grow(bbox, p.bbox));
    return { code: f.properties.code, parts, bbox };
  });
  return { areas };
}

function inBox(box: BBox, lon: number, lat: number): boolean {
  return lon >= box.minLon && lon <= box.maxLon && lat >= box.minLat && lat <= box.maxLat;
}

/** Even-odd rule over all rings of one polygon (outer ring and holes). */
function partContains(part: Part, lon: number, lat: number): boolean {
  let inside = false;
  for (const ring of part.rings) {
    const n = ring.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = ring[i * 2] as number;
      const yi = ring[i * 2 + 1] as number;
      const xj = ring[j * 2] as number;
      const yj = ring[j * 2 + 1] as number;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Distance in km from the point to a segment, on a local flat projection around the point. */
function segmentKm(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return Math.sqrt(ex * ex + ey * ey);
}

function boxKm(box: BBox, lon: number, lat: number, kx: number, ky: number): number {
  const dx = Math.max(box.minLon - lon, 0, lon - box.maxLon) * kx;
  const dy = Math.max(box.minLat - lat, 0, lat - box.maxLat) * ky;
  return Math.sqrt(dx * dx + dy * dy);
}

/**
 * The region containing the point, else the nearest one within `maxDistanceKm`, else null.
 */
export function regionAtPointWithIndex(
  index: RegionGeoIndex,
  lat: number,
  lon: number,
  maxDistanceKm: number = DEFAULT_MAX_OFFSHORE_KM
): RegionAtPoint | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  for (const area of index.areas) {
    if (!inBox(area.bbox, lon, lat)) continue;
    for (const part of area.parts) {
      if (inBox(part.bbox, lon, lat) && partContains(part, lon, lat)) {
        return { code: area.code, inside: true, distanceKm: 0 };
      }
    }
  }
  // km per degree at this latitude (equirectangular; error < 0.5% over 30 km here).
  const kx = 111.32 * Math.cos(lat * RAD);
  const ky = 110.574;
  let best: RegionAtPoint | null = null;
  let bestKm = maxDistanceKm;
  for (const area of index.areas) {
    if (boxKm(area.bbox, lon, lat, kx, ky) > bestKm) continue;
    for (const part of area.parts) {
      if (boxKm(part.bbox, lon, lat, kx, ky) > bestKm) continue;
      for (const ring of part.rings) {
        for (let i = 2; i < ring.length; i += 2) {
          const d = segmentKm(
            lon * kx, lat * ky,
            (ring[i - 2] as number) * kx, (ring[i - 1] as number) * ky,
            (ring[i] as number) * kx, (ring[i + 1] as number) * ky
          );
          if (d <= bestKm) {
            bestKm = d;
            best = { code: area.code, inside: false, distanceKm: Math.round(d * 100) / 100 };
          }
        }
      }
    }
  }
  return best;
}

/** Great-circle (haversine) distance in km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export type HospitalDistance = { hospital: Hospital; distanceKm: number };

/** The `n` hospitals nearest to the point, nearest first (ties by name). */
export function nearestHospitals(lat: number, lon: number, hospitals: readonly Hospital[], n = 3): HospitalDistance[] {
  return hospitals
    .map(hospital => ({ hospital, distanceKm: haversineKm(lat, lon, hospital.lat, hospital.lon) }))
    .sort((a, b) => a.distanceKm - b.distanceKm || a.hospital.name.localeCompare(b.hospital.name))
    .slice(0, Math.max(0, n))
    .map(h => ({ hospital: h.hospital, distanceKm: Math.round(h.distanceKm * 10) / 10 }));
}

/** Hospitals of one region, in file order. */
export function hospitalsInRegion(regionCode: string, hospitals: readonly Hospital[]): Hospital[] {
  return hospitals.filter(h => h.regionCode === regionCode);
}
