/**
 * `node bench/profile-summary.ts <file.cpuprofile> [top]`: where a V8 CPU profile spent its time,
 * as self time per function and per file, and total (inclusive) time of our own functions.
 * The bench writes profiles with `--profile`; this reads them without DevTools.
 */
import { readFileSync } from 'node:fs';

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
};
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

export type ProfileLine = { name: string; ms: number; pct: number };

/** A file URL relative to the repository (`bot-service/...`, `node_modules/...`), or as V8 gave it. */
function shortUrl(url: string): string {
  const m = /\/(bot-service|simulator|bench|scripts|node_modules)\/(.*)$/.exec(url);
  return m ? `${m[1]}/${m[2]}` : url;
}

function label(n: Node): string {
  return `${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
}

/** Self and inclusive times from a .cpuprofile. */
export function summariseProfile(file: string, top = 25): { totalMs: number; self: ProfileLine[]; byFile: ProfileLine[]; inclusive: ProfileLine[] } {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map(n => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) {
    for (const c of n.children ?? []) {
      parent.set(c, n.id);
    }
  }
  const selfUs = new Map<number, number>();
  p.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const totalUs = p.endTime - p.startTime;
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const self = new Map<string, number>();
  const files = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    add(self, label(n), us);
    const url = n.callFrame.url;
    add(files, url === '' ? `(${n.callFrame.functionName || 'native'})` : shortUrl(url), us);
    // Inclusive: count once per distinct label on the stack.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (!seen.has(l)) {
        seen.add(l);
        add(inclusive, l, us);
      }
    }
  }
  const lines = (m: Map<string, number>, filter: (k: string) => boolean = () => true): ProfileLine[] =>
    [...m.entries()]
      .filter(([k]) => filter(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), pct: Math.round((us / totalUs) * 1000) / 10 }));
  return {
    totalMs: Math.round(totalUs / 1000),
    self: lines(self),
    byFile: lines(files),
    inclusive: lines(inclusive, k => / bot-service\//.test(k)),
  };
}

if (import.meta.filename === process.argv[1]) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node bench/profile-summary.ts <file.cpuprofile> [top]\n');
    process.exit(2);
  }
  const s = summariseProfile(file, Number(process.argv[3] ?? 25));
  const print = (title: string, lines: ProfileLine[]) => {
    process.stdout.write(`\n${title}\n`);
    for (const l of lines) {
      process.stdout.write(`${String(l.pct).padStart(6)}%  ${String(l.ms).padStart(7)} ms  ${l.name}\n`);
    }
  };
  process.stdout.write(`profile: ${s.totalMs} ms\n`);
  print('self time by function', s.self);
  print('self time by file', s.byFile);
  print('inclusive time, bot-service functions', s.inclusive);
}
