import { renderMarkdown, type Report } from './markdown.js';

/** The rows of the figures table, and the notes list: a block each, from its first line to the next blank one. */
const BLOCKS = [
  { starts: (line: string) => line.startsWith('|---|'), nameOf: (line: string) => /^\| (.+?) \| /.exec(line)?.[1] },
  { starts: (line: string) => line === '## Notes per figure', nameOf: (line: string) => /^- \*\*(.+?)\*\*: /.exec(line)?.[1] },
];

function block(lines: readonly string[], starts: (line: string) => boolean): { from: number; to: number } {
  let from = lines.findIndex(starts) + 1;
  while (lines[from] === '') from += 1;
  let to = from;
  while (to < lines.length && lines[to] !== '') to += 1;
  return { from, to };
}

/**
 * `docs/benchmarks.md` with the figures of a subset run in place of their earlier rows and notes (or
 * after the others when new); every other figure stays as the full run wrote it. Each merged note
 * says when it was measured, since the header's date is the full run's.
 */
export function mergeIntoMarkdown(existing: string, report: Report): string {
  const stamped = report.figures.map((f) => ({ ...f, notes: [...f.notes, `measured ${report.startedAt.toISOString()} (BENCH_ONLY run)`] }));
  const fresh = renderMarkdown({ ...report, figures: stamped, sizing: [] }).split('\n');
  const lines = existing.split('\n');
  for (const { starts, nameOf } of BLOCKS) {
    const target = block(lines, starts);
    const source = block(fresh, starts);
    if (target.from === 0) throw new Error('docs/benchmarks.md has no figures table or notes to merge into');
    const kept = lines.slice(target.from, target.to);
    for (const line of fresh.slice(source.from, source.to)) {
      const at = kept.findIndex((old) => nameOf(old) === nameOf(line));
      if (at >= 0) kept[at] = line;
      else kept.push(line);
    }
    lines.splice(target.from, target.to - target.from, ...kept);
  }
  return lines.join('\n');
}
