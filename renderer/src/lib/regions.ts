/**
 * The 38 kabupaten/kota of Jawa Timur, from the reference data the service also loads
 * (bundled as text by Vite: data crosses folders, code does not).
 */
import regionsCsv from '../../../bot-service/reference-data/jatim-regions.csv?raw';

export type Region = {
  /** `35.01` ... `35.79`. */
  code: string;
  name: string;
  shortName: string;
  type: 'kabupaten' | 'kota';
  population: number;
  /** Short but unambiguous: `Kab. Malang`, `Kota Malang`. */
  label: string;
};

/** Parses the reference CSV (no quoted fields in the columns we read). */
export function parseRegionsCsv(text: string): Region[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const columns = (header ?? '').split(',');
  const at = (name: string) => columns.indexOf(name);
  const [code, name, short, type, population] = [at('code'), at('name'), at('short_name'), at('type'), at('population')];
  return lines
    .map(line => line.split(','))
    .filter(cells => /^35\.\d{2}$/.test(cells[code] ?? ''))
    .map(cells => {
      const kind: Region['type'] = cells[type] === 'kota' ? 'kota' : 'kabupaten';
      const shortName = cells[short] ?? '';
      return {
        code: cells[code] ?? '',
        name: cells[name] ?? '',
        shortName,
        type: kind,
        population: Number(cells[population] ?? 0),
        label: kind === 'kota' ? `Kota ${shortName}` : `Kab. ${shortName}`,
      };
    });
}

export const regions: readonly Region[] = parseRegionsCsv(regionsCsv);

const byCode = new Map(regions.map(region => [region.code, region]));

export function regionByCode(code: string | null | undefined): Region | undefined {
  return code === null || code === undefined ? undefined : byCode.get(code);
}
