/**
 * Daily reports (issue 7): pick a WIB day, read its figures, charts and map, export CSV or PDF.
 * Officials see this and the heatmap only; supervisors and admins may also rebuild a stored
 * report on purpose.
 */
import { useEffect, useRef, useState } from 'react';
import { useDemoHistory } from '../../api/system.ts';
import { useRole } from '../../api/session.tsx';
import { Button } from '../../components/Button.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { describeError, ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { showToast } from '../../components/Toast.tsx';
import { localeOf, useLang, useT } from '../../i18n/index.tsx';
import { addDays, clockTime, dateTime, todayWib } from '../../lib/time.ts';
import { exportReport, type ExportFormat } from './export.ts';
import { useDailyReport, useRegenerateReport, useStoredReports } from './queries.ts';
import { ReportBody } from './ReportBody.tsx';
import './reports.css';

function ExportButtons({ date }: { date: string }) {
  const t = useT();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const run = async (format: ExportFormat) => {
    setBusy(format);
    try {
      const result = await exportReport(date, format);
      if (result.kind === 'saved') showToast(t('reports.export.saved', { file: result.fileName }));
      if (result.kind === 'downloaded') showToast(t('reports.export.downloaded', { file: result.fileName }));
    } catch (error) {
      showToast(t('reports.export.failed', { reason: describeError(t, error).title }), 'danger');
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="export-buttons" role="group" aria-label={t('reports.export.label')}>
      <Button onClick={() => void run('csv')} busy={busy === 'csv'} disabled={busy !== null} data-testid="export-csv">
        {t('reports.export.csv')}
      </Button>
      <Button variant="primary" onClick={() => void run('pdf')} busy={busy === 'pdf'} disabled={busy !== null} data-testid="export-pdf">
        {t('reports.export.pdf')}
      </Button>
    </div>
  );
}

function StoredInfo({ date }: { date: string }) {
  const t = useT();
  const { lang } = useLang();
  const role = useRole();
  const stored = useStoredReports();
  const regenerate = useRegenerateReport();
  const [confirming, setConfirming] = useState(false);
  const info = stored.data?.reports.find(r => r.date === date);
  const mayRegenerate = (role === 'supervisor' || role === 'admin') && date < todayWib();
  const by = (generatedBy: string) => (generatedBy === 'scheduler' ? t('reports.stored.scheduler') : generatedBy);

  return (
    <div className="stored-info" data-testid="stored-info">
      {info === undefined ? (
        <span className="muted">{date === todayWib() ? t('reports.stored.today') : t('reports.stored.none')}</span>
      ) : (
        <span>
          <StatusBadge tone="success">{t('reports.stored.badge', { version: info.version })}</StatusBadge>{' '}
          <span className="muted">{t('reports.stored.detail', { time: dateTime(info.generatedAt, localeOf(lang)), by: by(info.generatedBy) })}</span>
        </span>
      )}
      {mayRegenerate && !confirming ? (
        <Button size="sm" onClick={() => setConfirming(true)}>
          {t('reports.regenerate')}
        </Button>
      ) : null}
      {confirming ? (
        <span className="confirm" role="group" aria-label={t('reports.regenerate')}>
          <span>{t('reports.regenerate.confirm')}</span>
          <Button
            size="sm"
            variant="danger"
            busy={regenerate.isPending}
            onClick={() =>
              regenerate.mutate(date, {
                onSuccess: data => {
                  setConfirming(false);
                  showToast(t('reports.regenerate.done', { date, version: data.report.version }));
                },
                onError: error => {
                  setConfirming(false);
                  showToast(describeError(t, error).hint || describeError(t, error).title, 'danger');
                },
              })
            }
          >
            {t('reports.regenerate.yes')}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
            {t('action.cancel')}
          </Button>
        </span>
      ) : null}
    </div>
  );
}

export function ReportsScreen() {
  const t = useT();
  const { lang } = useLang();
  const today = todayWib();
  const [date, setDateState] = useState(today);
  // On a demo database, open on the last demo day (today is empty) until the user picks a date.
  const chosen = useRef(false);
  const setDate = (d: string) => {
    chosen.current = true;
    setDateState(d);
  };
  const demo = useDemoHistory();
  useEffect(() => {
    if (demo !== null && !chosen.current) setDateState(demo.to);
  }, [demo]);
  const report = useDailyReport(date);
  // While another day loads, the previous one stays on screen, dimmed.
  const data = report.data;

  return (
    <section className="screen reports-screen" aria-labelledby="reports-title">
      <header className="screen-header">
        <h1 id="reports-title">{t('reports.title')}</h1>
        <div className="day-picker">
          <Button size="sm" onClick={() => setDate(addDays(date, -1))} aria-label={t('reports.previousDay')} title={t('reports.previousDay')}>
            ‹
          </Button>
          <DateInput label={t('reports.date')} value={date} onChange={setDate} max={today} />
          <Button size="sm" onClick={() => setDate(addDays(date, 1))} disabled={date >= today} aria-label={t('reports.nextDay')} title={t('reports.nextDay')}>
            ›
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setDate(today)} disabled={date === today}>
            {t('reports.today')}
          </Button>
        </div>
        {data?.partial === true ? (
          <StatusBadge tone="warning">{t('reports.partial', { time: clockTime(data.generatedAt, localeOf(lang)) })}</StatusBadge>
        ) : null}
        <span className="spacer" />
        <ExportButtons date={date} />
      </header>
      <StoredInfo date={date} />

      {report.isPending ? (
        <Loading label={t('reports.loading')} />
      ) : report.isError && data === undefined ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : data !== undefined ? (
        <div className={report.isPlaceholderData ? 'report-stale' : undefined} aria-busy={report.isFetching}>
          {data.totals.conversations === 0 ? (
            <EmptyState title={t('reports.empty.title', { date })} hint={data.partial ? t('reports.empty.hintToday') : t('reports.empty.hint')} />
          ) : (
            <ReportBody report={data} />
          )}
        </div>
      ) : null}
    </section>
  );
}
