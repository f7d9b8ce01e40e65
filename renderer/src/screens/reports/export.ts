/**
 * Exporting a day's report: in the desktop app a save dialog (`window.desktop.saveFile`), in a
 * browser a download. Both fetch the file with the session's token first: a plain link
 * cannot carry the `Authorization` header.
 */
import { apiDownload } from '../../api/client.ts';

export type ExportFormat = 'csv' | 'pdf';

export type ExportResult =
  /** Written by the desktop app to the path the user chose. */
  | { kind: 'saved'; fileName: string }
  /** Handed to the browser's downloads. */
  | { kind: 'downloaded'; fileName: string }
  | { kind: 'cancelled' };

export function reportFileName(date: string, format: ExportFormat): string {
  return `laporan-harian-jatim-${date}.${format}`;
}

export function reportPath(date: string, format: ExportFormat | 'json'): string {
  return `/api/reports/daily?date=${encodeURIComponent(date)}&format=${format}`;
}

/** Starts a browser download of bytes already in memory. */
function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Fetches the day's report in `format` and saves or downloads it. Throws ApiError on failure. */
export async function exportReport(date: string, format: ExportFormat): Promise<ExportResult> {
  const { blob, fileName: serverName } = await apiDownload(reportPath(date, format));
  const fileName = serverName ?? reportFileName(date, format);
  const desktop = window.desktop;
  if (desktop !== undefined) {
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const result = await desktop.saveFile({ defaultName: fileName, format, bytes });
    if (!result.ok) throw new Error(result.error.message);
    return result.value.saved ? { kind: 'saved', fileName: result.value.fileName } : { kind: 'cancelled' };
  }
  downloadBlob(blob, fileName);
  return { kind: 'downloaded', fileName };
}
