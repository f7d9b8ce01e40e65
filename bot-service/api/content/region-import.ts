import { RegionFiguresData, type RegionFiguresImportError } from '../../contract/content.ts';
import { parseCsv } from '../../content/csv.ts';
import type { Db } from '../../db/open.ts';

/**
 * The daily region figures as the command post receives them (CSV; columns in
 * contract/content.ts `RegionFiguresImportRequest`). Every row is checked before anything is
 * written: one bad row refuses the whole file, with every bad row listed.
 */

const numberColumns = ['confirmed', 'recovered', 'deaths', 'odp', 'pdp'] as const;
const known = new Set(['code', 'region_code', ...numberColumns, 'zone', 'date']);

export type ParsedFigures = { code: string; data: RegionFiguresData };

/** Today's date in Asia/Jakarta (WIB, UTC+7, no daylight saving). */
export function wibToday(now: number): string {
  return new Date(now + 7 * 3600_000).toISOString().slice(0, 10);
}

export function parseFiguresCsv(
  db: Db,
  csv: string,
  now: number
): { ok: true; rows: ParsedFigures[] } | { ok: false; error: RegionFiguresImportError } {
  const firstLine = csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const header = firstLine.split(',').map(h => h.trim().toLowerCase());
  const fail = (error: string, rows: RegionFiguresImportError['rows'] = []) => ({ ok: false as const, error: { error, rows } });
  if (!header.includes('code') && !header.includes('region_code')) return fail('csv: the header needs a code column');
  if (!header.includes('date')) return fail('csv: the header needs a date column');
  if (!header.some(h => (numberColumns as readonly string[]).includes(h) || h === 'zone')) {
    return fail(`csv: the header names no figures (${[...numberColumns, 'zone'].join(', ')})`);
  }
  const records = parseCsv(csv).map(r => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.trim().toLowerCase(), v.trim()])));
  if (records.length === 0) return fail('csv: no rows');
  if (records.length > 1000) return fail('csv: more than 1000 rows');

  const regions = new Set(db.prepare('SELECT code FROM regions').pluck().all() as string[]);
  const today = wibToday(now);
  const seen = new Set<string>();
  const bad: RegionFiguresImportError['rows'] = [];
  const rows: ParsedFigures[] = [];
  records.forEach((r, i) => {
    const code = r.code ?? r.region_code ?? '';
    const errors: string[] = [];
    if (code === '') errors.push('code: missing');
    else if (!regions.has(code)) errors.push(`code: unknown region ${code}`);
    else if (seen.has(code)) errors.push(`code: ${code} appears twice`);
    seen.add(code);
    const candidate: Record<string, unknown> = { date: r.date ?? '' };
    for (const column of numberColumns) {
      const v = r[column];
      if (v === undefined || v === '') continue;
      if (!/^-?\d+$/.test(v)) errors.push(`${column}: ${v} is not a whole number`);
      else candidate[column] = Number(v);
    }
    if (r.zone !== undefined && r.zone !== '') candidate.zone = r.zone.toLowerCase();
    const parsed = RegionFiguresData.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push(`${issue.path.join('.') || 'row'}: ${issue.message}`);
    } else if (parsed.data.date > today) {
      errors.push(`date: ${parsed.data.date} is in the future`);
    }
    if (errors.length > 0) bad.push({ row: i + 1, code: code === '' ? null : code, errors });
    else if (parsed.success) rows.push({ code, data: parsed.data });
  });
  const ignored = header.filter(h => h !== '' && !known.has(h));
  if (bad.length > 0) {
    const suffix = ignored.length > 0 ? ` (ignored columns: ${ignored.join(', ')})` : '';
    return fail(`csv: ${bad.length} bad row${bad.length === 1 ? '' : 's'}, nothing imported${suffix}`, bad);
  }
  return { ok: true, rows };
}
