import type { FigureResult } from '../figures/figure.js';

const WIDTH = 900;
const LABEL = 330;
const PLOT = 460;
const ROW = 40;
const TOP = 50;

const escape = (text: string) => text.replace(/[`]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fixed = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '∞');

/**
 * One horizontal bar per figure: its ratio on a shared axis, with its goal as a dashed mark
 * (green when met, red when missed, grey when not measured). Plain SVG, written here.
 */
export function renderChart(figures: readonly FigureResult[]): string {
  const finite = figures.flatMap((f) => [f.goal.value, f.ratio ?? 0]).filter(Number.isFinite);
  const axisMax = Math.min(3, Math.ceil(Math.max(1.2, ...finite) * 1.1 * 2) / 2);
  const x = (value: number) => LABEL + (Math.min(value, axisMax) / axisMax) * PLOT;
  const height = TOP + figures.length * ROW + 50;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">Latchkey benchmarks: each ratio against its goal</text>`,
  ];
  for (let tick = 0; tick <= axisMax + 1e-9; tick += 0.5) {
    parts.push(`<line x1="${x(tick)}" y1="${TOP - 8}" x2="${x(tick)}" y2="${height - 40}" stroke="#e0e0e0"/>`);
    parts.push(`<text x="${x(tick)}" y="${height - 24}" text-anchor="middle" fill="#555">${tick.toFixed(1)}</text>`);
  }
  figures.forEach((figure, i) => {
    const y = TOP + i * ROW;
    const colour = figure.met === null ? '#9e9e9e' : figure.met ? '#2e7d32' : '#c62828';
    parts.push(
      `<text x="${LABEL - 10}" y="${y + 17}" text-anchor="end">${escape(figure.figure.length > 52 ? `${figure.figure.slice(0, 50)}…` : figure.figure)}</text>`,
    );
    if (figure.ratio === null) {
      parts.push(`<text x="${LABEL + 4}" y="${y + 17}" fill="${colour}">not measured</text>`);
    } else {
      parts.push(`<rect x="${LABEL}" y="${y + 4}" width="${Math.max(1, x(figure.ratio) - LABEL)}" height="18" fill="${colour}"/>`);
      const overflow = figure.ratio > axisMax ? ' ›' : '';
      parts.push(`<text x="${x(figure.ratio) + 4}" y="${y + 17}" fill="#222">${fixed(figure.ratio)}${overflow}</text>`);
    }
    parts.push(
      `<line x1="${x(figure.goal.value)}" y1="${y}" x2="${x(figure.goal.value)}" y2="${y + 26}" stroke="#000" stroke-width="2" stroke-dasharray="4 3"/>`,
    );
    parts.push(
      `<text x="${x(figure.goal.value)}" y="${y + 36}" text-anchor="middle" font-size="10" fill="#333">goal ${figure.goal.op === '>=' ? '≥' : '≤'} ${fixed(figure.goal.value)}</text>`,
    );
  });
  parts.push(
    `<text x="${LABEL}" y="${height - 2}" font-size="10" fill="#555">green: goal met · red: missed · grey: not measured · dashed: the goal · › beyond the axis</text>`,
  );
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
