/** Drawing helpers for the report PDF: number formats, bar charts, table rows. */

type Doc = PDFKit.PDFDocument;

export const INK = '#1f2933';
export const MUTED = '#6b7785';
export const RULE = '#c9d1d9';
export const ACCENT = '#b4232a';
export const BAR = '#d9480f';

const numberId = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const decimalId = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 109.776 (Indonesian thousands separator). */
export const fmt = (n: number): string => numberId.format(n);
/** 12,34 */
export const fmtDecimal = (n: number | null): string => (n === null ? '-' : decimalId.format(n));
/** +12 / -3 / 0 */
export const fmtChange = (n: number): string => (n > 0 ? `+${fmt(n)}` : n < 0 ? `-${fmt(-n)}` : '0');
export const fmtPercent = (share: number | null): string => (share === null ? '-' : `${decimalId.format(share * 100)}%`);

/** 4 mnt 12 dtk, 1 jam 3 mnt. */
export function fmtDuration(ms: number | null): string {
  if (ms === null) {
    return '-';
  }
  const s = Math.round(ms / 1000);
  if (s < 60) {
    return `${s} dtk`;
  }
  const m = Math.floor(s / 60);
  if (m < 60) {
    return `${m} mnt ${s % 60} dtk`;
  }
  return `${Math.floor(m / 60)} jam ${m % 60} mnt`;
}

const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** Kamis, 2 April 2020 */
export function longDateId(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** A section heading in Indonesian with its English below, in grey. Returns the y after it. */
export function heading(doc: Doc, x: number, y: number, id: string, en: string, width = 515): number {
  doc.font('Helvetica-Bold').fontSize(10.5).fillColor(INK).text(id, x, y, { width, lineBreak: false });
  doc.font('Helvetica').fontSize(7.5).fillColor(MUTED).text(en, x, y + 13, { width, lineBreak: false });
  return y + 26;
}

/** One line of text that never wraps or spills onto a new page. */
export function cell(doc: Doc, text: string, x: number, y: number, width: number, align: 'left' | 'right' | 'center' = 'left'): void {
  doc.text(text, x, y, { width, align, lineBreak: false, ellipsis: true, height: 12 });
}

export type Bar = { label: string; value: number; note?: string };

/** Horizontal bars with labels on the left and values on the right. Returns the y after it. */
export function horizontalBars(
  doc: Doc,
  box: { x: number; y: number; width: number; labelWidth: number; rowHeight: number },
  bars: Bar[],
  colour = BAR
): number {
  const max = Math.max(1, ...bars.map(b => b.value));
  const valueWidth = 70;
  const barSpace = box.width - box.labelWidth - valueWidth - 8;
  let y = box.y;
  for (const bar of bars) {
    doc.font('Helvetica').fontSize(7.5).fillColor(INK);
    cell(doc, bar.label, box.x, y + (box.rowHeight - 8) / 2, box.labelWidth - 4);
    const w = Math.max(bar.value > 0 ? 1 : 0, (bar.value / max) * barSpace);
    if (w > 0) {
      doc.rect(box.x + box.labelWidth, y + 2, w, box.rowHeight - 4).fill(colour);
    }
    doc.font('Helvetica').fontSize(7.5).fillColor(INK);
    cell(doc, bar.note ?? fmt(bar.value), box.x + box.labelWidth + w + 4, y + (box.rowHeight - 8) / 2, valueWidth);
    y += box.rowHeight;
  }
  return y;
}

/** Vertical bars for the 24 hours of the day. Returns the y after it. */
export function hourlyBars(doc: Doc, box: { x: number; y: number; width: number; height: number }, values: number[]): number {
  const max = Math.max(1, ...values);
  const axisY = box.y + box.height - 12;
  const slot = box.width / values.length;
  doc.moveTo(box.x, axisY).lineTo(box.x + box.width, axisY).lineWidth(0.5).strokeColor(RULE).stroke();
  values.forEach((v, hour) => {
    const h = (v / max) * (box.height - 26);
    if (h > 0) {
      doc.rect(box.x + hour * slot + 1.5, axisY - h, slot - 3, h).fill(BAR);
    }
    doc.font('Helvetica').fontSize(6).fillColor(MUTED);
    cell(doc, String(hour).padStart(2, '0'), box.x + hour * slot, axisY + 3, slot, 'center');
    if (v > 0) {
      doc.fillColor(INK);
      cell(doc, fmt(v), box.x + hour * slot - 4, axisY - h - 9, slot + 8, 'center');
    }
  });
  return box.y + box.height;
}

/** Writes page numbers and the generation time on every page (pages are buffered). */
export function footers(doc: Doc, left: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would start a new page: lift the margin while we write.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 28;
    doc.moveTo(40, y - 6).lineTo(doc.page.width - 40, y - 6).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.font('Helvetica').fontSize(7).fillColor(MUTED);
    cell(doc, left, 40, y, 400);
    cell(doc, `Halaman ${i + 1} dari ${range.count}`, doc.page.width - 160, y, 120, 'right');
    doc.page.margins.bottom = bottom;
  }
}
