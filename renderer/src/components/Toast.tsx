/**
 * Short messages after an action ("Sent", "Already claimed by someone else"), shown for a few
 * seconds in the corner and announced to screen readers.
 */
import { useEffect, useSyncExternalStore } from 'react';

type Toast = { id: number; text: string; tone: 'info' | 'danger' };

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};

export function showToast(text: string, tone: Toast['tone'] = 'info'): void {
  toasts = [...toasts.slice(-2), { id: nextId++, text, tone }];
  emit();
}

function dismiss(id: number): void {
  toasts = toasts.filter(toast => toast.id !== id);
  emit();
}

function ToastItem({ toast }: { toast: Toast }) {
  useEffect(() => {
    const timer = setTimeout(() => dismiss(toast.id), toast.tone === 'danger' ? 8000 : 4000);
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <div className="toast" data-tone={toast.tone} role={toast.tone === 'danger' ? 'alert' : 'status'} onClick={() => dismiss(toast.id)}>
      {toast.text}
    </div>
  );
}

/** Where toasts appear; rendered once by the shell. */
export function Toasts() {
  const list = useSyncExternalStore(
    listener => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => toasts
  );
  return (
    <div className="toasts">
      {list.map(toast => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}
