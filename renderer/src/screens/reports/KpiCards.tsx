/** The day's headline figures, each with its change from the day before. */
import type { DailyReport } from '../../../../bot-service/contract/reports.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { duration } from '../../lib/time.ts';
import { numberFormats } from '../heatmap/format.ts';

function Change({ now, before }: { now: number; before: number }) {
  const { lang } = useLang();
  const t = useT();
  const diff = now - before;
  const tone = diff > 0 ? 'up' : diff < 0 ? 'down' : 'same';
  return (
    <span className="kpi-change" data-trend={tone}>
      {diff === 0 ? t('reports.kpi.same') : t('reports.kpi.vsPrevious', { change: numberFormats(lang).change(diff) })}
    </span>
  );
}

export function KpiCards({ report }: { report: DailyReport }) {
  const t = useT();
  const { lang } = useLang();
  const f = numberFormats(lang);
  const { totals, previousTotals: before, handoffs } = report;
  const time = (ms: number | null) => (ms === null ? '–' : duration(ms));
  return (
    <div className="kpi-grid" data-testid="report-kpis">
      <div className="kpi">
        <div className="kpi-label">{t('reports.kpi.conversations')}</div>
        <div className="kpi-value" data-testid="kpi-conversations">
          {f.count(totals.conversations)}
        </div>
        <Change now={totals.conversations} before={before.conversations} />
      </div>
      <div className="kpi">
        <div className="kpi-label">{t('reports.kpi.contacts')}</div>
        <div className="kpi-value">{f.count(totals.contacts)}</div>
        <div className="kpi-detail">
          {t('reports.kpi.contactsDetail', { new: f.count(totals.newContacts), returning: f.count(totals.returningContacts) })}
        </div>
      </div>
      <div className="kpi">
        <div className="kpi-label">{t('reports.kpi.messages')}</div>
        <div className="kpi-value">
          {f.count(totals.messagesIn)} / {f.count(totals.messagesOut)}
        </div>
        <div className="kpi-detail">{t('reports.kpi.failures', { count: f.count(totals.deliveryFailures) })}</div>
      </div>
      <div className="kpi">
        <div className="kpi-label">{t('reports.kpi.handoffs')}</div>
        <div className="kpi-value">{f.count(handoffs.count)}</div>
        <div className="kpi-detail">
          {t('reports.kpi.handoffsDetail', {
            wait: time(handoffs.medianWaitMs),
            reply: time(handoffs.medianFirstReplyMs),
            open: f.count(handoffs.stillOpen),
          })}
        </div>
      </div>
      <div className="kpi">
        <div className="kpi-label">{t('reports.kpi.botOnly')}</div>
        <div className="kpi-value">{totals.botOnlyShare === null ? '–' : f.percent(totals.botOnlyShare)}</div>
        <div className="kpi-detail">
          {t('reports.kpi.botOnlyDetail', { count: f.count(totals.conversationsBotOnly), total: f.count(totals.conversations) })}
        </div>
      </div>
      <div className="kpi">
        <div className="kpi-label">{t('reports.kpi.hoaxClaims')}</div>
        <div className="kpi-value">{f.count(totals.hoaxClaims)}</div>
        <Change now={totals.hoaxClaims} before={before.hoaxClaims} />
      </div>
    </div>
  );
}
