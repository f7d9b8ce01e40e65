/**
 * bot-service as a real child process (`node bot-service/main.ts`), the way operators run it, for
 * the bench: started with a temp BOT_DATA_DIR, its URL read from its "listening" log line, its
 * memory read from /proc, optionally CPU-profiled.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export type BenchService = {
  child: ChildProcess;
  pid: number;
  url: string;
  exited: Promise<number | null>;
  /** Resident memory now, in MB (Linux /proc). */
  rssMb(): number;
  /** CPU time used so far (user + system), in ms (Linux /proc). */
  cpuMs(): number;
  /**
   * SIGTERM and wait: a clean stop (the CPU profile, if any, is written then). bot-service finishes
   * the flow work it owes before it exits; after `timeoutMs` it is killed instead (nothing
   * acknowledged is lost either way: it is all committed).
   */
  stop(timeoutMs?: number): Promise<'stopped' | 'killed'>;
  kill(): Promise<void>;
};

/** The entry point; BENCH_SERVICE_ENTRY may name another (e.g. a build under test). */
export const serviceEntry = process.env.BENCH_SERVICE_ENTRY ?? 'bot-service/main.ts';

export function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

/** User + system CPU time of a process, in ms; 0 once it is gone. */
export function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

export async function spawnBenchService(
  env: Record<string, string>,
  options: { cpuProfDir?: string; startTimeoutMs?: number } = {}
): Promise<BenchService> {
  const args = [...(options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : []), serviceEntry];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, BOT_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot-service did not start: ${stderr}`)), options.startTimeoutMs ?? 60_000);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', line => {
      if (!line.includes('bot-service listening')) {
        return;
      }
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'bot-service listening' && entry.url) {
          clearTimeout(timer);
          resolve(entry.url);
        }
      } catch {
        // not a log line
      }
    });
    void exited.then(code => {
      clearTimeout(timer);
      reject(new Error(`bot-service exited with ${code}: ${stderr}`));
    });
  });
  // Keep draining its output so a full pipe never blocks it.
  child.stdout!.resume();
  return {
    child,
    pid: child.pid!,
    url,
    exited,
    rssMb: () => rssOf(child.pid!),
    cpuMs: () => cpuMsOf(child.pid!),
    async stop(timeoutMs = 30_000) {
      if (child.exitCode !== null) {
        return 'stopped';
      }
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
      return child.signalCode === 'SIGKILL' ? 'killed' : 'stopped';
    },
    async kill() {
      if (child.exitCode === null) {
        child.kill('SIGKILL');
      }
      await exited;
    },
  };
}
