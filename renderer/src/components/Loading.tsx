import { useT } from '../i18n/index.tsx';

/** Loading: a spinner with words, announced politely to screen readers. */
export function Loading({ label, inline = false }: { label?: string; inline?: boolean }) {
  const t = useT();
  return (
    <div className={inline ? 'state state-inline' : 'state'} data-kind="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('state.loading')}</span>
    </div>
  );
}
