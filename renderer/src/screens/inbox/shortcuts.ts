/**
 * Keyboard shortcuts for fast volunteers. Single keys work when no text field has focus;
 * Ctrl+Enter (send, add note) works inside the fields themselves.
 */
import { useEffect, useRef } from 'react';

export type ShortcutHandlers = Partial<Record<'next' | 'previous' | 'claim' | 'reply' | 'note' | 'transfer' | 'resolve' | 'faq' | 'help' | 'escape', () => void>>;

export const shortcutKeys: Array<{ keys: string; action: keyof ShortcutHandlers }> = [
  { keys: 'J', action: 'next' },
  { keys: 'K', action: 'previous' },
  { keys: 'C', action: 'claim' },
  { keys: 'R', action: 'reply' },
  { keys: 'N', action: 'note' },
  { keys: 'T', action: 'transfer' },
  { keys: 'E', action: 'resolve' },
  { keys: '/', action: 'faq' },
  { keys: '?', action: 'help' },
  { keys: 'Esc', action: 'escape' },
];

const byKey: Record<string, keyof ShortcutHandlers> = {
  j: 'next',
  k: 'previous',
  c: 'claim',
  r: 'reply',
  n: 'note',
  t: 'transfer',
  e: 'resolve',
  '/': 'faq',
  '?': 'help',
};

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        // Leaving a text field gives the single-key shortcuts back.
        if (typing(event.target) && event.target instanceof HTMLElement) event.target.blur();
        latest.current.escape?.();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      const action = byKey[event.key.toLowerCase()] ?? (event.key === '?' ? 'help' : undefined);
      const handler = action === undefined ? undefined : latest.current[action];
      if (handler === undefined) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
