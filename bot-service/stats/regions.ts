import { readFileSync } from 'node:fs';
import { parseCsv } from '../content/csv.ts';
import type { Db } from '../db/open.ts';

export type RegionInfo = {
  code: string;
  name: string;
  shortName: string;
  type: string;
  population: number;
  /** A point inside the region, for a label on a map. */
  labelLat: number;
  labelLon: number;
};

const regionsCsv = new URL('../reference-data/jatim-regions.csv', import.meta.url);
let fromCsv: RegionInfo[] | null = null;

/** The 38 regions from the reference file (the database may not be seeded yet). */
function referenceRegions(): RegionInfo[] {
  if (fromCsv === null) {
    const rows = parseCsv(readFileSync(regionsCsv, 'utf8'));
    fromCsv = rows
      .map(r => ({
        code: String(r.code),
        name: String(r.name),
        shortName: String(r.short_name),
        type: String(r.type),
        population: Number(r.population),
        labelLat: Number(r.lat),
        labelLon: Number(r.lon),
      }))
      .sort((a, b) => a.code.localeCompare(b.code));
  }
  return fromCsv;
}

/**
 * The 38 kabupaten/kota in code order, with population: from the `regions` table (staff may
 * correct it), or the reference file when the table is still empty.
 */
export function listRegions(db: Db): RegionInfo[] {
  const rows = db
    .prepare(`SELECT code, name, short_name AS shortName, type, population, label_lat AS labelLat, label_lon AS labelLon
       FROM regions ORDER BY code`)
    .all() as RegionInfo[];
  return rows.length > 0 ? rows : referenceRegions();
}
