import type { FigureResult } from '../figures/figure.js';
import type { PoolSizing } from '../figures/event-loop.js';
import { format } from '../figures/figure.js';
import type { Machine } from '../support/machine.js';

export interface Report {
  machine: Machine;
  startedAt: Date;
  seconds: number;
  rounds: number;
  connections: number;
  figures: FigureResult[];
  sizing: PoolSizing[];
  chartFile: string;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const verdict = (met: boolean | null) => (met === null ? '— (not measured)' : met ? 'yes' : '**no**');
const ratioText = (ratio: number | null) => (ratio === null ? '—' : Number.isFinite(ratio) ? ratio.toFixed(2) : '∞');

/** `docs/benchmarks.md`, written by `npm run bench` — edit the script, not this output. */
export function renderMarkdown(report: Report): string {
  const { machine } = report;
  const lines = [
    '# Benchmarks',
    '',
    '<!-- Written by `npm run bench` (bench/run.ts); do not edit by hand. -->',
    '',
    `Run ${report.startedAt.toISOString()}. How the figures are measured: [bench/README.md](../bench/README.md).`,
    '',
    `Machine: ${machine.cores} cores, ${machine.model}, ${machine.memoryGiB} GiB memory, Node ${machine.node} (${machine.platform}). `,
    `Load: autocannon in the benchmark process on the same cores, ${report.connections} connections, ${report.seconds} s per run; every ratio is the median of ${report.rounds} rounds`,
    'with subject and baseline alternating in the same run, so machine noise hits both alike.',
    '',
    '| figure | measured | compared with | ratio | goal | met? |',
    '|---|---|---|---|---|---|',
    ...report.figures.map(
      (f) =>
        `| ${cell(f.figure)} | ${cell(f.measured)} | ${cell(f.comparedWith)} | ${ratioText(f.ratio)} | ${cell(f.goal.text)} | ${verdict(f.met)} |`,
    ),
    '',
    `![Each ratio against its goal](${report.chartFile})`,
    '',
    '## Notes per figure',
    '',
    ...report.figures.flatMap((f) => [`- **${f.figure}**: ${f.notes.map(cell).join('; ')}`]),
    '',
  ];
  if (report.sizing.length > 0) {
    lines.push(
      '## Thread pool (`UV_THREADPOOL_SIZE`)',
      '',
      `Right-password sign-ins (argon2id m=19456 KiB, t=2, p=1) with ${report.connections} connections, and \`GET /health\` every 50 ms meanwhile; one API per size on the same database, loaded in turn.`,
      '',
      '| UV_THREADPOOL_SIZE | sign-ins/s | `/health` p99 under load | no-I/O route p99 under load | `/health` p99 idle |',
      '|---|---|---|---|---|',
      ...report.sizing.map(
        (s) =>
          `| ${s.threadPool} | ${format(s.signInsPerSecond, 1)} | ${format(s.healthP99Ms, 1)} ms | ${format(s.noIoP99Ms, 1)} ms | ${format(s.idleHealthP99Ms, 1)} ms |`,
      ),
      '',
    );
  }
  return lines.join('\n');
}
