// Scenario 17's rows in the report, its summary in the JSON, and the files of `--only portal`
// (the machine comes from report.ts, passed in: report.ts imports this file).
import { writeResultFiles } from './result-files';
import { PORTAL_TARGET_P95_MS, portalScenario, type PortalContext, type PortalResults, type Timing } from './portal';
import { fmt } from './stats';

const cores = (t: Timing) =>
  Object.entries(t.cores ?? {})
    .map(([k, v]) => `${k} ${fmt(v, 2)}`)
    .join(', ');

const met = (t: Timing) => t.p95 <= PORTAL_TARGET_P95_MS;

const bulkFate = (p: PortalResults) =>
  p.population.backlog
    ? 'left running: no worker polls their queue'
    : `types no endpoint takes, closed by a worker (the last ${fmt(p.population.closedAfterSeconds ?? NaN)} s after the last accept)`;

/** One row a page, and how the tenant was filled. */
export function portalRows(p: PortalResults): string[] {
  const pop = p.population;
  const tenant = `${fmt(p.destinations)} endpoints, ${fmt(p.events)} events`;
  return [
    `| 17 | portal tenant: ${tenant} (${fmt(pop.bulk)} accepted by POST /v1/events/batch, 100 a request, 8 at once, ${bulkFate(p)}; ${fmt(pop.delivered)} delivered to ${pop.liveEndpoints} endpoints each); load average ${fmt(p.load.before, 1)} as the pages began, ${fmt(p.load.after, 1)} at the end | batches ${fmt(pop.bulkPerSecond)} events/s, ${fmt(pop.bulkSeconds)} s${pop.bulkFailed ? `; ${fmt(pop.bulkFailed)} refused` : ''} | |`,
    ...p.pages.map(
      (t) =>
        `| 17 | portal page: ${t.name} (\`${t.path.length > 60 ? `${t.path.slice(0, 57)}…` : t.path}\`), ${tenant} | p50 ${fmt(t.p50, 1)} ms, p95 ${fmt(t.p95, 1)} ms, p99 ${fmt(t.p99, 1)} ms (n=${t.n}, ${fmt((t.bytes ?? NaN) / 1024)} KiB; cores: ${cores(t)}) | target p95 ≤ ${PORTAL_TARGET_P95_MS} ms: ${met(t) ? 'met' : 'missed'} |`,
    ),
  ];
}

/** The API calls behind the pages (over HTTP with the tenant's key), then the visibility queries behind those. */
export function portalApiTable(p: PortalResults): string {
  const row = (t: Timing) =>
    `| ${t.name} (\`${t.path}\`) | ${fmt(t.p50, 1)} | ${fmt(t.p95, 1)} | ${fmt(t.p99, 1)} | ${t.n}${t.rows === undefined ? '' : t.name.includes('count') ? `; count ${t.rows}` : `; ${t.rows} rows`} |`;
  return [
    '| call behind a portal page (scenario 17) | p50 ms | p95 ms | p99 ms | n |',
    '| --- | --- | --- | --- | --- |',
    ...p.apiCalls.map(row),
    // Result files from before the visibility profile have none.
    ...(p.visibility ?? []).map(row),
  ].join('\n');
}

export function portalSummary(p: PortalResults) {
  return {
    destinations: p.destinations,
    events: p.events,
    populatePerSecond: p.population.bulkPerSecond,
    populateSeconds: p.population.bulkSeconds,
    pages: p.pages.map((t) => ({ page: t.name, p50: t.p50, p95: t.p95, p99: t.p99, targetMet: met(t) })),
  };
}

/** `--only portal`: <quick|full>-portal[-backlog]-<stamp>.json (git-ignored in bench/results/) and latest-portal[-backlog]-<quick|full>.json. */
export function writePortalReport<O extends { quick: boolean; out: string }>(
  p: PortalResults,
  options: O,
  run: { elapsedMs: number; machine: Record<string, unknown> },
): { table: string; files: string[] } {
  const scenario = p.population.backlog ? 'portal-backlog' : 'portal';
  const json = { date: new Date().toISOString(), ...run, options, summary: portalSummary(p), raw: p };
  const files = writeResultFiles(options, scenario, json);
  const table = ['| # | scenario | figure | target |', '| --- | --- | --- | --- |', ...portalRows(p)].join('\n');
  return { table: `${table}\n\n${portalApiTable(p)}`, files };
}

/** `--only portal`: scenario 17 alone (the dev server and the sink are all it needs of run.ts). */
export async function portalOnly<O extends { quick: boolean; out: string }>(
  ctx: PortalContext,
  options: O,
  run: { started: number; machine: Record<string, unknown> },
): Promise<void> {
  const results = await portalScenario(ctx);
  const written = writePortalReport(results, options, { elapsedMs: Date.now() - run.started, machine: run.machine });
  console.log(written.table);
  ctx.progress(`wrote ${written.files.join(', ')} in ${((Date.now() - run.started) / 1000).toFixed(0)} s`);
}
