import type { ReactNode } from 'react';

/** Nothing to show: says why, and what to do about it. */
export function EmptyState({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <div className="state" data-kind="empty" role="status">
      <h2 className="state-title">{title}</h2>
      {hint !== undefined ? <div>{hint}</div> : null}
      {action}
    </div>
  );
}
