/** An item's published versions and drafts, newest first; any of them can be loaded back into the form. */
import { useState } from 'react';
import type { ContentKind } from '../../../../bot-service/contract/content.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { StatusBadge, type Tone } from '../../components/StatusBadge.tsx';
import { localeOf, useLang, useT, type MessageKey } from '../../i18n/index.tsx';
import { dateTime } from '../../lib/time.ts';
import { useContentVersions } from './queries.ts';

const statusTone: Record<string, Tone> = { published: 'success', draft: 'warning', superseded: 'neutral' };
const statusLabel: Record<string, MessageKey> = {
  published: 'content.history.published',
  draft: 'content.history.draft',
  superseded: 'content.history.superseded',
};

/** A version's data, shortened to one readable line. */
function summary(data: unknown): string {
  if (data === null || typeof data !== 'object') return String(data ?? '');
  const record = data as Record<string, unknown>;
  const first = ['question', 'title', 'claim', 'name', 'date'].map(k => record[k]).find(v => typeof v === 'string');
  const second = ['answer', 'body', 'clarification', 'text', 'address', 'zone'].map(k => record[k]).find(v => typeof v === 'string');
  return [first, second].filter(Boolean).join(' — ');
}

export function VersionHistory({ kind, id, onLoad }: { kind: ContentKind; id: string; onLoad: (data: Record<string, unknown>) => void }) {
  const t = useT();
  const { lang } = useLang();
  const [open, setOpen] = useState(false);
  const versions = useContentVersions(kind, open ? id : null);
  return (
    <details className="version-history" onToggle={event => setOpen(event.currentTarget.open)} data-testid="version-history">
      <summary>{t('content.history.title')}</summary>
      {!open ? null : versions.isPending ? (
        <Loading inline />
      ) : versions.isError ? (
        <ErrorState inline error={versions.error} onRetry={() => void versions.refetch()} />
      ) : versions.data.versions.length === 0 ? (
        <p className="muted">{t('content.history.none')}</p>
      ) : (
        <ol className="versions">
          {versions.data.versions.map(v => (
            <li key={`${v.version}-${v.status}`}>
              <div className="version-head">
                <strong>v{v.version}</strong>
                <StatusBadge tone={statusTone[v.status] ?? 'neutral'}>{t(statusLabel[v.status] ?? 'content.history.draft')}</StatusBadge>
                <span className="muted">
                  {dateTime(v.publishedAt ?? v.createdAt, localeOf(lang))} · {v.author}
                </span>
                <span className="spacer" />
                {v.data !== null && typeof v.data === 'object' ? (
                  <Button size="sm" variant="ghost" onClick={() => onLoad(v.data as Record<string, unknown>)}>
                    {t('content.history.load')}
                  </Button>
                ) : null}
              </div>
              <div className="version-summary">{summary(v.data)}</div>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
