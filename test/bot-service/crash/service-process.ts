import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** bot-service as a real child process (`node bot-service/main.ts`), for kill tests. */
export type ServiceProcess = { child: ChildProcess; url: string; exited: Promise<number | null> };

export async function spawnService(env: Record<string, string>): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['bot-service/main.ts'], {
    env: { ...process.env, BOT_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
  let stderr = '';
  child.stderr!.on('data', d => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot-service did not start: ${stderr}`)), 15_000);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', line => {
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
    void exited.then(code => reject(new Error(`bot-service exited with ${code}: ${stderr}`)));
  });
  return { child, url, exited };
}
