/**
 * Saving a report file the renderer downloaded (daily report as PDF or CSV).
 *
 * The renderer proposes a name and sends the bytes; the user picks the place in a native
 * dialog. The name is only a suggestion, so it is reduced to a plain file name here.
 */
import { writeFile } from 'node:fs/promises';
import type { ReportFormat } from '../preload/contract.ts';

/** Reports are a few hundred kB; this only stops a runaway renderer filling the disk. */
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;

const MAX_NAME_LENGTH = 100;

const FILTERS: Record<ReportFormat, { name: string; extensions: string[] }> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  csv: { name: 'CSV', extensions: ['csv'] },
};

/**
 * A safe default file name: no folders, no characters Windows or macOS reject, no leading
 * dots (hidden files), and the format's extension.
 */
export function safeReportFileName(raw: string, format: ReportFormat): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const withoutExtension = cleaned.replace(new RegExp(`\\.${format}$`, 'i'), '');
  const stem = withoutExtension.slice(0, MAX_NAME_LENGTH).trim() || 'laporan';
  return `${stem}.${format}`;
}

/** Save-dialog filters: only the format being saved. */
export function saveDialogFilters(format: ReportFormat): Array<{ name: string; extensions: string[] }> {
  return [FILTERS[format]];
}

/** Write the bytes where the user chose. */
export async function writeReportFile(path: string, bytes: Uint8Array): Promise<void> {
  await writeFile(path, bytes);
}
