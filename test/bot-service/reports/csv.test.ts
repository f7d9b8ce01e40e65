import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../bot-service/db/open.ts';
import { reportToCsv } from '../../../bot-service/reports/csv.ts';
import { buildDailyReport } from '../../../bot-service/reports/daily.ts';
import { tempDir } from '../helpers.ts';
import { addContacts, addCounts } from '../api/stats/support.ts';

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openDatabase(`${t.dir}/bot.db`);
});
afterEach(() => {
  db.close();
  cleanup();
});

const codes = [
  ...Array.from({ length: 29 }, (_, i) => `35.${String(i + 1).padStart(2, '0')}`),
  ...Array.from({ length: 9 }, (_, i) => `35.${71 + i}`),
];

describe('reports/csv', () => {
  it('has the stable header, one row per region (all 38, zeros included) and then unknown', () => {
    addCounts(db, '2020-04-03', 9, '35.78', { conversations: 12345, messages_in: 23456 });
    addCounts(db, '2020-04-03', 9, 'unknown', { conversations: 7 });
    addContacts(db, '2020-04-03', '35.78', [1, 2]);
    const csv = reportToCsv(buildDailyReport(db, '2020-04-03'));

    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(0, -2).split('\r\n');
    expect(lines).toHaveLength(1 + 38 + 1);
    const header = lines[0]!.split(',');
    expect(header.slice(0, 5)).toEqual(['date', 'region_code', 'region_name', 'conversations', 'contacts']);
    expect(new Set(header).size).toBe(header.length);

    const rows = lines.slice(1).map(l => l.split(','));
    expect(rows.every(r => r.length === header.length)).toBe(true);
    expect(rows.map(r => r[1])).toEqual([...codes, 'unknown']);
    expect(rows.every(r => r[0] === '2020-04-03')).toBe(true);
    const col = (row: string[], name: string) => row[header.indexOf(name)];

    const sby = rows.find(r => r[1] === '35.78')!;
    expect(sby.slice(0, 5)).toEqual(['2020-04-03', '35.78', 'Kota Surabaya', '12345', '2']);
    // Plain numbers: no thousands separators; a dot for decimals.
    expect(col(sby, 'messages_in')).toBe('23456');
    expect(col(sby, 'conversations_per_100k')).toBe('429.49');
    expect(col(sby, 'population')).toBe('2874314');

    const pacitan = rows[0]!;
    expect(pacitan.slice(0, 5)).toEqual(['2020-04-03', '35.01', 'Kabupaten Pacitan', '0', '0']);
    expect(col(pacitan, 'conversations_per_100k')).toBe('0');
    for (const row of rows) {
      for (const [i, value] of row.entries()) {
        if (i > 2 && value !== '') {
          expect(value, `${row[1]} ${header[i]}`).toMatch(/^-?\d+(\.\d+)?$/);
        }
      }
    }
    const unknown = rows.at(-1)!;
    expect(unknown.slice(0, 5)).toEqual(['2020-04-03', 'unknown', 'Tidak diketahui', '7', '0']);
    expect(col(unknown, 'population')).toBe('');
    expect(col(unknown, 'conversations_per_100k')).toBe('');
  });

  it('is UTF-8 and quotes a field that needs it', () => {
    db.prepare(
      `INSERT INTO regions (code, bps_code, name, short_name, type, label_lat, label_lon, population, updated_at, updated_by)
       VALUES ('35.01', '3501', 'Kabupaten "Pacitan", Jawa Timur — ujung barat', 'Pacitan', 'kabupaten', -8.1, 111.1, 586110, 0, 'test')`
    ).run();
    const csv = reportToCsv(buildDailyReport(db, '2020-04-03'));
    const lines = csv.split('\r\n');
    expect(lines[1]).toBe('2020-04-03,35.01,"Kabupaten ""Pacitan"", Jawa Timur — ujung barat",0,0,586110' + lines[1]!.slice(lines[1]!.indexOf('586110') + 6));
    expect(Buffer.from(csv, 'utf8').toString('utf8')).toBe(csv);
  });
});
