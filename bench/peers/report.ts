// Scenario 18's tables, ratios (Barrage ÷ peer), chart and files.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeResultFiles } from '../result-files';
import { figure, fmt, fmtFigure, type Figure } from '../stats';
import type { PeersResults } from './scenario';

const BARRAGE = 'Barrage';

const med = (values: number[]) => figure(values);

export function peersSummary(r: PeersResults) {
  const accept = Object.fromEntries(
    Object.entries(r.accept).map(([name, levels]) => [
      name,
      Object.fromEntries(
        Object.entries(levels).map(([c, runs]) => [
          c,
          { perSecond: med(runs.map((t) => t.perSecond)), p50: med(runs.map((t) => t.p50)), p99: med(runs.map((t) => t.p99)) },
        ]),
      ),
    ]),
  );
  const e2e = Object.fromEntries(
    Object.entries(r.e2e).map(([name, byD]) => [
      name,
      Object.fromEntries(
        ([1, 3] as const).map((d) => {
          const runs = byD[d] ?? [];
          return [
            d,
            {
              deliveriesPerSecond: med(runs.map((x) => x.deliveriesPerSecond)),
              receiptP50: med(runs.map((x) => x.receiptP50)),
              receiptP99: med(runs.map((x) => x.receiptP99)),
              cpuMs: med(runs.map((x) => x.cpuMsPerDeliveryTotal)),
              cpuMsBy: Object.fromEntries(
                Object.keys(runs[0]?.cpuMsPerDelivery ?? {}).map((k) => [k, med(runs.map((x) => x.cpuMsPerDelivery[k])).median]),
              ),
            },
          ];
        }),
      ),
    ]),
  );
  return { accept, e2e };
}

type Summary = ReturnType<typeof peersSummary>;

const ratio = (a: Figure | undefined, b: Figure | undefined) => (a && b ? a.median / b.median : NaN);

function acceptTable(r: PeersResults, s: Summary): string[] {
  const levels = Object.keys(Object.values(s.accept)[0] ?? {});
  return [
    '| system | ' + levels.map((c) => `c=${c} requests/s (p50 / p99 ms)`).join(' | ') + ' |',
    '| --- | ' + levels.map(() => '---').join(' | ') + ' |',
    ...r.systems.map(
      (name) =>
        `| ${name} | ` +
        levels
          .map((c) => {
            const a = s.accept[name]?.[c];
            if (!a) return '–';
            const vs =
              name === BARRAGE ? '' : `; Barrage ÷ this ${fmt(ratio(s.accept[BARRAGE]?.[c]?.perSecond, a.perSecond), 2)}`;
            return `${fmtFigure(a.perSecond)} (${fmt(a.p50.median, 1)} / ${fmt(a.p99.median, 1)})${vs}`;
          })
          .join(' | ') +
        ' |',
    ),
  ];
}

function e2eTable(r: PeersResults, s: Summary): string[] {
  const rows: string[] = [
    '| system | D | deliveries/s | Barrage ÷ this | accept→receipt p50 / p99 ms | CPU ms per delivery (by process) |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const d of [1, 3] as const) {
    for (const name of Object.keys(s.e2e)) {
      const e = s.e2e[name][d];
      const by = Object.entries(e.cpuMsBy)
        .map(([k, v]) => `${k} ${fmt(v, 2)}`)
        .join(', ');
      const vs = name === BARRAGE ? '' : fmt(ratio(s.e2e[BARRAGE][d].deliveriesPerSecond, e.deliveriesPerSecond), 2);
      rows.push(
        `| ${name} | ${d} | ${fmtFigure(e.deliveriesPerSecond)} | ${vs} | ${fmt(e.receiptP50.median)} / ${fmt(e.receiptP99.median)} | ${fmt(e.cpuMs.median, 2)} (${by}) |`,
      );
    }
  }
  return rows;
}

function retryTable(r: PeersResults): string[] {
  return [
    '| system | delivered/s | attempts per delivery | CPU ms per delivery | receipt p50 / p99 ms | not received in 30 s |',
    '| --- | --- | --- | --- | --- | --- |',
    ...Object.entries(r.retries).map(([name, runs]) => {
      const x = runs[runs.length - 1];
      return `| ${name} | ${fmt(x.deliveriesPerSecond)} | ${fmt(x.attemptsPerDelivery, 2)} | ${fmt(x.cpuMsPerDelivery, 2)} | ${fmt(x.receiptP50)} / ${fmt(x.receiptP99)} | ${x.notReceived} |`;
    }),
  ];
}

function durabilityTable(r: PeersResults): string[] {
  return [
    '| system | accepted of sent (client retries) | delivered of owed | lost (accepted, never delivered) | duplicated | last delivery after |',
    '| --- | --- | --- | --- | --- | --- |',
    ...Object.entries(r.durability).map(
      ([name, d]) =>
        `| ${name} | ${d.accepted} of ${d.events} (${d.clientRetries}) | ${d.delivered} of ${d.expected} | ${d.lost} | ${d.duplicated} | ${fmt(d.secondsToLastDelivery)} s |`,
    ),
  ];
}

export function peersTables(r: PeersResults): string {
  const s = peersSummary(r);
  return [
    '### Accept (POST /v1/events, nothing delivering)',
    ...acceptTable(r, s),
    '',
    '### End to end (c=32, to D destinations; CPU of every process, stores included)',
    ...e2eTable(r, s),
    '',
    '### Sink failing 50 % (1 s backoff, doubling)',
    ...retryTable(r),
    '',
    '### kill -9 of worker and store, twice (sink failing 30 %)',
    ...durabilityTable(r),
  ].join('\n');
}

export function writePeersReport<O extends { quick: boolean; out: string }>(
  r: PeersResults,
  options: O,
  run: { elapsedMs: number; machine: Record<string, unknown> },
): { table: string; files: string[] } {
  const json = { date: new Date().toISOString(), ...run, options, summary: peersSummary(r), raw: r };
  const files = writeResultFiles(options, 'peers', json);
  const svg = join(options.out, `latest-peers-${options.quick ? 'quick' : 'full'}.svg`);
  writeFileSync(svg, peersChart(r));
  return { table: peersTables(r), files: [...files, svg] };
}

const COLOURS: Record<string, string> = {
  Barrage: '#0b6bcb',
  'pg-boss': '#336791',
  'BullMQ (AOF everysec)': '#c25100',
  'BullMQ (AOF always)': '#e08a3c',
  'bare node:http': '#7a869a',
};

/**
 * Grouped bars on a log scale (the bare server is 100× the rest): accepts at the highest c,
 * deliveries/s at D=1 and D=3, and CPU ms per delivery at D=1, per system (median).
 */
export function peersChart(r: PeersResults): string {
  const s = peersSummary(r);
  const top = String(Math.max(...Object.keys(Object.values(s.accept)[0] ?? { 0: 0 }).map(Number)));
  const groups = [
    { label: `accepts/s (c=${top})`, value: (n: string) => s.accept[n]?.[top]?.perSecond.median },
    { label: 'deliveries/s, D=1', value: (n: string) => s.e2e[n]?.[1]?.deliveriesPerSecond.median },
    { label: 'deliveries/s, D=3', value: (n: string) => s.e2e[n]?.[3]?.deliveriesPerSecond.median },
    { label: 'CPU ms per delivery, D=1 (every process; lower is better)', value: (n: string) => s.e2e[n]?.[1]?.cpuMs.median },
  ];
  const width = 800;
  const left = 180;
  const span = width - left - 80;
  const values = groups.flatMap((g) => r.systems.map((n) => g.value(n) ?? NaN)).filter((v) => Number.isFinite(v) && v > 0);
  const low = 10 ** Math.floor(Math.log10(Math.min(...values)));
  const high = 10 ** Math.ceil(Math.log10(Math.max(...values)));
  const x = (v: number) => left + (span * Math.log10(Math.max(v, low) / low)) / Math.log10(high / low);
  const parts: string[] = [];
  let y = 48;
  for (const g of groups) {
    parts.push(`<text x="12" y="${y + 12}" font-size="13" font-weight="bold">${g.label}</text>`);
    y += 18;
    for (const n of r.systems) {
      const v = g.value(n);
      if (v === undefined || !Number.isFinite(v)) continue;
      parts.push(
        `<text x="${left - 8}" y="${y + 12}" text-anchor="end" font-size="12">${n}</text>`,
        `<rect x="${left}" y="${y}" width="${(x(v) - left).toFixed(1)}" height="14" fill="${COLOURS[n] ?? '#555'}"/>`,
        `<text x="${x(v) + 6}" y="${y + 12}" font-size="12">${v < 10 ? v.toFixed(2) : Math.round(v)}</text>`,
      );
      y += 16;
    }
    y += 12;
  }
  const ticks: string[] = [];
  for (let t = low; t <= high; t *= 10) {
    ticks.push(
      `<line x1="${x(t)}" x2="${x(t)}" y1="36" y2="${y}" stroke="#ddd"/>`,
      `<text x="${x(t)}" y="32" font-size="10" fill="#555" text-anchor="middle">${t < 1 ? t : t.toLocaleString('en-US')}</text>`,
    );
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y + 30}" font-family="sans-serif">`,
    '<rect width="100%" height="100%" fill="white"/>',
    '<text x="12" y="18" font-size="15" font-weight="bold">Barrage beside a pg-boss and a BullMQ dispatcher (median of runs, log scale)</text>',
    ...ticks,
    ...parts,
    `<text x="12" y="${y + 14}" font-size="11" fill="#555">Same machine, one run, alternating; loopback only. Durability and operability are in the tables.</text>`,
    '</svg>',
  ].join('\n');
}
