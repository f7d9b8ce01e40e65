import type { DailyReport, ReportRegion } from '../contract/reports.ts';
import { FEATURES } from '../stats/metrics.ts';

/**
 * The report's CSV columns. The first five are a stable interface (ARCHITECTURE.md): operators
 * script against them. Add new columns at the end only.
 */
export const CSV_COLUMNS: Array<[string, (r: ReportRegion, date: string) => string | number | null]> = [
  ['date', (_r, date) => date],
  ['region_code', r => r.code],
  ['region_name', r => r.name],
  ['conversations', r => r.conversations],
  ['contacts', r => r.contacts],
  ['population', r => r.population],
  ['conversations_per_100k', r => r.conversationsPer100k],
  ['contacts_per_100k', r => r.contactsPer100k],
  ['conversations_previous_day', r => r.conversationsPreviousDay],
  ['conversations_change', r => r.conversationsChange],
  ['contacts_previous_day', r => r.contactsPreviousDay],
  ['contacts_change', r => r.contactsChange],
  ['new_contacts', r => r.newContacts],
  ['returning_contacts', r => r.returningContacts],
  ['messages_in', r => r.messagesIn],
  ['messages_out', r => r.messagesOut],
  ['delivery_failures', r => r.deliveryFailures],
  ['handoffs', r => r.handoffs],
  ['hoax_claims', r => r.hoaxClaims],
  ['selfcheck_rendah', r => r.selfcheck.rendah],
  ['selfcheck_sedang', r => r.selfcheck.sedang],
  ['selfcheck_tinggi', r => r.selfcheck.tinggi],
  ...FEATURES.map(f => [`feature_${f}`, (r: ReportRegion) => r.features[f]] as [string, (r: ReportRegion) => number]),
];

function field(value: string | number | null): string {
  if (value === null) {
    return '';
  }
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report as CSV: a header row, then one row per region (the 38 in code order, then
 * `unknown`); UTF-8, comma-separated, CRLF line ends (RFC 4180), plain numbers (no thousands
 * separators; a dot for decimals; empty where there is no population).
 */
export function reportToCsv(report: DailyReport): string {
  const lines = [CSV_COLUMNS.map(([name]) => name).join(',')];
  for (const region of report.regions) {
    lines.push(CSV_COLUMNS.map(([, get]) => field(get(region, report.date))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
