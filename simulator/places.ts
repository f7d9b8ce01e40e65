/**
 * Places a simulated citizen can share as a location pin: the label point of
 * every kabupaten/kota (always inside its polygon) from the reference data,
 * plus one point at sea, which belongs to no region.
 */
import { readFile } from 'node:fs/promises';

export type Place = {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
  /** region code like `35.78`, or null for the point at sea */
  regionCode: string | null;
};

export const DEFAULT_REGIONS_CSV = new URL('../bot-service/reference-data/jatim-regions.csv', import.meta.url);

// About 7 km south of the Malang coast (the coast there is near -8.43).
export const OFFSHORE_PLACE: Place = {
  id: 'offshore-malang',
  name: 'Samudra Hindia (lepas pantai Malang)',
  latitude: -8.5,
  longitude: 112.62,
  regionCode: null,
};

/** Split one CSV line, honouring double quotes. */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function parseRegionPlaces(csv: string): Place[] {
  const lines = csv.split(/\r?\n/).filter(l => l.trim() !== '');
  const header = splitCsvLine(lines[0] ?? '');
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`regions CSV has no column ${name}`);
    return i;
  };
  const [code, name, lat, lon] = [col('code'), col('name'), col('lat'), col('lon')];
  return lines.slice(1).map(line => {
    const cells = splitCsvLine(line);
    const latitude = Number(cells[lat]);
    const longitude = Number(cells[lon]);
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) throw new Error(`regions CSV: bad coordinates in ${line}`);
    const regionCode = cells[code] ?? '';
    return { id: `region-${regionCode}`, name: cells[name] ?? regionCode, latitude, longitude, regionCode };
  });
}

/** Every region's label point, sorted by name, then the point at sea. */
export async function loadPlaces(csvPath: string | URL = DEFAULT_REGIONS_CSV): Promise<Place[]> {
  const regions = parseRegionPlaces(await readFile(csvPath, 'utf8'));
  regions.sort((a, b) => a.name.localeCompare(b.name, 'id'));
  return [...regions, OFFSHORE_PLACE];
}
