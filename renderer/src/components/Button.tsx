import type { ButtonHTMLAttributes, ReactNode } from 'react';

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  size?: 'sm' | 'md';
  /** Shows a spinner and disables the button while an action runs. */
  busy?: boolean;
  /** A keyboard shortcut shown next to the label, e.g. "C". */
  shortcut?: string;
  children: ReactNode;
};

/** The console's button; `type="button"` unless said otherwise, so it never submits by accident. */
export function Button({ variant = 'secondary', size = 'md', busy = false, shortcut, children, className, disabled, type, ...rest }: ButtonProps) {
  const classes = ['btn', `btn-${variant}`, size === 'sm' ? 'btn-sm' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <button {...rest} type={type ?? 'button'} className={classes} disabled={disabled === true || busy} aria-busy={busy || undefined}>
      {busy ? <span className="spinner" aria-hidden="true" /> : null}
      {children}
      {shortcut !== undefined ? <kbd aria-hidden="true">{shortcut}</kbd> : null}
    </button>
  );
}
