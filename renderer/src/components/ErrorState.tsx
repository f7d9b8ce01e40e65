import { ApiError } from '../api/client.ts';
import { useT, type Translate } from '../i18n/index.tsx';
import { Button } from './Button.tsx';

/** A person-readable reason and what to do, for any error a request can throw. */
export function describeError(t: Translate, error: unknown): { title: string; hint: string } {
  if (error instanceof ApiError) {
    if (error.status === 0) return { title: t('error.network.title'), hint: t('error.network.hint') };
    if (error.status === 401) return { title: t('error.session.title'), hint: t('error.session.hint') };
    if (error.status === 403) return { title: t('error.forbidden.title'), hint: t('error.forbidden.hint') };
    if (error.status === 404) return { title: t('error.notFound.title'), hint: t('error.notFound.hint') };
    if (error.status === 429) return { title: t('error.busy.title'), hint: error.message };
    if (error.status >= 500) return { title: t('error.server.title'), hint: t('error.server.hint') };
    return { title: t('error.request.title'), hint: error.message };
  }
  return { title: t('error.unknown.title'), hint: error instanceof Error ? error.message : String(error) };
}

/** Something failed: why, what to do, and a retry button when one helps. */
export function ErrorState({ error, onRetry, inline = false }: { error: unknown; onRetry?: () => void; inline?: boolean }) {
  const t = useT();
  const { title, hint } = describeError(t, error);
  return (
    <div className={inline ? 'state state-inline' : 'state'} data-kind="error" role="alert">
      <div className="state-title">{title}</div>
      <div>{hint}</div>
      {onRetry !== undefined ? (
        <Button size="sm" onClick={onRetry}>
          {t('action.retry')}
        </Button>
      ) : null}
    </div>
  );
}
