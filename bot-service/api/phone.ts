/** Prefix of the irreversible token that replaces an erased contact's number (privacy/erase.ts). */
export const erasedKeyPrefix = 'erased.';

const bullet = '\u2022';

/**
 * Masks a contact's key for display: `6281234567001` → `62812•••••001`.
 *
 * A business-scoped user id (`ID.1234…`) is masked the same way; short values keep less; an
 * erased contact shows as `(dihapus)`.
 */
export function maskPhone(waKey: string): string {
  if (waKey.startsWith(erasedKeyPrefix)) {
    return '(dihapus)';
  }
  const chars = [...waKey];
  const n = chars.length;
  const [head, tail] = n >= 9 ? [5, 3] : n >= 5 ? [2, 2] : [0, 0];
  return chars.slice(0, head).join('') + bullet.repeat(n - head - tail) + chars.slice(n - tail).join('');
}
