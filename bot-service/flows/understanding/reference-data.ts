/**
 * Typed parsers and loaders for the reference data: regions CSV, boundaries GeoJSON, hospitals CSV.
 *
 * Pure parsers take the file text; `loadReferenceData` reads the copies kept in
 * `bot-service/reference-data/` (or another folder).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsvRecords } from './csv.ts';

export type RegionType = 'kabupaten' | 'kota';

export type Region = {
  /** Kemendagri code, e.g. "35.78". */
  code: string;
  /** BPS code, e.g. "3578". */
  bpsCode: string;
  /** Official name, e.g. "Kota Surabaya". */
  name: string;
  /** Name without the type, e.g. "Surabaya"; shared by seven kabupaten/kota pairs. */
  shortName: string;
  type: RegionType;
  /** Interior label point (always inside the region). */
  lat: number;
  lon: number;
  population: number;
  /** Lower-case aliases as in the CSV. */
  aliases: string[];
  /** Code of the twin region with the same short name, or null. */
  ambiguousWith: string | null;
};

export type Hospital = {
  /** Stable slug derived from the name, e.g. "rsud-dr-soetomo". */
  id: string;
  name: string;
  regionCode: string;
  regionName: string;
  address: string;
  lat: number;
  lon: number;
  /** "point_third_party" or "approx_region_label_point" (the region's label point, not the hospital). */
  coordQuality: string;
  /** True when lat/lon is only the region's label point. */
  approximate: boolean;
  /** e.g. ["kemenkes", "pemprov_rujukan_utama"]. */
  designations: string[];
  source: string;
};

export type Position = number[];
export type PolygonCoordinates = Position[][];

export type RegionGeometry =
  | { type: 'Polygon'; coordinates: PolygonCoordinates }
  | { type: 'MultiPolygon'; coordinates: PolygonCoordinates[] };

export type RegionFeature = {
  type: 'Feature';
  properties: { code: string; name?: string; type?: string; [key: string]: unknown };
  geometry: RegionGeometry;
};

export type RegionGeoJson = { type: 'FeatureCollection'; features: RegionFeature[] };

export type ReferenceData = { regions: Region[]; hospitals: Hospital[]; geojson: RegionGeoJson };

const REGION_CODE = /^\d{2}\.\d{2}$/;

function toNumber(value: string | undefined, what: string): number {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isFinite(n)) {
    throw new Error(`${what}: not a number: ${JSON.stringify(value)}`);
  }
  return n;
}

function requireField(record: Record<string, string>, key: string, what: string): string {
  const value = record[key];
  if (value === undefined) throw new Error(`${what}: missing column "${key}"`);
  return value.trim();
}

/** Parse `jatim-regions.csv`. */
export function parseRegionsCsv(text: string): Region[] {
  const regions = parseCsvRecords(text).map((r, i) => {
    const what = `regions CSV row ${i + 2}`;
    const code = requireField(r, 'code', what);
    if (!REGION_CODE.test(code)) throw new Error(`${what}: bad code ${JSON.stringify(code)}`);
    const type = requireField(r, 'type', what);
    if (type !== 'kabupaten' && type !== 'kota') throw new Error(`${what}: bad type ${JSON.stringify(type)}`);
    const ambiguous = requireField(r, 'ambiguous_with', what);
    return {
      code,
      bpsCode: requireField(r, 'bps_code', what),
      name: requireField(r, 'name', what),
      shortName: requireField(r, 'short_name', what),
      type,
      lat: toNumber(r.lat, `${what} lat`),
      lon: toNumber(r.lon, `${what} lon`),
      population: toNumber(r.population, `${what} population`),
      aliases: requireField(r, 'aliases', what)
        .split('|')
        .map(a => a.trim().toLowerCase())
        .filter(a => a !== ''),
      ambiguousWith: ambiguous === '' ? null : ambiguous,
    } satisfies Region;
  });
  const codes = new Set(regions.map(r => r.code));
  if (codes.size !== regions.length) throw new Error('regions CSV: duplicate code');
  for (const r of regions) {
    if (r.ambiguousWith !== null && !codes.has(r.ambiguousWith)) {
      throw new Error(`regions CSV: ${r.code} is ambiguous with unknown ${r.ambiguousWith}`);
    }
  }
  return regions;
}

/** A URL-safe slug: "RSUD Dr. Soetomo" -> "rsud-dr-soetomo". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Parse `jatim-hospitals.csv`; ids are slugs of the name, made unique with the region code. */
export function parseHospitalsCsv(text: string): Hospital[] {
  const seen = new Set<string>();
  return parseCsvRecords(text).map((r, i) => {
    const what = `hospitals CSV row ${i + 2}`;
    const name = requireField(r, 'name', what);
    const regionCode = requireField(r, 'kab_code', what);
    if (!REGION_CODE.test(regionCode)) throw new Error(`${what}: bad kab_code ${JSON.stringify(regionCode)}`);
    // The press-name note "(reported as ...)" is not part of an id.
    let id = slugify(name.replace(/\(reported as[^)]*\)/i, ''));
    if (seen.has(id)) id = `${id}-${regionCode.replace('.', '')}`;
    if (seen.has(id)) throw new Error(`${what}: duplicate hospital ${name}`);
    seen.add(id);
    const coordQuality = requireField(r, 'coord_quality', what);
    return {
      id,
      name,
      regionCode,
      regionName: requireField(r, 'kab_name', what),
      address: requireField(r, 'address', what),
      lat: toNumber(r.lat, `${what} lat`),
      lon: toNumber(r.lon, `${what} lon`),
      coordQuality,
      approximate: coordQuality.startsWith('approx'),
      designations: requireField(r, 'designation', what)
        .split(';')
        .map(d => d.trim())
        .filter(d => d !== ''),
      source: (r.source ?? '').trim(),
    };
  });
}

function checkRing(ring: unknown, what: string): void {
  if (!Array.isArray(ring) || ring.length < 4) throw new Error(`${what}: a ring needs at least 4 positions`);
  for (const p of ring) {
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') {
      throw new Error(`${what}: bad position`);
    }
  }
}

/** Parse and check the boundaries GeoJSON (Polygon/MultiPolygon features with a `code`). */
export function parseRegionsGeoJson(input: string | unknown): RegionGeoJson {
  const data = (typeof input === 'string' ? JSON.parse(input) : input) as Partial<RegionGeoJson> | null;
  if (!data || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    throw new Error('GeoJSON: expected a FeatureCollection');
  }
  for (const [i, f] of data.features.entries()) {
    const what = `GeoJSON feature ${i}`;
    const code = f?.properties?.code;
    if (typeof code !== 'string' || !REGION_CODE.test(code)) throw new Error(`${what}: missing or bad properties.code`);
    const g = f.geometry;
    if (g?.type === 'Polygon') {
      g.coordinates.forEach(ring => checkRing(ring, what));
    } else if (g?.type === 'MultiPolygon') {
      g.coordinates.forEach(poly => poly.forEach(ring => checkRing(ring, what)));
    } else {
      throw new Error(`${what}: geometry must be Polygon or MultiPolygon`);
    }
  }
  return data as RegionGeoJson;
}

/** The folder with the project's copies of the reference data. */
export const REFERENCE_DATA_DIR = fileURLToPath(new URL('../../reference-data/', import.meta.url));

/** Read and parse the three reference files from `dir` (default: the project's copies). */
export function loadReferenceData(dir: string = REFERENCE_DATA_DIR): ReferenceData {
  const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
  return {
    regions: parseRegionsCsv(read('jatim-regions.csv')),
    hospitals: parseHospitalsCsv(read('jatim-hospitals.csv')),
    geojson: parseRegionsGeoJson(read('jatim-regions.geojson')),
  };
}
