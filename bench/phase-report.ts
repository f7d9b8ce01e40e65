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
export const hoaxBenchFile = new URL('./hoax-bench.ts', import.meta.url);

export async function runReportPhase(quick: boolean, log: (line: string) => void): Promise<ReportPhase> {
  // Its own quick size, as its header documents; the full run keeps its defaults (10 million).
  const size: Record<string, string> = quick ? { BENCH_MESSAGES: '200000', BENCH_CONTACTS: '20000', BENCH_RUNS: '5' } : {};
  return runSubBench(reportBenchFile, size, 'report-bench', log);
}

/** The hoax desk's time per claim and memory with a million claims stored (issue 6). */
export async function runHoaxPhase(quick: boolean, log: (line: string) => void): Promise<ReportPhase> {
  return runSubBench(hoaxBenchFile, quick ? { HOAX_BENCH_CLAIMS: '20000' } : {}, 'hoax-bench', log);
}

/** Runs another bench file as its own process and keeps its last printed line, the summary. */
async function runSubBench(file: URL, env: Record<string, string>, label: string, log: (line: string) => void): Promise<ReportPhase> {
  if (!existsSync(file)) {
    return { available: false, summary: `not run: bench/${label}.ts is not there`, exitCode: null, seconds: 0 };
  }
  const started = Date.now();
  const size = env;
  const child = spawn(process.execPath, [file.pathname], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...size },
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    for (const line of d.toString().split('\n')) {
      if (line.trim() !== '') {
        log(`    ${label}: ${line}`);
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
