import { readFileSync } from 'node:fs';
import { geoMercator, geoPath } from 'd3-geo';
import type { Db } from '../db/open.ts';

type Ring = Array<[number, number]>;
type MultiPolygon = { type: 'MultiPolygon'; coordinates: Ring[][] };
type Polygon = { type: 'Polygon'; coordinates: Ring[] };
type Geometry = MultiPolygon | Polygon;
type Feature = { type: 'Feature'; properties: { code: string }; geometry: Geometry };

export type MapShape = { code: string; path: string };
export type MapLayout = { shapes: MapShape[]; project: (lon: number, lat: number) => [number, number] };

const geojsonFile = new URL('../reference-data/jatim-regions.geojson', import.meta.url);
let fileFeatures: Feature[] | null = null;

/** Twice the signed planar area of a ring (lon as x, lat as y): > 0 counter-clockwise. */
function signedArea(ring: Ring): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    a += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  }
  return a;
}

/**
 * GeoJSON (RFC 7946) winds outer rings counter-clockwise; d3-geo works on the sphere and reads
 * that as "everything but this polygon". Rewind to d3's order: outer rings clockwise, holes not.
 */
function rewind(geometry: Geometry): Geometry {
  const fix = (polygon: Ring[]): Ring[] =>
    polygon.map((ring, i) => {
      const clockwise = signedArea(ring) < 0;
      return (i === 0) === clockwise ? ring : [...ring].reverse();
    });
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: fix(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(fix) };
}

/** The 38 boundaries: from the database once seeded, else the reference file. */
function loadFeatures(db: Db): Feature[] {
  const rows = db.prepare('SELECT region_code AS code, geometry FROM region_boundaries ORDER BY region_code').all() as Array<{
    code: string;
    geometry: string;
  }>;
  if (rows.length > 0) {
    return rows.map(r => ({ type: 'Feature', properties: { code: r.code }, geometry: rewind(JSON.parse(r.geometry) as Geometry) }));
  }
  if (fileFeatures === null) {
    const collection = JSON.parse(readFileSync(geojsonFile, 'utf8')) as { features: Feature[] };
    fileFeatures = collection.features.map(f => ({ ...f, geometry: rewind(f.geometry) }));
  }
  return fileFeatures;
}

/**
 * The province map fitted into a box: one SVG path per region (pdfkit draws SVG path data as
 * vector paths) and the projection, for labels. Mercator, as web maps of Indonesia use.
 */
export function provinceMap(db: Db, box: { x: number; y: number; width: number; height: number }): MapLayout {
  const features = loadFeatures(db);
  const projection = geoMercator().fitExtent(
    [
      [box.x, box.y],
      [box.x + box.width, box.y + box.height],
    ],
    { type: 'FeatureCollection', features } as never
  );
  const path = geoPath(projection);
  return {
    shapes: features.map(f => ({ code: f.properties.code, path: path(f as never) ?? '' })),
    project: (lon, lat) => projection([lon, lat]) ?? [box.x, box.y],
  };
}

/** Colour classes for the choropleth: quintiles of the non-zero values (skewed data stays readable). */
export function classBreaks(values: number[], classes = 5): number[] {
  const sorted = values.filter(v => v > 0).sort((a, b) => a - b);
  if (sorted.length === 0) {
    return [];
  }
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) {
    const v = sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / classes))]!;
    if (breaks.length === 0 || v > breaks[breaks.length - 1]!) {
      breaks.push(v);
    }
  }
  return breaks;
}

/** Yellow to dark red (ColorBrewer YlOrRd), and grey for none. */
export const MAP_COLOURS = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
export const MAP_NONE = '#e8e8e8';

export function colourFor(value: number | null, breaks: number[]): string {
  if (value === null || value <= 0) {
    return MAP_NONE;
  }
  let i = 0;
  while (i < breaks.length && value >= breaks[i]!) {
    i++;
  }
  // Fewer breaks than classes (few distinct values): spread over the scale's darker end.
  return MAP_COLOURS[Math.min(MAP_COLOURS.length - 1, i + (MAP_COLOURS.length - 1 - breaks.length))]!;
}
