import type { DailyReport } from '../contract/reports.ts';
import type { Db } from '../db/open.ts';
import { reportToCsv } from './csv.ts';
import { buildDailyReport, type BuildOptions } from './daily.ts';
import { renderReportPdf } from './pdf.ts';

export type GeneratedReport = { report: DailyReport; json: string; csv: string; pdf: Buffer };

/** Builds a day's report in all three formats, from the counters as they are now. */
export async function generateReport(db: Db, date: string, options: BuildOptions = {}): Promise<GeneratedReport> {
  const report = buildDailyReport(db, date, options);
  const pdf = await renderReportPdf(db, report);
  return { report, json: JSON.stringify(report), csv: reportToCsv(report), pdf };
}

/** `laporan-harian-2020-04-03.csv` */
export function reportFileName(date: string, format: 'json' | 'csv' | 'pdf'): string {
  return `laporan-harian-${date}.${format}`;
}
