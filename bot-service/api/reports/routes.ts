import type { FastifyInstance, FastifyReply } from 'fastify';
import { DailyReportQuery, RegenerateParams, reportReaders, type ReportFormat } from '../../contract/reports.ts';
import { getStoredReport, listStoredReports } from '../../db/queries/stats.ts';
import { reportToCsv } from '../../reports/csv.ts';
import { buildDailyReport } from '../../reports/daily.ts';
import { reportFileName } from '../../reports/generate.ts';
import { renderReportPdf } from '../../reports/pdf.ts';
import { storeDailyReport } from '../../reports/store.ts';
import { wibDay } from '../../stats/time.ts';
import { audit } from '../audit.ts';
import { requireRole } from '../auth/guard.ts';
import { parseInput } from '../auth/validate.ts';
import type { ApiDeps } from '../deps.ts';

const contentTypes: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

function send(reply: FastifyReply, date: string, format: ReportFormat, source: 'stored' | 'live', body: string | Buffer): FastifyReply {
  // JSON feeds the Reports screen (shown inline); CSV and PDF are files to save and forward.
  const disposition = format === 'json' ? 'inline' : 'attachment';
  return reply
    .header('content-type', contentTypes[format])
    .header('content-disposition', `${disposition}; filename="${reportFileName(date, format)}"`)
    .header('cache-control', 'no-store')
    .header('x-report-source', source)
    .send(body);
}

/**
 * The daily access report (issue 7): any past WIB day (the stored report once made, so it does
 * not change when later data arrives) or today so far; the list of stored reports; and a
 * deliberate, audited regeneration. CSV and PDF downloads are exports: each is audited.
 */
export async function reportRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const { db, config } = deps;
  const quietMinutes = config.sessionQuietMinutes;

  app.get('/reports/daily', { preHandler: requireRole(...reportReaders) }, async (request, reply) => {
    const query = parseInput(DailyReportQuery, request.query, 'query');
    if (!query.ok) return reply.code(400).send({ error: query.error });
    const { date, format } = query.value;
    const now = Date.now();
    if (date > wibDay(now)) return reply.code(400).send({ error: 'date: is in the future (WIB)' });

    const stored = date < wibDay(now) ? getStoredReport(db, date) : undefined;
    let body: string | Buffer;
    if (stored !== undefined) {
      body = format === 'json' ? stored.json : format === 'csv' ? stored.csv : stored.pdf;
    } else {
      const report = buildDailyReport(db, date, { now, quietMinutes });
      body = format === 'json' ? JSON.stringify(report) : format === 'csv' ? reportToCsv(report) : await renderReportPdf(db, report);
    }
    if (format !== 'json') {
      db.transaction(() =>
        audit(db, {
          actorId: request.user.id,
          action: 'report.export',
          target: `report:${date}`,
          details: { format, source: stored !== undefined ? 'stored' : 'live', version: stored?.version ?? null },
        })
      )();
    }
    return send(reply, date, format, stored !== undefined ? 'stored' : 'live', body);
  });

  app.get('/reports', { preHandler: requireRole(...reportReaders) }, async () => ({ reports: listStoredReports(db) }));

  app.post('/reports/daily/:date/regenerate', { preHandler: requireRole('supervisor', 'admin') }, async (request, reply) => {
    const params = parseInput(RegenerateParams, request.params, 'params');
    if (!params.ok) return reply.code(400).send({ error: params.error });
    const { date } = params.value;
    if (date >= wibDay(Date.now())) return reply.code(400).send({ error: 'date: only a past day\'s report is stored (today is not over)' });
    const actorId = request.user.id;
    const meta = await storeDailyReport(db, date, `user:${actorId}`, {
      quietMinutes,
      inTransaction: m => audit(db, { actorId, action: 'report.regenerate', target: `report:${date}`, details: { version: m.version } }),
    });
    return { report: meta };
  });
}
