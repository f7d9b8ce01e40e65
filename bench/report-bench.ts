/**
 * Daily report benchmark (issue 7): builds a database with BENCH_MESSAGES messages (default
 * 10 million, in and out) from BENCH_CONTACTS citizens (default 1 million) over BENCH_DAYS WIB
 * days (default 3), spread over the 38 regions by population, derives the counters from the
 * stored messages with the stats module's own recount, then times building one day's report as
 * JSON and as CSV (BENCH_RUNS runs, median and p95). The last line is a one-line summary.
 *
 *   node bench/report-bench.ts                                   # full size, a few minutes
 *   BENCH_MESSAGES=200000 BENCH_CONTACTS=20000 node bench/report-bench.ts   # quick
 *
 * BENCH_DIR keeps the database there (default: a temporary folder, removed at the end).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedContent } from '../bot-service/content/seed.ts';
import { seededRandom as random, weightedPicker as picker } from '../bot-service/demo/random.ts';
import { openDatabase, type Db } from '../bot-service/db/open.ts';
import { reportToCsv } from '../bot-service/reports/csv.ts';
import { buildDailyReport } from '../bot-service/reports/daily.ts';
import { renderReportPdf } from '../bot-service/reports/pdf.ts';
import { FEATURES, METRIC_COLUMNS } from '../bot-service/stats/metrics.ts';
import { listRegions } from '../bot-service/stats/regions.ts';
import { recountFromMessages, writeRecount } from '../bot-service/stats/recount.ts';
import { addDays, dayStartMs, wibDay, wibHour } from '../bot-service/stats/time.ts';

const env = (name: string, fallback: number): number => {
  const v = process.env[name];
  const n = v === undefined || v === '' ? fallback : Number(v);
  if (!Number.isInteger(n) || n <= 0) {
    throw new Error(`${name} must be a positive integer`);
  }
  return n;
};

const MESSAGES = env('BENCH_MESSAGES', 10_000_000);
const CONTACTS = env('BENCH_CONTACTS', 1_000_000);
const DAYS = env('BENCH_DAYS', 3);
const RUNS = env('BENCH_RUNS', 25);
const FIRST_DAY = '2020-04-01';
const REPORT_DAY = addDays(FIRST_DAY, Math.min(1, DAYS - 1));
const CHUNK = 50_000;

// WIB hour-of-day traffic: quiet at night, busy mornings and evenings.
const HOUR_WEIGHTS = [2, 1, 1, 1, 2, 4, 7, 10, 12, 12, 11, 10, 9, 9, 9, 9, 9, 9, 10, 12, 12, 10, 7, 4];

function seconds(label: string, started: number): string {
  return `${label} ${((performance.now() - started) / 1000).toFixed(1)} s`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function generate(db: Db): { conversations: number; inbound: number; outbound: number } {
  const rnd = random(2020);
  const regions = listRegions(db);
  // Cities reach WhatsApp more than rural kabupaten do; 8% never name their region.
  const weights = [...regions.map(r => r.population * (r.type === 'kota' ? 2.5 : 1)), 0];
  weights[weights.length - 1] = weights.reduce((a, b) => a + b, 0) * 0.087;
  const pickRegion = picker(weights, rnd);
  const pickHour = picker(HOUR_WEIGHTS, rnd);
  const regionOf = new Uint8Array(CONTACTS + 1);

  const insertContact = db.prepare('INSERT INTO contacts (id, wa_key, wa_id, region_code, last_inbound_ts, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const t0 = dayStartMs(FIRST_DAY);
  for (let from = 1; from <= CONTACTS; from += CHUNK) {
    db.transaction(() => {
      for (let id = from; id < Math.min(from + CHUNK, CONTACTS + 1); id++) {
        const r = pickRegion();
        regionOf[id] = r;
        const key = String(6281000000000 + id);
        insertContact.run(id, key, key, r < regions.length ? regions[r]!.code : null, Math.floor(t0 / 1000), t0);
      }
    })();
  }
  db.prepare("INSERT INTO webhook_events (id, received_at, phone_number_id, body) VALUES (1, ?, 'bench', '{}')").run(t0);

  const insertConversation = db.prepare(
    `INSERT INTO conversations (id, contact_id, started_at, last_message_at, ended_at, region_code, state, feature, message_count)
     VALUES (?, ?, ?, ?, ?, ?, 'closed', ?, ?)`
  );
  const insertIn = db.prepare(
    `INSERT INTO inbound_messages (id, wamid, contact_id, conversation_id, event_id, type, text, payload, wa_timestamp, received_at, state, handled_at)
     VALUES (?, ?, ?, ?, 1, 'text', 'pesan', '{}', ?, ?, 'handled', ?)`
  );
  const insertOut = db.prepare(
    `INSERT INTO outbound_messages (id, contact_id, conversation_id, kind, type, body, text, author, status, attempts, next_attempt_at,
       created_at, sent_at, delivered_at, failed_at, error_code)
     VALUES (?, ?, ?, 'message', 'text', '{}', 'balasan', 'bot', ?, 1, ?, ?, ?, ?, ?, ?)`
  );
  // The counters a recount cannot see (feature use, self-check levels, handoffs, hoax claims)
  // are tallied here as the conversations are made, as the projector would have.
  const extra = new Map<string, Int32Array>();
  const col = (c: string) => METRIC_COLUMNS.indexOf(c as never);
  const bump = (at: number, region: string, column: string) => {
    const key = `${wibDay(at)}|${wibHour(at)}|${region}`;
    let row = extra.get(key);
    if (row === undefined) {
      row = new Int32Array(METRIC_COLUMNS.length);
      extra.set(key, row);
    }
    row[col(column)]! += 1;
  };
  const handoffs: Array<[number, string, number, number | null, number | null, number | null]> = [];
  const hoaxIds = (db.prepare('SELECT id FROM hoaxes ORDER BY id').pluck().all() as string[]).slice(0, 12);
  const hoaxDaily = new Map<string, number>();

  let conv = 0;
  let inId = 0;
  let outId = 0;
  while (inId + outId < MESSAGES) {
    db.transaction(() => {
      for (let k = 0; k < CHUNK / 8 && inId + outId < MESSAGES; k++) {
        conv++;
        const contact = 1 + Math.floor(rnd() * CONTACTS);
        const r = regionOf[contact]!;
        const region = r < regions.length ? regions[r]!.code : 'unknown';
        const day = Math.floor(rnd() * DAYS);
        const start = t0 + day * 86_400_000 + pickHour() * 3_600_000 + Math.floor(rnd() * 3_600_000);
        const n = 1 + Math.floor(rnd() * 7);
        let at = start;
        for (let i = 0; i < n; i++) {
          inId++;
          insertIn.run(inId, `wamid.bench.${String(inId).padStart(10, '0')}`, contact, conv, Math.floor(at / 1000), at, at + 40);
          outId++;
          const failed = rnd() < 0.01;
          insertOut.run(outId, contact, conv, failed ? 'failed' : 'delivered', at, at + 50, at + 300, failed ? null : at + 900, failed ? at + 900 : null, failed ? 131026 : null);
          at += 15_000 + Math.floor(rnd() * 90_000);
        }
        const feature = FEATURES[Math.floor(rnd() * FEATURES.length)]!;
        insertConversation.run(conv, contact, start, at, at + 1_800_000, region === 'unknown' ? null : region, feature, n);
        bump(start, region, `feature_${feature}`);
        if (rnd() < 0.12) {
          const level = rnd() < 0.6 ? 'rendah' : rnd() < 0.7 ? 'sedang' : 'tinggi';
          bump(start + 60_000, region, `selfcheck_${level}`);
        }
        if (rnd() < 0.05) {
          const requested = start + 90_000;
          bump(requested, region, 'handoffs');
          bump(start, region, 'conversations_handed_off');
          const claimed = rnd() < 0.95 ? requested + 30_000 + Math.floor(rnd() * 1_200_000) : null;
          const reply = claimed === null ? null : claimed + 20_000 + Math.floor(rnd() * 240_000);
          const resolved = reply !== null && rnd() < 0.9 ? reply + 600_000 : null;
          handoffs.push([conv, wibDay(requested), requested, claimed, reply, resolved]);
        }
        if (rnd() < 0.03) {
          bump(start + 30_000, region, 'hoax_claims');
          const id = rnd() < 0.7 && hoaxIds.length > 0 ? hoaxIds[Math.floor(rnd() * rnd() * hoaxIds.length)]! : '';
          const key = `${wibDay(start + 30_000)}|${id}`;
          hoaxDaily.set(key, (hoaxDaily.get(key) ?? 0) + 1);
        }
      }
    })();
  }

  db.transaction(() => {
    const names = METRIC_COLUMNS.join(', ');
    const upsert = db.prepare(
      `INSERT INTO stats_hourly (day, hour, region_code, ${names}) VALUES (?, ?, ?, ${METRIC_COLUMNS.map(() => '?').join(', ')})
       ON CONFLICT (day, hour, region_code) DO UPDATE SET ${METRIC_COLUMNS.map(c => `${c} = ${c} + excluded.${c}`).join(', ')}`
    );
    for (const [key, row] of extra) {
      const [day, hour, region] = key.split('|');
      upsert.run(day, Number(hour), region, ...row);
    }
    const h = db.prepare('INSERT INTO stats_handoffs (conversation_id, day, requested_at, priority, claimed_at, first_reply_at, resolved_at) VALUES (?, ?, ?, 10, ?, ?, ?)');
    for (const row of handoffs) {
      h.run(...row);
    }
    const x = db.prepare('INSERT INTO stats_hoax_daily (day, hoax_id, claims) VALUES (?, ?, ?)');
    for (const [key, n] of hoaxDaily) {
      const [day, id] = key.split('|');
      x.run(day, id, n);
    }
  })();
  return { conversations: conv, inbound: inId, outbound: outId };
}

async function main(): Promise<void> {
  const keep = process.env.BENCH_DIR;
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'report-bench-'));
  const file = join(dir, 'bench.db');
  rmSync(file, { force: true });
  rmSync(`${file}-wal`, { force: true });
  const db = openDatabase(file);
  // Loading only: a crash here just means running the benchmark again.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -262144');
  seedContent(db);

  let started = performance.now();
  const made = generate(db);
  process.stdout.write(
    `generated ${made.inbound + made.outbound} messages (${made.inbound} in, ${made.outbound} out), ${made.conversations} conversations, ${CONTACTS} contacts: ${seconds('', started)}\n`
  );
  started = performance.now();
  for (let d = 0; d < DAYS; d++) {
    writeRecount(db, recountFromMessages(db, addDays(FIRST_DAY, d)));
  }
  process.stdout.write(`counters from the stored messages (recount of ${DAYS} days):${seconds('', started)}\n`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('cache_size = -2000');
  db.pragma('optimize');

  const now = dayStartMs(addDays(REPORT_DAY, 1)) + 5 * 60_000;
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS + 3; i++) {
    const t = performance.now();
    const report = buildDailyReport(db, REPORT_DAY, { now });
    const json = JSON.stringify(report);
    const csv = reportToCsv(report);
    const ms = performance.now() - t;
    bytes = json.length + csv.length;
    if (i >= 3) {
      times.push(ms); // the first runs warm the caches and the JIT
    }
  }
  times.sort((a, b) => a - b);
  const pdfTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await renderReportPdf(db, buildDailyReport(db, REPORT_DAY, { now }));
    pdfTimes.push(performance.now() - t);
  }
  pdfTimes.sort((a, b) => a - b);
  const report = buildDailyReport(db, REPORT_DAY, { now });
  db.close();
  if (keep === undefined) {
    rmSync(dir, { recursive: true, force: true });
  }
  const median = percentile(times, 50);
  const p95 = percentile(times, 95);
  process.stdout.write(
    `report ${REPORT_DAY}: ${report.totals.conversations} conversations, ${report.totals.contacts} contacts, ${report.totals.messagesIn} messages in; json+csv ${bytes} bytes\n`
  );
  process.stdout.write(
    `report-bench: ${MESSAGES} messages, ${CONTACTS} contacts: daily report json+csv median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms over ${RUNS} runs (pdf median ${percentile(pdfTimes, 50).toFixed(0)} ms); ${median < 100 && p95 < 100 ? 'under' : 'OVER'} the 100 ms floor\n`
  );
}

await main();
