import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../bot-service/db/open.ts';
import { buildDailyReport } from '../../../bot-service/reports/daily.ts';
import { renderReportPdf } from '../../../bot-service/reports/pdf.ts';
import { tempDir } from '../helpers.ts';
import { addContacts, addCounts } from '../api/stats/support.ts';

let db: Db;
let dir: string;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir();
  dir = t.dir;
  cleanup = t.cleanup;
  db = openDatabase(join(t.dir, 'bot.db'));
});
afterEach(() => {
  db.close();
  cleanup();
});

/** Page objects in the file (pdfkit writes them uncompressed). */
const pageCount = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
const poppler = (tool: string) => ['/usr/bin', '/usr/local/bin'].map(d => join(d, tool)).find(p => existsSync(p));

const EXPECTED_PAGES = 4; // summary with the map, charts, the region table, the definitions

describe('reports/pdf', () => {
  it('is an A4 PDF with the pages it should have, empty day or busy day', async () => {
    for (const busy of [false, true]) {
      if (busy) {
        addCounts(db, '2020-04-03', 9, '35.78', { conversations: 1200, messages_in: 5000, feature_radar: 40, selfcheck_tinggi: 3, handoffs: 5, hoax_claims: 8 });
        addCounts(db, '2020-04-03', 14, '35.15', { conversations: 400, messages_in: 1500, selfcheck_rendah: 20 });
        addCounts(db, '2020-04-03', 20, 'unknown', { conversations: 300 });
        addContacts(db, '2020-04-03', '35.78', [1, 2, 3]);
      }
      const pdf = await renderReportPdf(db, buildDailyReport(db, '2020-04-03', { now: Date.parse('2020-04-04T00:05:00+07:00') }));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
      expect(pageCount(pdf)).toBe(EXPECTED_PAGES);
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    }
  });

  it('opens in poppler: page count, size, and page 1 renders to a PNG', async (ctx) => {
    const pdfinfo = poppler('pdfinfo');
    const pdftoppm = poppler('pdftoppm');
    if (pdfinfo === undefined || pdftoppm === undefined) {
      ctx.skip('poppler-utils (pdfinfo, pdftoppm) not installed: skipped');
      return;
    }
    addCounts(db, '2020-04-03', 9, '35.78', { conversations: 1200, messages_in: 5000 });
    const file = join(dir, 'report.pdf');
    writeFileSync(file, await renderReportPdf(db, buildDailyReport(db, '2020-04-03')));
    const info = execFileSync(pdfinfo, [file], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`Pages:\\s+${EXPECTED_PAGES}\\b`));
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(/Title:\s+Laporan harian akses layanan WhatsApp COVID-19 Jawa Timur 2020-04-03/);
    execFileSync(pdftoppm, ['-png', '-r', '40', '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'page')]);
    const png = readFileSync(join(dir, 'page.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // 40 dpi A4 is 331 x 468 pixels (IHDR width and height).
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([331, 468]);
  });
});
