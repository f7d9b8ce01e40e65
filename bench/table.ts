/** The bench's result table: one row per figure, with its floor and whether it was met. */
import type { IngestReport } from './phase-ingest.ts';
import type { ReportPhase } from './phase-report.ts';
import type { Quantiles, SteadyReport } from './phase-steady.ts';
import type { BenchSettings } from './settings.ts';
import { describeSlowSpells } from './slow-spells.ts';

type Row = [what: string, figure: string, floor: string, verdict: string];

const n = (x: number): string => Math.round(x).toLocaleString('en-US');
const verdict = (ok: boolean): string => (ok ? 'ok' : 'MISSED');
const ms = (q: Quantiles): string => `p50 ${q.p50} ms, p99 ${q.p99} ms, max ${q.max} ms`;

export function buildRows(input: { settings: BenchSettings; ingest: IngestReport | null; steady: SteadyReport | null; report: ReportPhase | null }): Row[] {
  const { settings: s, ingest, steady, report } = input;
  const rows: Row[] = [];
  if (ingest) {
    const a = ingest.bestBare;
    const b = ingest.bestIngest;
    const ratio = b.reqPerSec / Math.max(1, a.reqPerSec);
    rows.push([`(a) bare node:http (best of ${ingest.bare.length})`, `${n(a.reqPerSec)} req/s, p99 ${a.latencyMs.p99} ms, client CPU ${a.clientCpuPct}%`, '', '']);
    rows.push([
      `(b) bot-service ingest (best of ${ingest.ingest.length})`,
      `${n(b.reqPerSec)} req/s, p99 ${b.latencyMs.p99} ms, service CPU ${ingest.serviceCpuPct}%, RSS ${ingest.serviceRssMb} MB`,
      '3,300 req/s',
      verdict(b.reqPerSec >= 3300),
    ]);
    rows.push(['    ratio (b)/(a)', ratio.toFixed(2), '0.35', verdict(ratio >= 0.35)]);
    const c = ingest.check;
    rows.push([
      '    stored = acknowledged',
      `${n(c.messagesStored)}/${n(c.messagesAcked)} messages, ${n(c.bodiesStored)}/${n(c.bodiesAcked)} bodies`,
      'equal',
      verdict(c.ok),
    ]);
    rows.push([
      '    not 200 / no answer',
      `${JSON.stringify(ingest.ingest.reduce<Record<string, number>>((m, r) => ({ ...m, ...r.non200 }), {}))} / ${ingest.ingest.reduce((x, r) => x + r.errors, 0)}`,
      'none',
      verdict(ingest.ingest.every(r => Object.keys(r.non200).length === 0 && r.errors === 0)),
    ]);
    rows.push([
      '    backlog right after (b)',
      `${n(ingest.backlog.pendingMessages)} messages not yet handled, ${n(ingest.backlog.queuedReplies)} outbox rows not yet sent`,
      '',
      '',
    ]);
  } else {
    rows.push(['(a)+(b) ingest', 'phase failed', '', 'MISSED']);
  }
  if (steady) {
    const sent = steady.replies > 0 ? steady.repliesSent / steady.replies : 0;
    rows.push([
      `(c) commit -> Graph call, ${n(s.steadyRate)} msg/s`,
      `${ms(steady.commitToGraph)} (achieved ${n(steady.client.reqPerSec)} msg/s)`,
      'p99 < 100 ms',
      verdict(steady.commitToGraph.p99 < 100 && steady.repliesSent > 0),
    ]);
    steady.commitToGraphByThird.forEach((q, i) => rows.push([`    soak third ${i + 1}`, ms(q), '', '']));
    rows.push(['    slow spells', describeSlowSpells(steady.slowSpells), '', '']);
    rows.push([`    warm-up, ${s.steadyWarmupSeconds} s before (not counted)`, ms(steady.warmupToGraph), '', '']);
    rows.push(['    commit -> reply decided', ms(steady.decision), 'p99 < 20 ms', verdict(steady.decision.p99 < 20 && steady.replies > 0)]);
    rows.push([
      '    replies reaching Graph',
      `${n(steady.repliesSent)}/${n(steady.replies)} (${(sent * 100).toFixed(1)}%); ${steady.owedAfterDrain === 0 ? `drained ${steady.drainSeconds} s after the load` : `${n(steady.owedAfterDrain)} still owed ${steady.drainSeconds} s after the load (${steady.stopped})`}`,
      'all',
      verdict(steady.replies > 0 && steady.repliesSent === steady.replies),
    ]);
    rows.push([
      '    stored = acknowledged',
      `${n(steady.messagesStored)}/${n(steady.messagesAcked)} messages; send p99 ${steady.client.latencyMs.p99} ms`,
      'equal',
      verdict(steady.messagesStored === steady.messagesAcked),
    ]);
    const r = steady.rss;
    const growth = r.endMb - r.startMb;
    rows.push([`(e) RSS, ${n(steady.contacts)} contacts, idle`, `${r.idleMb} MB`, '', '']);
    rows.push([
      `    RSS at ${n(s.steadyRate)} msg/s, ${s.soakSeconds} s`,
      `start ${r.startMb} / middle ${r.middleMb} / end ${r.endMb} MB (max ${r.maxMb}), service CPU ${steady.serviceCpuPct}%`,
      'flat',
      verdict(growth <= Math.max(25, r.startMb * 0.1)),
    ]);
  } else {
    rows.push(['(c)+(e) steady load', 'phase failed', '', 'MISSED']);
  }
  if (report) {
    rows.push(['(d) daily report (report-bench.ts)', report.summary, '', report.available ? verdict(report.exitCode === 0) : 'not run']);
  }
  return rows;
}

export function printTable(input: {
  settings: BenchSettings;
  ingest: IngestReport | null;
  steady: SteadyReport | null;
  report: ReportPhase | null;
  log: (line: string) => void;
}): void {
  const rows = buildRows(input);
  const header: Row = ['figure', 'measured', 'floor', ''];
  // Long cells (the report's summary line) overflow their column rather than widen it.
  const widths = [0, 1, 2].map(i => Math.min(100, Math.max(header[i]!.length, ...rows.map(r => r[i]!.length))));
  const line = (r: Row) => r.map((cell, i) => (i < 3 && cell.length <= widths[i]! ? cell.padEnd(widths[i]!) : cell)).join('  ').trimEnd();
  input.log('');
  input.log(line(header));
  input.log(widths.map(w => '-'.repeat(w)).join('  ') + '  ------');
  rows.forEach(r => input.log(line(r)));
  if (input.ingest?.profile) {
    input.log('');
    input.log(`bot-service CPU profile during (b): ${input.ingest.profile.file}`);
    input.log('  self time:');
    input.ingest.profile.self.forEach(l => input.log(`    ${String(l.pct).padStart(5)}%  ${l.name}`));
    input.log('  inclusive, bot-service functions:');
    input.ingest.profile.inclusive.forEach(l => input.log(`    ${String(l.pct).padStart(5)}%  ${l.name}`));
  }
  input.log('');
}
