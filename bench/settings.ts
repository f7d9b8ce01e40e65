/**
 * What one bench run does, from the command line (`--quick`, `--profile`) and BENCH_* variables.
 * The full run takes about 18 minutes on the 2-core machine (most of it the ten-minute soak and the
 * ten-million-message report), the quick one about 1.
 */

export type BenchSettings = {
  quick: boolean;
  /** Write a CPU profile of bot-service during the ingest phase and summarise it. */
  profile: boolean;
  /** Sockets of the load client, the same for the bare server and bot-service. */
  concurrency: number;
  /** Measured seconds per ingest round, and rounds (a, b alternating; the best of each counts). */
  ingestSeconds: number;
  warmupSeconds: number;
  rounds: number;
  /** The steady phase: messages per second, seconds (the soak), contacts stored before it. */
  steadyRate: number;
  /**
   * Seconds at the steady rate before the soak: a freshly started service compiles its code and
   * fills its page cache meanwhile. Its figures are printed apart and not counted in (c).
   */
  steadyWarmupSeconds: number;
  soakSeconds: number;
  contacts: number;
  /** WA_SEND_RATE for bot-service (mark-as-read calls count against it too). */
  sendRate: number;
  /** Share of status webhooks and of multi-message bodies in the ingest mix. */
  statusShare: number;
  batchShare: number;
  /** Different citizens in the ingest mix. */
  citizens: number;
};

function num(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  }
  return value;
}

export function readSettings(argv: string[]): BenchSettings {
  const quick = argv.includes('--quick');
  return {
    quick,
    profile: argv.includes('--profile'),
    concurrency: num('BENCH_CONCURRENCY', 64),
    ingestSeconds: num('BENCH_INGEST_SECONDS', quick ? 4 : 10),
    warmupSeconds: num('BENCH_WARMUP_SECONDS', quick ? 1 : 2),
    rounds: num('BENCH_ROUNDS', quick ? 1 : 2),
    steadyRate: num('BENCH_STEADY_RATE', 1000),
    steadyWarmupSeconds: num('BENCH_STEADY_WARMUP_SECONDS', quick ? 10 : 20),
    soakSeconds: num('BENCH_SOAK_SECONDS', quick ? 20 : 600),
    contacts: num('BENCH_CONTACTS', quick ? 100_000 : 1_000_000),
    sendRate: num('BENCH_SEND_RATE', 3000),
    statusShare: num('BENCH_STATUS_SHARE', 0.45),
    batchShare: num('BENCH_BATCH_SHARE', 0.08),
    citizens: num('BENCH_CITIZENS', 50_000),
  };
}

/** The WhatsApp identity both sides use in the bench (nothing here reaches Meta). */
export const benchIdentity = {
  appSecret: 'bench-app-secret-7c1e',
  verifyToken: 'bench-verify-token',
  accessToken: 'bench-access-token',
  phoneNumberId: '106540352242922',
  displayNumber: '6231990000',
};

/** Environment for a bot-service child with its data in `dataDir` and its Graph API at `graphUrl`. */
export function serviceEnv(dataDir: string, graphUrl: string, sendRate: number): Record<string, string> {
  return {
    BOT_DATA_DIR: dataDir,
    BOT_HOST: '127.0.0.1',
    BOT_PORT: '0',
    WA_APP_SECRET: benchIdentity.appSecret,
    WA_VERIFY_TOKEN: benchIdentity.verifyToken,
    WA_ACCESS_TOKEN: benchIdentity.accessToken,
    WA_PHONE_NUMBER_ID: benchIdentity.phoneNumberId,
    WA_GRAPH_URL: graphUrl,
    WA_SEND_RATE: String(sendRate),
    BOT_DEMO: 'false',
  };
}
