/**
 * The one normal form for typed commands and keywords: lower case, punctuation and symbols as
 * single spaces. Seeded keywords are stored in this form and typed text is compared in it, so
 * "Cek-Mandiri!!", "cek mandiri" and "CEK  MANDIRI" are the same command.
 */
export function normalizeCommand(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
