/**
 * Phase (d): the daily report with 10 million messages stored. `bench/report-bench.ts` (owned by
 * the reports work) builds that database and times the report; this runs it as its own process
 * and keeps its last printed line, the summary. Without that file the phase says so. `--quick`
 * runs it at its documented quick size (200,000 messages).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export type ReportPhase = { available: boolean; summary: string; exitCode: number | null; seconds: number };

export const reportBenchFile = new URL('./report-bench.ts', import.meta.url);

export async function runReportPhase(quick: boolean, log: (line: string) => void): Promise<ReportPhase> {
  if (!existsSync(reportBenchFile)) {
    return { available: false, summary: 'not run: bench/report-bench.ts is not there yet', exitCode: null, seconds: 0 };
  }
  const started = Date.now();
  // Its own quick size, as its header documents; the full run keeps its defaults (10 million).
  const size = quick ? { BENCH_MESSAGES: '200000', BENCH_CONTACTS: '20000', BENCH_RUNS: '5' } : {};
  const child = spawn(process.execPath, [reportBenchFile.pathname], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...size },
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    for (const line of d.toString().split('\n')) {
      if (line.trim() !== '') {
        log(`    report-bench: ${line}`);
      }
    }
  });
  const exitCode = await new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
  const lines = out.split('\n').filter(l => l.trim() !== '');
  return {
    available: true,
    summary: lines[lines.length - 1] ?? '(printed nothing)',
    exitCode,
    seconds: Math.round((Date.now() - started) / 1000),
  };
}
