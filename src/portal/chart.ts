// The stats chart, drawn on the server as SVG: delivered and failed attempts per point, stacked.
// No script and no chart library; the numbers are also given as text beside it.
import { html, type Html } from './html';

export interface Point {
  at: string;
  attempts: number;
  delivered: number;
  failed: number;
}

const WIDTH = 720;
const HEIGHT = 160;

export function attemptsChart(series: readonly Point[], label: string): Html {
  const max = Math.max(1, ...series.map((p) => p.delivered + p.failed));
  const step = WIDTH / Math.max(1, series.length);
  const bar = Math.max(1, step - 1);
  const y = (n: number) => (n / max) * (HEIGHT - 20);
  const bars = series.map((p, i) => {
    const ok = y(p.delivered);
    const bad = y(p.failed);
    const x = (i * step).toFixed(1);
    return html`<g
      ><title>${p.at}: ${p.delivered} delivered, ${p.failed} failed</title>${ok
        ? html`<rect class="ok" x="${x}" y="${(HEIGHT - ok).toFixed(1)}" width="${bar.toFixed(1)}" height="${ok.toFixed(1)}" />`
        : ''}${bad
        ? html`<rect
            class="bad"
            x="${x}"
            y="${(HEIGHT - ok - bad).toFixed(1)}"
            width="${bar.toFixed(1)}"
            height="${bad.toFixed(1)}"
          />`
        : ''}</g
    >`;
  });
  return html`<figure class="chart">
    <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${label}" preserveAspectRatio="none">
      <line class="axis" x1="0" y1="${HEIGHT}" x2="${WIDTH}" y2="${HEIGHT}" />
      ${bars}
    </svg>
    <figcaption>
      <span class="key ok">delivered</span> <span class="key bad">failed</span> · peak ${max} attempts per point
    </figcaption>
  </figure>`;
}
