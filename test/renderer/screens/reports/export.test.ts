import { describe, expect, it } from 'vitest';
import { reportFileName, reportPath } from '../../../../renderer/src/screens/reports/export.ts';

describe('renderer/reports/export', () => {
  it('asks the report route for the day and format', () => {
    expect(reportPath('2020-04-21', 'csv')).toBe('/api/reports/daily?date=2020-04-21&format=csv');
    expect(reportPath('2020-04-21', 'json')).toBe('/api/reports/daily?date=2020-04-21&format=json');
  });

  it('names a file after the day when the service gives no name', () => {
    expect(reportFileName('2020-04-21', 'pdf')).toBe('laporan-harian-jatim-2020-04-21.pdf');
  });
});
