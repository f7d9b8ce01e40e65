/**
 * Hoax desk benchmark (issue 6): time to sign and place a claim, and memory, with one million
 * claims stored (HOAX_BENCH_CLAIMS, default 1,000,000), against the same with about a thousand.
 * Prints figures and, last, a one-line summary.
 *
 *   node bench/hoax-bench.ts                          # one million: about four minutes here
 *   HOAX_BENCH_CLAIMS=20000 node bench/hoax-bench.ts  # quick
 *
 * Loading the store runs in transactions of 20,000
 * claims with bulk settings (no journal, no fsync, a large page cache, mmap). The timed claims
 * (HOAX_BENCH_PROBE, default 2,000) run in a fresh process that opens the file as bot-service does
 * (openDatabase: WAL, synchronous=FULL, its page cache), one transaction per claim as in the
 * pipeline; only `place` is timed (the commit is the message's, made anyway). Its memory is that
 * process's, with the million claims on disk. Claims have no message or contact rows behind
 * them, so foreign keys are off. HOAX_BENCH_DIR keeps the database there (default: a temporary
 * folder, removed at the end).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from '../bot-service/db/open.ts';
import { Clusterer, type ClaimInput } from '../bot-service/hoax/clusterer.ts';

/*
 * The claims (seeded: the same every run): rumours of 15 to 60 words from the vocabulary of the
 * seeded content, drawn with a popularity that falls off like chain messages (rumour i with
 * weight 1/(i+1): a few go viral), each forwarded as copies: most exact, the rest mutated one to
 * three ways (a greeting, "sebarkan!!", typos, a cut-off end, a word swapped). One claim in seven
 * is a one-off message, one in twenty a forwarded picture (a tenth of them captioned).
 */

/** mulberry32. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function vocabulary(): string[] {
  const dir = new URL('../bot-service/reference-data/', import.meta.url);
  const text = ['content-seed.json', 'hoaxes-seed.json'].map(f => readFileSync(new URL(f, dir), 'utf8')).join(' ');
  return [...new Set(text.toLowerCase().match(/[a-z]{3,14}/g) ?? [])];
}

const GREETINGS = ['Assalamualaikum wr wb.', 'Selamat pagi bapak ibu,', 'Info dari grup sebelah:', 'Copas:', 'Penting!!', 'Rek,', 'Mohon perhatian.'];
const TAILS = ['SEBARKAN!!', 'Tolong share ke keluarga.', 'viralkan!!!', 'Semoga bermanfaat 🙏', 'Jangan berhenti di kamu.', 'Aamiin'];

export type ClaimGenerator = {
  readonly vocabularySize: number;
  readonly rumourCount: number;
  next(at: number): ClaimInput;
  /** A forwarded copy of a popular rumour (for timing the signing alone). */
  copy(): string;
  /** The rumours drawn so far, to continue the same stream in another process. */
  rumours(): string[];
};

export function createClaimGenerator(o: { claims: number; seed: number; rumours?: string[] }): ClaimGenerator {
  const rnd = random(o.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const words = vocabulary();
  const rumourCount = Math.max(10, Math.floor(o.claims / 40));
  const drawn: string[] = o.rumours ?? [];
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < rumourCount; i++) cumulative.push((total += 1 / (i + 1)));
  const pictures = Array.from({ length: Math.max(10, Math.floor(o.claims / 200)) }, (_, i) => Buffer.from(`picture-${i}`).toString('base64'));

  const rumour = (): string => Array.from({ length: 15 + Math.floor(rnd() * 45) }, () => pick(words)).join(' ');
  const typo = (word: string): string => {
    if (word.length < 4) return word;
    const i = 1 + Math.floor(rnd() * (word.length - 2));
    return rnd() < 0.5 ? word.slice(0, i) + word.slice(i + 1) : word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  };
  const mutate = (base: string): string => {
    if (rnd() < 0.55) return base;
    let w = base.split(' ');
    const ways = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < ways; k++) {
      const r = rnd();
      if (r < 0.25) w = [pick(GREETINGS), ...w];
      else if (r < 0.5) w = [...w, pick(TAILS)];
      else if (r < 0.7) w = w.map(x => (rnd() < 0.08 ? typo(x) : x));
      else if (r < 0.85) w = w.slice(0, Math.max(8, Math.floor(w.length * (0.6 + rnd() * 0.3))));
      else w = w.map(x => (rnd() < 0.05 ? pick(words) : x));
    }
    return w.join(' ');
  };
  const popular = (): string => {
    const x = rnd() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    while (drawn.length <= lo) drawn.push(rumour());
    return drawn[lo] as string;
  };

  return {
    vocabularySize: words.length,
    rumourCount,
    copy: () => mutate(popular()),
    rumours: () => drawn,
    next(at) {
      const r = rnd();
      const media = r < 0.05 ? { kind: 'image', sha256: pick(pictures) } : null;
      const text = r < 0.05 ? (rnd() < 0.9 ? null : 'ini benar?') : r < 0.2 ? rumour() : mutate(popular());
      return {
        inboundId: null,
        contactId: 1 + Math.floor(rnd() * Math.max(1000, o.claims / 2)),
        conversationId: null,
        regionCode: `35.${String(1 + Math.floor(rnd() * 29)).padStart(2, '0')}`,
        via: 'forwarded',
        forwarded: rnd() < 0.3 ? 2 : 1,
        text,
        media,
        matchedHoaxId: null,
        at,
      };
    },
  };
}

const env = (name: string, fallback: number): number => {
  const v = process.env[name];
  const n = v === undefined || v === '' ? fallback : Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
  return n;
};

const CLAIMS = env('HOAX_BENCH_CLAIMS', 1_000_000);
const PROBE = env('HOAX_BENCH_PROBE', 2_000);
const BATCH = 20_000;
const START = Date.UTC(2020, 3, 1);
const log = (line: string): void => void process.stdout.write(line + '\n');
const ms = (x: number): string => `${x.toFixed(3)} ms`;
const mb = (bytes: number): string => `${Math.round(bytes / 1048576)} MB`;

type Timing = { mean: number; p50: number; p99: number; max: number };

function summarise(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
  return { mean: times.reduce((s, t) => s + t, 0) / Math.max(1, times.length), p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

/** Places `count` claims, one transaction each (as the pipeline does), timing each placement. */
function probe(db: Db, clusterer: Clusterer, gen: ClaimGenerator, count: number, at: number): Timing {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const claim = gen.next(at + i);
    db.transaction(() => {
      const t0 = performance.now();
      clusterer.place(claim);
      times.push(performance.now() - t0);
    })();
  }
  return summarise(times);
}

type ProbeReport = { timing: Timing; signMs: number; rss: number; heapUsed: number };

/** The child: the stored file opened as the service opens it. */
function runProbe(file: string): void {
  const rumours = JSON.parse(readFileSync(`${file}.rumours.json`, 'utf8')) as string[];
  const gen = createClaimGenerator({ claims: CLAIMS, seed: 19450817, rumours });
  const db = openDatabase(file);
  db.pragma('foreign_keys = OFF');
  const clusterer = new Clusterer(db);
  const texts = Array.from({ length: 2000 }, () => gen.copy());
  for (const t of texts) clusterer.sign(`${t} .`);
  const t0 = performance.now();
  for (const t of texts) clusterer.sign(t);
  const signMs = (performance.now() - t0) / texts.length;
  // Warm the code paths (not the page cache) before timing.
  probe(db, clusterer, gen, 200, START + CLAIMS * 1000);
  const timing = probe(db, clusterer, gen, PROBE, START + CLAIMS * 1000 + 200);
  const memory = process.memoryUsage();
  db.close();
  const report: ProbeReport = { timing, signMs, rss: memory.rss, heapUsed: memory.heapUsed };
  log(`HOAX_PROBE ${JSON.stringify(report)}`);
}

function runBench(): void {
  const keep = process.env.HOAX_BENCH_DIR;
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'jatim-hoax-bench-'));
  const file = join(dir, 'hoax-bench.db');
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  const gen = createClaimGenerator({ claims: CLAIMS, seed: 20200401 });
  log(`hoax-bench: ${CLAIMS.toLocaleString('en')} claims of ${gen.rumourCount.toLocaleString('en')} rumours (vocabulary ${gen.vocabularySize} words)`);
  const db = openDatabase(file);
  db.pragma('foreign_keys = OFF');
  const clusterer = new Clusterer(db);
  probe(db, clusterer, gen, 100, START);
  const small = probe(db, clusterer, gen, 1000, START + 100);
  log(`  with ~100 to 1,100 stored: mean ${ms(small.mean)}, p50 ${ms(small.p50)}, p99 ${ms(small.p99)}`);

  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('mmap_size = 4294967296');
  const loadStart = performance.now();
  let stored = 1100;
  let lastReport = performance.now();
  while (stored < CLAIMS) {
    const n = Math.min(BATCH, CLAIMS - stored);
    db.transaction(() => {
      for (let i = 0; i < n; i++) clusterer.place(gen.next(START + (stored + i) * 1000));
    })();
    stored += n;
    if (performance.now() - lastReport > 20_000) {
      lastReport = performance.now();
      log(`  ${stored.toLocaleString('en')} stored (${(stored / ((performance.now() - loadStart) / 1000)).toFixed(0)} claims/s)`);
    }
  }
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
  const clusters = count('SELECT COUNT(*) FROM hoax_clusters');
  const signatures = count('SELECT COUNT(*) FROM hoax_signatures');
  const buckets = count('SELECT COUNT(*) FROM hoax_lsh_buckets');
  db.pragma('journal_mode = WAL');
  db.close();
  writeFileSync(`${file}.rumours.json`, JSON.stringify(gen.rumours()));
  const dbBytes = statSync(file).size;
  log(`  loaded in ${loadSeconds.toFixed(1)} s (${((loadSeconds * 1000) / CLAIMS).toFixed(3)} ms a claim in bulk): ${clusters.toLocaleString('en')} clusters, ${signatures.toLocaleString('en')} signatures, ${buckets.toLocaleString('en')} bucket rows, database ${mb(dbBytes)}`);

  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
    env: { ...process.env, HOAX_BENCH_PROBE_FILE: file },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (keep === undefined) rmSync(dir, { recursive: true, force: true });
  const line = child.stdout.split('\n').find(l => l.startsWith('HOAX_PROBE '));
  if (child.status !== 0 || line === undefined) {
    log(`  the probe process failed (${child.status}): ${child.stderr.slice(-2000)}`);
    process.exitCode = 1;
    return;
  }
  const big = JSON.parse(line.slice('HOAX_PROBE '.length)) as ProbeReport;
  log(`  with ${CLAIMS.toLocaleString('en')} stored, fresh process: ${PROBE} claims, mean ${ms(big.timing.mean)}, p50 ${ms(big.timing.p50)}, p99 ${ms(big.timing.p99)}, max ${ms(big.timing.max)}`);
  log(`  sign only: ${ms(big.signMs)}; that process: RSS ${mb(big.rss)}, heap ${mb(big.heapUsed)}`);
  log(
    `hoax-bench: place a claim ${ms(small.mean)} (p99 ${ms(small.p99)}) with ~1,000 stored vs ${ms(big.timing.mean)} (p99 ${ms(big.timing.p99)}) with ${CLAIMS.toLocaleString('en')} stored; sign ${ms(big.signMs)}; RSS ${mb(big.rss)} (heap ${mb(big.heapUsed)}), database ${mb(dbBytes)}`
  );
}

const probeFile = process.env.HOAX_BENCH_PROBE_FILE;
if (probeFile !== undefined && probeFile !== '') runProbe(probeFile);
else runBench();
