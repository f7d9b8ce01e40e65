import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeReportFileName, saveDialogFilters, writeReportFile } from '../../main/save-file.ts';

describe('main/save-file', () => {
  it('keeps a plain name and adds the extension once', () => {
    expect(safeReportFileName('laporan-harian-2020-04-03', 'pdf')).toBe('laporan-harian-2020-04-03.pdf');
    expect(safeReportFileName('laporan-harian-2020-04-03.CSV', 'csv')).toBe('laporan-harian-2020-04-03.csv');
  });

  it('strips folders, reserved characters and leading dots', () => {
    expect(safeReportFileName('../../.bashrc', 'csv')).toBe('bashrc.csv');
    expect(safeReportFileName('C:\\Windows\\System32\\evil', 'pdf')).toBe('evil.pdf');
    expect(safeReportFileName('a<b>c:d"e|f?g*h\u0000', 'pdf')).toBe('abcdefgh.pdf');
    expect(safeReportFileName('   ', 'pdf')).toBe('laporan.pdf');
    expect(safeReportFileName('x'.repeat(300), 'csv')).toHaveLength(104);
  });

  it('offers only the filter of the format being saved', () => {
    expect(saveDialogFilters('pdf')).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
    expect(saveDialogFilters('csv')).toEqual([{ name: 'CSV', extensions: ['csv'] }]);
  });

  it('writes the bytes as given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-save-'));
    try {
      const bytes = new TextEncoder().encode('date,region_code\n2020-04-03,35.78\n');
      await writeReportFile(join(dir, 'r.csv'), bytes);
      expect(readFileSync(join(dir, 'r.csv'), 'utf8')).toBe('date,region_code\n2020-04-03,35.78\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
