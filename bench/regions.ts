import { readFileSync } from 'node:fs';

/** One kabupaten/kota with what the load mix needs: where it is and how many people live there. */
export type BenchRegion = { code: string; name: string; shortName: string; lat: number; lon: number; population: number };

const regionsCsv = new URL('../bot-service/reference-data/jatim-regions.csv', import.meta.url);

/** Splits one CSV line, honouring double quotes (the aliases column may hold commas one day). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cur += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out;
}

/** The 38 regions of the reference data. */
export function loadRegions(): BenchRegion[] {
  const lines = readFileSync(regionsCsv, 'utf8').split(/\r?\n/).filter(l => l.trim() !== '');
  const header = splitCsvLine(lines[0]!);
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) {
      throw new Error(`jatim-regions.csv has no column ${name}`);
    }
    return i;
  };
  const c = { code: col('code'), name: col('name'), short: col('short_name'), lat: col('lat'), lon: col('lon'), pop: col('population') };
  return lines.slice(1).map(line => {
    const cells = splitCsvLine(line);
    return {
      code: cells[c.code]!,
      name: cells[c.name]!,
      shortName: cells[c.short]!,
      lat: Number(cells[c.lat]),
      lon: Number(cells[c.lon]),
      population: Number(cells[c.pop]),
    };
  });
}
