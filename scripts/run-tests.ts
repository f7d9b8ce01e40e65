/**
 * `npm test`: the unit and integration tests (Vitest), then the browser tests (Playwright, in
 * Debian's Chromium) when the console has been built, then one closing line `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

mkdirSync('reports', { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
let exitCode = 0;

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

const unit = run('npx', ['vitest', 'run']);
try {
  const report = JSON.parse(readFileSync('reports/vitest.json', 'utf8')) as {
    numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numRuntimeErrorTestSuites?: number;
  };
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  skipped += report.numPendingTests + report.numTodoTests;
} catch {
  failed += 1;
}
if (unit !== 0) {
  exitCode = 1;
}

if (existsSync('playwright.config.ts')) {
  // The browser tests drive the console as bot-service serves it: build it first, so they never test a stale copy.
  const built = run('npx', ['electron-vite', 'build']);
  const e2e = built === 0 ? run('npx', ['playwright', 'test']) : 1;
  try {
    const stats = (JSON.parse(readFileSync('reports/e2e.json', 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }).stats;
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
    skipped += stats.skipped;
  } catch {
    failed += 1;
  }
  if (e2e !== 0) {
    exitCode = 1;
  }
}

const line = `${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : '');
writeFileSync('reports/summary.txt', line + '\n');
console.log(line);
process.exit(exitCode === 0 && failed > 0 ? 1 : exitCode);
