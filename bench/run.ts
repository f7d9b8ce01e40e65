/**
 * `npm run bench` (`node bench/run.ts [--quick] [--profile]`): launch-day figures on this machine.
 *
 *   (a) a bare node:http server, (b) bot-service's webhook ingest (signed, durable), each in its
 *       own process against the same load client, and their ratio;
 *   (c) commit -> Graph API call of the reply at a steady 1,000 messages a second;
 *   (d) the daily report with 10 million messages (bench/report-bench.ts, when present);
 *   (e) memory with 1 million contacts, through the soak (BENCH_SOAK_SECONDS, 600 by default);
 *   (f) the hoax desk: time per claim and memory with a million claims (bench/hoax-bench.ts).
 *
 * Prints a table and, last, `ingest ratio (b)/(a): X.XX (floor 0.35), ingest N req/s (floor 3300)`.
 * Benchmarks are not tests: nothing here fails the run for a missed floor; the table says it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIngestPhase, type IngestReport } from './phase-ingest.ts';
import { runHoaxPhase, runReportPhase, type ReportPhase } from './phase-report.ts';
import { runSteadyPhase, type SteadyReport } from './phase-steady.ts';
import { readSettings } from './settings.ts';
import { printTable } from './table.ts';

const settings = readSettings(process.argv.slice(2));
const workDir = mkdtempSync(join(tmpdir(), 'jatim-bench-'));
const started = Date.now();
const log = (line: string) => process.stdout.write(line + '\n');

log(`bench: ${settings.quick ? 'quick' : 'full'} run on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}`);
const load = (): string => loadavg().map(x => x.toFixed(2)).join(' ');
// Anything else running on the machine slows every figure: say how busy it was.
log(`  load average at start: ${load()}`);
log(
  `  concurrency ${settings.concurrency}, ingest ${settings.rounds} x ${settings.ingestSeconds} s, steady ${settings.steadyRate} msg/s for ${settings.soakSeconds} s (after ${settings.steadyWarmupSeconds} s of warm-up) with ${settings.contacts} contacts, WA_SEND_RATE ${settings.sendRate}`
);

let ingest: IngestReport | null = null;
let steady: SteadyReport | null = null;
let report: ReportPhase | null = null;
const failures: string[] = [];

async function phase<T>(name: string, run: () => Promise<T>): Promise<T | null> {
  log(`${name}...`);
  try {
    return await run();
  } catch (error) {
    failures.push(`${name}: ${(error as Error).message}`);
    log(`  failed: ${(error as Error).stack ?? error}`);
    return null;
  }
}

ingest = await phase('(a)+(b) ingest', () => runIngestPhase(settings, workDir, log));
steady = await phase('(c)+(e) steady load and memory', () => runSteadyPhase(settings, workDir, log));
report = await phase('(d) daily report', () => runReportPhase(settings.quick, log));
const hoax = await phase('(f) hoax desk claims', () => runHoaxPhase(settings.quick, log));

printTable({ settings, ingest, steady, report, log });
log(`(f) hoax desk                          ${hoax?.summary ?? 'failed'}`);
for (const f of failures) {
  log(`phase failed: ${f}`);
}
if (settings.profile) {
  log(`profile and data kept in ${workDir}`);
} else {
  rmSync(workDir, { recursive: true, force: true });
}
log(`bench took ${Math.round((Date.now() - started) / 1000)} s; load average at the end: ${load()}`);
const ratio = ingest ? ingest.bestIngest.reqPerSec / Math.max(1, ingest.bestBare.reqPerSec) : 0;
log(`ingest ratio (b)/(a): ${ratio.toFixed(2)} (floor 0.35), ingest ${ingest?.bestIngest.reqPerSec ?? 0} req/s (floor 3300)`);
