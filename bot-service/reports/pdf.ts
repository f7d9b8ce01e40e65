import PDFDocument from 'pdfkit';
import type { DailyReport } from '../contract/reports.ts';
import type { Db } from '../db/open.ts';
import { listRegions } from '../stats/regions.ts';
import { formatWib } from '../stats/time.ts';
import { classBreaks, colourFor, MAP_COLOURS, MAP_NONE, provinceMap } from './map.ts';
import {
  ACCENT,
  cell,
  fmt,
  fmtChange,
  fmtDecimal,
  fmtDuration,
  fmtPercent,
  footers,
  heading,
  horizontalBars,
  hourlyBars,
  INK,
  longDateId,
  MUTED,
  RULE,
} from './pdf-draw.ts';

type Doc = PDFKit.PDFDocument;

const LEFT = 40;
const WIDTH = 515;

const FEATURE_LABELS: Record<string, string> = {
  radar: 'Radar COVID-19',
  data: 'Data kasus',
  faq: 'Tanya jawab',
  selfcheck: 'Cek mandiri',
  tips: 'Rekomendasi & tips',
  hoax: 'Cek hoaks',
  hospital: 'Rumah sakit rujukan',
  hotline: 'Hotline & relawan',
  info: 'Info terkini',
  menu: 'Menu',
};

/**
 * The daily report as an A4 PDF, drawn as vectors with pdfkit's built-in Helvetica:
 * 1 key figures, the province map coloured by access, the top five;
 * 2 charts (top regions, hours, features, self check-up levels), handoffs and hoax claims;
 * 3 the table of all 38 regions and unknown; 4+ the definitions. Page numbers and the
 * generation time (WIB) on every page.
 */
export function renderReportPdf(db: Db, report: DailyReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    bufferPages: true,
    info: {
      Title: `Laporan harian akses layanan WhatsApp COVID-19 Jawa Timur ${report.date}`,
      Author: 'Posko COVID-19 Jawa Timur',
      Subject: 'Daily access report, East Java COVID-19 WhatsApp service',
      CreationDate: new Date(report.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  summaryPage(doc, db, report);
  doc.addPage();
  chartsPage(doc, report);
  doc.addPage();
  regionTablePage(doc, report);
  doc.addPage();
  definitionsPages(doc, report);
  footers(doc, `Laporan harian ${report.date} · dibuat ${formatWib(report.generatedAt)}${report.partial ? ' · angka sementara' : ''}`);
  doc.end();
  return done;
}

function summaryPage(doc: Doc, db: Db, report: DailyReport): void {
  doc.font('Helvetica-Bold').fontSize(16).fillColor(INK).text('Laporan Harian Akses Layanan WhatsApp COVID-19', LEFT, 40, { width: WIDTH });
  doc.font('Helvetica-Bold').fontSize(12).fillColor(ACCENT).text('Provinsi Jawa Timur', LEFT, 60, { width: WIDTH });
  doc.font('Helvetica').fontSize(8).fillColor(MUTED).text('Daily access report · East Java COVID-19 WhatsApp service', LEFT, 76, { width: WIDTH });
  const partial = report.partial ? ` · angka sementara sampai ${formatWib(report.generatedAt).slice(11)} (so far)` : '';
  doc.font('Helvetica-Bold').fontSize(11).fillColor(INK).text(`${longDateId(report.date)} (WIB)${partial}`, LEFT, 94, { width: WIDTH, lineBreak: false });

  const t = report.totals;
  const p = report.previousTotals;
  const figures: Array<[string, string, number, number]> = [
    ['Percakapan', 'Conversations', t.conversations, p.conversations],
    ['Kontak unik', 'Unique contacts', t.contacts, p.contacts],
    ['Kontak baru', 'New contacts', t.newContacts, p.newContacts],
    ['Kontak kembali', 'Returning contacts', t.returningContacts, p.returningContacts],
    ['Pesan masuk', 'Messages in', t.messagesIn, p.messagesIn],
    ['Pesan keluar', 'Messages out', t.messagesOut, p.messagesOut],
    ['Gagal terkirim', 'Delivery failures', t.deliveryFailures, p.deliveryFailures],
    ['Alih ke relawan', 'Volunteer handoffs', t.handoffs, p.handoffs],
  ];
  const boxW = (WIDTH - 3 * 8) / 4;
  figures.forEach(([id, en, value, prev], i) => {
    const x = LEFT + (i % 4) * (boxW + 8);
    const y = 116 + Math.floor(i / 4) * 58;
    doc.rect(x, y, boxW, 50).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.font('Helvetica-Bold').fontSize(7.5).fillColor(INK);
    cell(doc, id, x + 6, y + 5, boxW - 12);
    doc.font('Helvetica').fontSize(6.5).fillColor(MUTED);
    cell(doc, en, x + 6, y + 14, boxW - 12);
    doc.font('Helvetica-Bold').fontSize(14).fillColor(INK);
    cell(doc, fmt(value), x + 6, y + 23, boxW - 12);
    doc.font('Helvetica').fontSize(6.5).fillColor(MUTED);
    cell(doc, `kemarin ${fmt(prev)} (${fmtChange(value - prev)})`, x + 6, y + 40, boxW - 12);
  });

  let y = heading(doc, LEFT, 240, 'Peta akses: percakapan per 100.000 penduduk', 'Access map: conversations per 100,000 people');
  const box = { x: LEFT, y, width: WIDTH, height: 320 };
  const map = provinceMap(db, box);
  const values = new Map(report.regions.map(r => [r.code, r.conversationsPer100k]));
  const breaks = classBreaks(report.regions.filter(r => r.code !== 'unknown').map(r => r.conversationsPer100k ?? 0));
  for (const shape of map.shapes) {
    doc.path(shape.path).lineWidth(0.4).fillAndStroke(colourFor(values.get(shape.code) ?? null, breaks), '#ffffff');
  }
  // The top five, numbered on the map.
  const labels = new Map(listRegions(db).map(r => [r.code, r]));
  for (const top of report.topRegions) {
    const info = labels.get(top.code);
    if (info === undefined) {
      continue;
    }
    const [px, py] = map.project(info.labelLon, info.labelLat);
    doc.circle(px, py, 6).lineWidth(0.8).fillAndStroke('#ffffff', INK);
    doc.font('Helvetica-Bold').fontSize(7).fillColor(INK);
    cell(doc, String(top.rank), px - 6, py - 3, 12, 'center');
  }
  y = box.y + box.height + 6;
  legend(doc, LEFT, y, breaks);

  y = heading(doc, LEFT, y + 26, 'Lima wilayah dengan akses terbanyak', 'The five regions with the most conversations');
  const cols = [LEFT, LEFT + 24, LEFT + 240, LEFT + 330, LEFT + 420];
  doc.font('Helvetica-Bold').fontSize(7.5).fillColor(MUTED);
  cell(doc, '#', cols[0]!, y, 20);
  cell(doc, 'Wilayah', cols[1]!, y, 200);
  cell(doc, 'Percakapan', cols[2]!, y, 80, 'right');
  cell(doc, 'per 100.000', cols[3]!, y, 80, 'right');
  cell(doc, 'vs kemarin', cols[4]!, y, 80, 'right');
  y += 13;
  if (report.topRegions.length === 0) {
    doc.font('Helvetica').fontSize(8).fillColor(MUTED);
    cell(doc, 'Belum ada percakapan dengan wilayah yang diketahui. (No conversations with a known region yet.)', cols[1]!, y, 460);
  }
  for (const r of report.topRegions) {
    doc.font('Helvetica').fontSize(8.5).fillColor(INK);
    cell(doc, String(r.rank), cols[0]!, y, 20);
    cell(doc, r.name, cols[1]!, y, 200);
    cell(doc, fmt(r.conversations), cols[2]!, y, 80, 'right');
    cell(doc, fmtDecimal(r.conversationsPer100k), cols[3]!, y, 80, 'right');
    cell(doc, fmtChange(r.conversationsChange), cols[4]!, y, 80, 'right');
    y += 13;
  }
}

function legend(doc: Doc, x: number, y: number, breaks: number[]): void {
  doc.font('Helvetica').fontSize(7).fillColor(MUTED);
  let cx = x;
  const swatch = (colour: string, label: string) => {
    doc.rect(cx, y, 14, 9).fill(colour);
    doc.fillColor(INK);
    cell(doc, label, cx + 17, y + 1, 66);
    cx += 86;
  };
  swatch(MAP_NONE, 'tidak ada (none)');
  if (breaks.length === 0) {
    return;
  }
  const offset = MAP_COLOURS.length - 1 - breaks.length;
  const bounds = [0, ...breaks];
  bounds.forEach((lo, i) => {
    const hi = breaks[i];
    const label = hi === undefined ? `>= ${fmtDecimal(lo)}` : i === 0 ? `< ${fmtDecimal(hi)}` : `${fmtDecimal(lo)} - ${fmtDecimal(hi)}`;
    swatch(MAP_COLOURS[Math.min(MAP_COLOURS.length - 1, i + offset)]!, label);
  });
}

function chartsPage(doc: Doc, report: DailyReport): void {
  let y = heading(doc, LEFT, 40, 'Sepuluh wilayah dengan percakapan terbanyak', 'The ten regions with the most conversations');
  const top10 = report.regions
    .filter(r => r.code !== 'unknown' && r.conversations > 0)
    .sort((a, b) => b.conversations - a.conversations || a.code.localeCompare(b.code))
    .slice(0, 10);
  horizontalBars(
    doc,
    { x: LEFT, y, width: WIDTH, labelWidth: 130, rowHeight: 15 },
    top10.map(r => ({ label: r.name, value: r.conversations }))
  );
  y += 150 + 8;

  y = heading(doc, LEFT, y, 'Percakapan per jam (WIB)', 'Conversations by hour of the day (WIB)');
  hourlyBars(doc, { x: LEFT, y, width: WIDTH, height: 110 }, report.hourly.map(h => h.conversations));
  y += 110 + 12;

  const half = (WIDTH - 20) / 2;
  const top = y;
  y = heading(doc, LEFT, top, 'Penggunaan fitur', 'Feature use', half);
  horizontalBars(
    doc,
    { x: LEFT, y, width: half, labelWidth: 95, rowHeight: 14 },
    Object.entries(report.features).map(([k, v]) => ({ label: FEATURE_LABELS[k] ?? k, value: v }))
  );
  const right = LEFT + half + 20;
  let ry = heading(doc, right, top, 'Hasil cek mandiri', 'Self check-up results', half);
  ry = horizontalBars(
    doc,
    { x: right, y: ry, width: half, labelWidth: 70, rowHeight: 14 },
    [
      { label: 'Rendah (low)', value: report.selfcheck.rendah },
      { label: 'Sedang (medium)', value: report.selfcheck.sedang },
      { label: 'Tinggi (high)', value: report.selfcheck.tinggi },
    ],
    ACCENT
  );
  ry = heading(doc, right, ry + 10, 'Relawan', 'Volunteer handoffs', half);
  const h = report.handoffs;
  const facts: Array<[string, string]> = [
    ['Alih ke relawan (handoffs)', fmt(h.count)],
    ['Median tunggu (wait)', fmtDuration(h.medianWaitMs)],
    ['Median balasan pertama (first reply)', fmtDuration(h.medianFirstReplyMs)],
    ['Masih terbuka (still open)', fmt(h.stillOpen)],
    ['Dilayani bot saja (bot only)', fmtPercent(report.totals.botOnlyShare)],
  ];
  for (const [label, value] of facts) {
    doc.font('Helvetica').fontSize(7.5).fillColor(INK);
    cell(doc, label, right, ry, half - 80);
    doc.font('Helvetica-Bold');
    cell(doc, value, right + half - 80, ry, 80, 'right');
    ry += 12;
  }

  y += 26 + 10 * 14 + 14;
  y = heading(doc, LEFT, y, `Laporan hoaks: ${fmt(report.hoax.claims)}`, 'Hoax claims and the top clusters');
  if (report.hoax.topClusters.length === 0) {
    doc.font('Helvetica').fontSize(8).fillColor(MUTED);
    cell(doc, 'Tidak ada laporan hoaks. (No hoax claims.)', LEFT, y, WIDTH);
  }
  for (const c of report.hoax.topClusters) {
    doc.font('Helvetica-Bold').fontSize(7.5).fillColor(INK);
    cell(doc, fmt(c.claims), LEFT, y, 40, 'right');
    doc.font('Helvetica').fillColor(INK);
    const verdict = c.verdict === null ? '' : `${c.verdict.charAt(0).toUpperCase()}${c.verdict.slice(1)}: `;
    const what = c.hoaxId === null ? 'Belum cocok dengan hoaks yang dikenal (unmatched; hoax desk)' : `${verdict}${c.claim ?? c.hoaxId}`;
    cell(doc, what, LEFT + 48, y, WIDTH - 48);
    y += 12;
  }
}

function regionTablePage(doc: Doc, report: DailyReport): void {
  let y = heading(doc, LEFT, 40, 'Angka per wilayah', 'Figures per region (conversations per 100,000 people; change from the day before)');
  type Col = { title: string; sub: string; w: number; get: (r: DailyReport['regions'][number]) => string; align?: 'left' | 'right' };
  const columns: Col[] = [
    { title: 'Kode', sub: 'code', w: 36, get: r => r.code, align: 'left' },
    { title: 'Wilayah', sub: 'region', w: 106, get: r => r.name, align: 'left' },
    { title: 'Perc.', sub: 'conv.', w: 38, get: r => fmt(r.conversations) },
    { title: '/100rb', sub: '/100k', w: 38, get: r => fmtDecimal(r.conversationsPer100k) },
    { title: '+/-', sub: 'vs prev', w: 34, get: r => fmtChange(r.conversationsChange) },
    { title: 'Kontak', sub: 'contacts', w: 38, get: r => fmt(r.contacts) },
    { title: 'Masuk', sub: 'msgs in', w: 38, get: r => fmt(r.messagesIn) },
    { title: 'Rendah', sub: 'low', w: 32, get: r => fmt(r.selfcheck.rendah) },
    { title: 'Sedang', sub: 'medium', w: 32, get: r => fmt(r.selfcheck.sedang) },
    { title: 'Tinggi', sub: 'high', w: 32, get: r => fmt(r.selfcheck.tinggi) },
    { title: 'Relawan', sub: 'handoffs', w: 36, get: r => fmt(r.handoffs) },
    { title: 'Hoaks', sub: 'hoax', w: 35, get: r => fmt(r.hoaxClaims) },
  ];
  const header = (yy: number) => {
    let x = LEFT;
    for (const c of columns) {
      doc.font('Helvetica-Bold').fontSize(7).fillColor(INK);
      cell(doc, c.title, x, yy, c.w - 2, c.align ?? 'right');
      doc.font('Helvetica').fontSize(6).fillColor(MUTED);
      cell(doc, c.sub, x, yy + 9, c.w - 2, c.align ?? 'right');
      x += c.w;
    }
    doc.moveTo(LEFT, yy + 19).lineTo(LEFT + WIDTH, yy + 19).lineWidth(0.5).strokeColor(RULE).stroke();
  };
  header(y);
  y += 23;
  report.regions.forEach((r, i) => {
    if (i % 2 === 1) {
      doc.rect(LEFT, y - 2.5, WIDTH, 16).fill('#f3f5f7');
    }
    let x = LEFT;
    doc.font(r.code === 'unknown' ? 'Helvetica-Oblique' : 'Helvetica').fontSize(7.5).fillColor(INK);
    for (const c of columns) {
      cell(doc, c.get(r), x, y + 2, c.w - 2, c.align ?? 'right');
      x += c.w;
    }
    y += 16;
  });
  const t = report.totals;
  doc.moveTo(LEFT, y).lineTo(LEFT + WIDTH, y).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.font('Helvetica-Bold').fontSize(7.5).fillColor(INK);
  cell(doc, `Jawa Timur: ${fmt(t.conversations)} percakapan, ${fmt(t.contacts)} kontak unik (dihitung sekali se-provinsi), ${fmt(t.messagesIn)} pesan masuk`, LEFT, y + 5, WIDTH);
}

function definitionsPages(doc: Doc, report: DailyReport): void {
  let y = heading(doc, LEFT, 40, 'Definisi', 'Definitions: how each figure is counted');
  const bottom = doc.page.height - 50;
  for (const d of report.definitions) {
    doc.font('Helvetica').fontSize(7.5);
    const idHeight = doc.heightOfString(d.definition.id, { width: WIDTH });
    const enHeight = doc.heightOfString(d.definition.en, { width: WIDTH });
    const need = 12 + idHeight + enHeight + 10;
    if (y + need > bottom) {
      doc.addPage();
      y = 40;
    }
    doc.font('Helvetica-Bold').fontSize(8.5).fillColor(INK).text(`${d.name.id} / ${d.name.en}`, LEFT, y, { width: WIDTH });
    y += 12;
    doc.font('Helvetica').fontSize(7.5).fillColor(INK).text(d.definition.id, LEFT, y, { width: WIDTH });
    y += idHeight + 1;
    doc.font('Helvetica-Oblique').fontSize(7.5).fillColor(MUTED).text(d.definition.en, LEFT, y, { width: WIDTH });
    y += enHeight + 8;
  }
  doc.font('Helvetica').fontSize(7).fillColor(MUTED);
  if (y + 30 < bottom) {
    doc.text(
      'Sumber: penghitung layanan bot WhatsApp Posko COVID-19 Jawa Timur, diperbarui saat setiap peristiwa terjadi. Penduduk: BPS, Sensus Penduduk 2020. Batas wilayah: cahyadsn/wilayah_boundaries (MIT).',
      LEFT,
      y + 6,
      { width: WIDTH }
    );
  }
}
