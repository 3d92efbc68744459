// A dependency-free SVG bar chart of the throughput figures (median bar, min–max whisker).
import type { Figure } from './stats';
import type { summarize } from './report';

type Summary = ReturnType<typeof summarize>;

interface Bar {
  label: string;
  figure: Figure;
  colour: string;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function barChart(summary: Summary, e2eConcurrency: number): string {
  const bestLevel = summary.perLevel.reduce((a, b) => (b.accepts.median > a.accepts.median ? b : a));
  const bars: Bar[] = [
    { label: `1 raw starts/s (c=${bestLevel.concurrency})`, figure: bestLevel.rawStarts, colour: '#7a869a' },
    { label: `2 HTTP accepts/s (c=${bestLevel.concurrency})`, figure: bestLevel.accepts, colour: '#0b6bcb' },
    { label: `3 floor callbacks/s (c=${e2eConcurrency})`, figure: summary.e2e.floor, colour: '#7a869a' },
    { label: `4 end-to-end callbacks/s (c=${e2eConcurrency})`, figure: summary.e2e.deliveries, colour: '#0b6bcb' },
    { label: '6 delivered/s, sink failing 50 %', figure: summary.retries.delivered, colour: '#c25100' },
  ];
  const width = 760;
  const left = 290;
  const rowHeight = 34;
  const top = 40;
  const height = top + bars.length * rowHeight + 40;
  const max = Math.max(...bars.map((b) => (Number.isFinite(b.figure.max) ? b.figure.max : 0)), 1);
  const scale = (v: number) => ((width - left - 90) * v) / max;
  const rows = bars.map((b, i) => {
    const y = top + i * rowHeight;
    const median = Number.isFinite(b.figure.median) ? b.figure.median : 0;
    return [
      `<text x="${left - 8}" y="${y + 17}" text-anchor="end" font-size="13">${escape(b.label)}</text>`,
      `<rect x="${left}" y="${y + 4}" width="${scale(median).toFixed(1)}" height="20" fill="${b.colour}"/>`,
      `<line x1="${left + scale(b.figure.min)}" x2="${left + scale(b.figure.max)}" y1="${y + 14}" y2="${y + 14}" stroke="#222" stroke-width="1.5"/>`,
      `<text x="${left + scale(Math.max(median, b.figure.max || 0)) + 6}" y="${y + 18}" font-size="12">${Math.round(median)}</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="12" y="22" font-size="15" font-weight="bold">Barrage throughput vs Temporal's own floor (median, whisker = min–max)</text>`,
    ...rows,
    `<text x="12" y="${height - 12}" font-size="11" fill="#555">Grey: what Temporal does alone on this box. Blue: Barrage doing the same job. ${escape(`Ratios: accept ${bestLevel.acceptToRaw.median.toFixed(2)}×, end-to-end ${summary.e2e.ratio.median.toFixed(2)}×.`)}</text>`,
    '</svg>',
  ].join('\n');
}
