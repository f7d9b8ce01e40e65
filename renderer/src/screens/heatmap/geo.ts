/**
 * The 38 kabupaten/kota as SVG paths, projected once from the reference boundaries.
 *
 * The boundaries are bundled (Vite `?raw`), not fetched: the map draws at once, offline and from
 * the desktop app's `app://` copy alike, and only data crosses the network.
 */
import { geoArea, geoCentroid, geoMercator, geoPath, type ExtendedFeature, type ExtendedFeatureCollection } from 'd3-geo';
import type { GeoJsonProperties, MultiPolygon, Polygon } from 'geojson';
import boundariesText from '../../../../bot-service/reference-data/jatim-regions.geojson?raw';

export type RegionProperties = { code: string; bps_code: string; name: string; type: string };
type RegionFeature = ExtendedFeature<Polygon | MultiPolygon, RegionProperties>;

export type RegionShape = {
  /** Kemendagri code, `35.01` … `35.79`. */
  code: string;
  /** Full name, e.g. "Kota Surabaya". */
  name: string;
  isCity: boolean;
  /** SVG path data in the map's viewBox. */
  d: string;
  /** Label point in the viewBox. */
  centroid: [number, number];
};

/** A frame around islands drawn nearer the mainland than they are. */
export type MapInset = { code: string; label: string; x: number; y: number; width: number; height: number };

export type RegionGeometry = { width: number; height: number; shapes: RegionShape[]; insets: MapInset[] };

/** Islands north of this latitude (Bawean, Masalembu) are moved south, into a dashed frame. */
const REMOTE_NORTH_OF = -6.2;
/** Where the moved islands' southern edge is put. */
const INSET_SOUTH_EDGE = -6.45;

type Ring = number[][];
type Bounds = { minLon: number; maxLon: number; minLat: number; maxLat: number };

function ringsOf(geometry: Polygon | MultiPolygon): Ring[][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function meanLat(ring: Ring): number {
  return ring.reduce((sum, point) => sum + (point[1] ?? 0), 0) / Math.max(1, ring.length);
}

/**
 * Moves a region's far northern islands south, keeping their longitude, so the map is not
 * mostly sea: Masalembu lies 200 km north of Madura. Returns the moved islands' new bounds.
 */
export function pullInRemoteIslands<P extends GeoJsonProperties>(
  feature: ExtendedFeature<Polygon | MultiPolygon, P>
): { feature: ExtendedFeature<MultiPolygon, P>; moved: Bounds | null } {
  const polygons = ringsOf(feature.geometry);
  const remote = polygons.filter(polygon => meanLat(polygon[0] ?? []) > REMOTE_NORTH_OF);
  if (remote.length === 0) return { feature: { ...feature, geometry: { type: 'MultiPolygon', coordinates: polygons } }, moved: null };
  const points = remote.flatMap(polygon => polygon[0] ?? []);
  const minLat = Math.min(...points.map(p => p[1] ?? 0));
  const shift = INSET_SOUTH_EDGE - minLat;
  const coordinates = polygons.map(polygon =>
    remote.includes(polygon) ? polygon.map(ring => ring.map(([lon = 0, lat = 0]) => [lon, lat + shift])) : polygon
  );
  const moved = {
    minLon: Math.min(...points.map(p => p[0] ?? 0)),
    maxLon: Math.max(...points.map(p => p[0] ?? 0)),
    minLat: minLat + shift,
    maxLat: Math.max(...points.map(p => p[1] ?? 0)) + shift,
  };
  return { feature: { ...feature, geometry: { type: 'MultiPolygon', coordinates } }, moved };
}

/**
 * d3-geo reads rings with the spherical convention (exterior clockwise); the file follows
 * GeoJSON's RFC 7946 (exterior counter-clockwise), which d3 would fill as the whole globe minus
 * the region. Reverse the rings of any feature that comes out bigger than a hemisphere.
 */
export function rewindForD3<G extends Polygon | MultiPolygon, P extends GeoJsonProperties>(feature: ExtendedFeature<G, P>): ExtendedFeature<G, P> {
  if (geoArea(feature) <= 2 * Math.PI) return feature;
  const geometry = feature.geometry;
  const reverseRings = (rings: number[][][]) => rings.map(ring => [...ring].reverse());
  const coordinates =
    geometry.type === 'Polygon'
      ? reverseRings(geometry.coordinates)
      : geometry.coordinates.map(polygon => reverseRings(polygon));
  return { ...feature, geometry: { ...geometry, coordinates } as G };
}

/** Parses and projects a boundary collection into a `width`-wide viewBox (height follows the shape). */
export function projectRegions(collection: ExtendedFeatureCollection<RegionFeature>, width = 900): RegionGeometry {
  const pulled = collection.features.map(feature => pullInRemoteIslands(feature));
  const features = pulled.map(({ feature }) => rewindForD3(feature));
  const fitted: ExtendedFeatureCollection<ExtendedFeature<MultiPolygon, RegionProperties>> = { type: 'FeatureCollection', features };
  // Mercator is close to true shape this near the equator; fit the width, then size the height.
  const padding = 8;
  const projection = geoMercator().fitWidth(width - 2 * padding, fitted);
  const path = geoPath(projection);
  const [[, top], [, bottom]] = path.bounds(fitted);
  const height = Math.ceil(bottom - top + 2 * padding);
  const [tx, ty] = projection.translate();
  projection.translate([tx + padding, ty - top + padding]);
  const shapes = features.map(feature => {
    const centroid = projection(geoCentroid(feature)) ?? [0, 0];
    return {
      code: feature.properties.code,
      name: feature.properties.name,
      isCity: feature.properties.type === 'kota',
      d: path(feature) ?? '',
      centroid: [Math.round(centroid[0] * 10) / 10, Math.round(centroid[1] * 10) / 10] as [number, number],
    };
  });
  // Cities are small enclaves inside kabupaten: draw them last so they stay on top and clickable.
  shapes.sort((a, b) => Number(a.isCity) - Number(b.isCity) || a.code.localeCompare(b.code));
  const insets: MapInset[] = [];
  pulled.forEach(({ feature, moved }) => {
    if (moved === null) return;
    const [x0, y0] = projection([moved.minLon, moved.maxLat]) ?? [0, 0];
    const [x1, y1] = projection([moved.maxLon, moved.minLat]) ?? [0, 0];
    const margin = 5;
    insets.push({
      code: feature.properties.code,
      label: feature.properties.name,
      x: Math.round(x0 - margin),
      y: Math.round(y0 - margin),
      width: Math.round(x1 - x0 + 2 * margin),
      height: Math.round(y1 - y0 + 2 * margin),
    });
  });
  return { width, height, shapes, insets };
}

let cached: RegionGeometry | null = null;

/** The province's regions, projected on first use. */
export function getRegionGeometry(): RegionGeometry {
  cached ??= projectRegions(JSON.parse(boundariesText) as ExtendedFeatureCollection<RegionFeature>);
  return cached;
}
