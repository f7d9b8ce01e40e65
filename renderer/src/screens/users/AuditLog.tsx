/** The audit log: who did what and when, newest first, filterable by action and person. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditPage } from '../../../../bot-service/contract/auth.ts';
import { apiFetch } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { localeOf, useLang, useT } from '../../i18n/index.tsx';
import { dateTime } from '../../lib/time.ts';

function details(value: Record<string, unknown>): string {
  const entries = Object.entries(value);
  return entries.length === 0 ? '' : entries.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ');
}

export function AuditLog() {
  const t = useT();
  const { lang } = useLang();
  const [action, setAction] = useState('');
  const filter = /^[a-z][a-z0-9._-]{0,63}$/.test(action.trim()) ? action.trim() : undefined;
  const audit = useInfiniteQuery({
    queryKey: ['audit', { action: filter }],
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: '100' });
      if (pageParam !== undefined) query.set('before', String(pageParam));
      if (filter !== undefined) query.set('action', filter);
      return apiFetch<AuditPage>(`/api/audit?${query}`, { signal });
    },
    initialPageParam: undefined as number | undefined,
    getNextPageParam: last => last.nextBefore ?? undefined,
  });
  const items = audit.data?.pages.flatMap(page => page.items) ?? [];
  return (
    <section className="panel" aria-labelledby="audit-title">
      <div className="panel-header">
        <h2 id="audit-title">{t('audit.title')}</h2>
        <span className="spacer" />
        <label className="audit-filter">
          <span className="muted">{t('audit.filter')}</span>
          <input value={action} onChange={e => setAction(e.target.value)} placeholder="inbox.claim" list="audit-actions" />
          <datalist id="audit-actions">
            {['auth.login', 'auth.login-failed', 'auth.logout', 'user.create', 'user.update', 'inbox.claim', 'inbox.reply', 'inbox.transfer', 'inbox.resolve', 'content.publish', 'contact.reveal', 'report.export'].map(a => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </label>
      </div>
      <div className="audit-body">
        {audit.isPending ? (
          <Loading />
        ) : audit.isError ? (
          <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={t('audit.empty')} hint={filter !== undefined ? t('audit.emptyFiltered') : undefined} />
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th>{t('audit.at')}</th>
                <th>{t('audit.actor')}</th>
                <th>{t('audit.action')}</th>
                <th>{t('audit.target')}</th>
                <th>{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map(entry => (
                <tr key={entry.id}>
                  <td className="nowrap">{dateTime(entry.at, localeOf(lang))}</td>
                  <td>{entry.actorUsername ?? t('audit.system')}</td>
                  <td className="mono">{entry.action}</td>
                  <td className="mono">{entry.target ?? ''}</td>
                  <td className="audit-details">{details(entry.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {audit.hasNextPage ? (
          <div className="audit-more">
            <Button size="sm" busy={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
              {t('audit.more')}
            </Button>
          </div>
        ) : null}
      </div>
    </section>
  );
}
