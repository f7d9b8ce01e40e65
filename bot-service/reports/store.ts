import type { Db } from '../db/open.ts';
import { saveStoredReport, type StoredReportMeta } from '../db/queries/stats.ts';
import type { BuildOptions } from './daily.ts';
import { generateReport } from './generate.ts';

/**
 * Builds a day's report from the counters as they are now and stores it (replacing a stored
 * one, whose version goes up). `inTransaction` runs in the transaction that stores it: the
 * regenerate route records its audit entry there, so the two commit together.
 */
export async function storeDailyReport(
  db: Db,
  date: string,
  generatedBy: string,
  options: BuildOptions & { inTransaction?: (meta: StoredReportMeta) => void } = {}
): Promise<StoredReportMeta> {
  const made = await generateReport(db, date, options);
  return db.transaction(() => {
    const meta = saveStoredReport(db, {
      date,
      json: made.json,
      csv: made.csv,
      pdf: made.pdf,
      generatedAt: made.report.generatedAt,
      generatedBy,
    });
    options.inTransaction?.(meta);
    return meta;
  })();
}
