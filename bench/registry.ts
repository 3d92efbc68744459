// Scenario 11: the registry. (a) Accepting with 1,000 destinations registered for the tenant (10
// matching each event): through the database (PostgreSQL, loaded into memory) against the same
// 1,000 in a config file, each as a ratio to the raw start ceiling. (b) The time from a PATCH
// sent to one receiver until another receiver routes by the change, over `changes` changes.
// (c) Filters, against the same 1,000 matching by event type alone: each of the 1,000 has a payload
// filter (the 10 that take the type match it: target >= 0.9x); and the worst case, all 1,000 take
// the type and their filters let 10 through, so every accept evaluates 1,000 filters.
import type { Pool } from 'undici';
import { parseConfig, type TenantConfig } from '../src/config';
import { startPostgres } from '../src/devtools/postgres';
import type { Ingest } from '../src/ingest/ingest';
import { freePort } from '../src/net/free-port';
import { newEncryptionKey } from '../src/store/secret-box';
import { stringify } from 'yaml';
import { API_KEY, NAMESPACE } from './hub-config';
import { receiverUrl, startNode, CLI, writeConfig, type Proc } from './processes';
import { httpAccepts, httpPool, rawStarts, type Bounds, type Throughput } from './scenarios';
import { latencySummary } from './stats';

export const REGISTRY_DESTINATIONS = 1000;
export const REGISTRY_MATCHING = 10;
const ADMIN = 'bench-admin-key';
const PROBE_DEADLINE_MS = 5_000;

export interface RegistryRun {
  raw: Throughput;
  configFile: Throughput;
  database: Throughput;
  /** Scenario 11c: the config-file receiver whose 1,000 destinations all have filters (10 take the type). */
  filtered?: Throughput;
  /** … and the one whose 1,000 all take the type, filters letting 10 through. */
  filteredAll?: Throughput;
}

export interface RegistryResults {
  destinations: number;
  matching: number;
  concurrency: number;
  runs: RegistryRun[];
  patchToUse: { changes: number; p50: number; p95: number; p99: number; max: number };
}

export interface RegistryContext {
  dir: string;
  logDir: string;
  address: string;
  sinkUrl: string;
  ingest: Ingest;
  runs: number;
  bounds: Bounds;
  changes: number;
  progress: (msg: string) => void;
}

/** d<i>: the first 10 take `reg.*`, the rest types no event has. */
const destinationSpecs = (sinkUrl: string) =>
  Array.from({ length: REGISTRY_DESTINATIONS }, (_, i) => ({
    id: `d${i}`,
    url: `${sinkUrl}/reg`,
    events: i < REGISTRY_MATCHING ? ['reg.*'] : [`other${i}.*`],
  }));

/** Every destination gets a filter on data (the bench's events carry n = 1): the first 10 take them. */
const filteredSpecs = (sinkUrl: string, allTakeTheType: boolean) =>
  destinationSpecs(sinkUrl).map((d, i) => ({
    ...d,
    ...(allTakeTheType ? { events: ['reg.*'] } : {}),
    filter: { type: { $startsWith: 'reg.' }, data: { n: i < REGISTRY_MATCHING ? { $gte: 1 } : { $gte: 1000 + i } } },
  }));

function receiverConfig(ctx: RegistryContext, extra: Record<string, unknown>, destinations: unknown[]) {
  return {
    server: { port: 0 },
    // No worker polls this queue: accepting only, as scenarios 1 and 2.
    temporal: { address: ctx.address, taskQueue: 'accept-only', manageNamespaces: false },
    security: { allowPrivateDestinations: true, adminApiKeys: [ADMIN], ...extra },
    log: { level: 'warn' },
    tenants: [{ id: 'regbench', namespace: NAMESPACE, apiKeys: [API_KEY], destinations }],
  };
}

const startReceiver = (ctx: RegistryContext, name: string, config: unknown) =>
  startNode(
    name,
    [CLI, 'start', '--config', writeConfig(ctx.dir, name, config), '--role', 'receiver'],
    ctx.logDir,
    /receiver listening/,
  );

export async function registryScenario(ctx: RegistryContext): Promise<RegistryResults> {
  const postgres = await startPostgres({ port: await freePort() });
  const procs: Proc[] = [];
  const pools: Pool[] = [];
  try {
    const specs = destinationSpecs(ctx.sinkUrl);
    const fileConfig = receiverConfig(ctx, {}, specs);
    const dbConfig = { ...receiverConfig(ctx, { encryptionKey: newEncryptionKey() }, []), database: { url: postgres.url } };
    // log level info on the database receivers: the URL line is how the bench finds them.
    const info = (c: typeof dbConfig) => ({ ...c, log: { level: 'info' } });
    procs.push(
      await startReceiver(ctx, 'reg-file', { ...fileConfig, log: { level: 'info' } }),
      await startReceiver(ctx, 'reg-db-a', info(dbConfig)),
      await startReceiver(ctx, 'reg-db-b', info(dbConfig)),
      await startReceiver(ctx, 'reg-filter', {
        ...receiverConfig(ctx, {}, filteredSpecs(ctx.sinkUrl, false)),
        log: { level: 'info' },
      }),
      await startReceiver(ctx, 'reg-filter-all', {
        ...receiverConfig(ctx, {}, filteredSpecs(ctx.sinkUrl, true)),
        log: { level: 'info' },
      }),
    );
    const [file, dbA, dbB, filter, filterAll] = procs.map((p) => httpPool(receiverUrl(p), 256));
    pools.push(file, dbA, dbB, filter, filterAll);
    ctx.progress(`registering ${REGISTRY_DESTINATIONS} destinations through the API`);
    for (const spec of specs) await request(dbA, 'POST', '/v1/destinations', spec, 201);
    const tenant: TenantConfig = parseConfig(stringify(fileConfig), {}).tenants[0];
    const runs: RegistryRun[] = [];
    for (let run = 1; run <= ctx.runs; run++) {
      const raw = await rawStarts(ctx.ingest, tenant, ctx.bounds, 'reg.raw');
      const accepts = (pool: Pool) => httpAccepts(pool, ctx.bounds, 202, 'reg.accept');
      // Odd runs measure the filter receivers first, even runs last: neither always gets the cooler machine.
      const early = run % 2 === 1 ? [await accepts(filter), await accepts(filterAll)] : [];
      const configFile = await accepts(file);
      const database = await accepts(dbA);
      const [filtered, filteredAll] = run % 2 === 1 ? early : [await accepts(filter), await accepts(filterAll)];
      runs.push({ raw, configFile, database, filtered, filteredAll });
      ctx.progress(
        `run ${run}/${ctx.runs} with ${REGISTRY_DESTINATIONS} destinations: starts ${raw.perSecond.toFixed(0)}/s, ` +
          `accepts from a config file ${configFile.perSecond.toFixed(0)}/s, from the database ${database.perSecond.toFixed(0)}/s, ` +
          `with filters ${filtered.perSecond.toFixed(0)}/s (all taking the type: ${filteredAll.perSecond.toFixed(0)}/s)`,
      );
    }
    const patchToUse = await patchLatency(dbA, dbB, ctx.changes);
    ctx.progress(`PATCH → other receiver routes by it: p50 ${patchToUse.p50.toFixed(1)} ms, p99 ${patchToUse.p99.toFixed(1)} ms`);
    return {
      destinations: REGISTRY_DESTINATIONS,
      matching: REGISTRY_MATCHING,
      concurrency: ctx.bounds.concurrency,
      runs,
      patchToUse,
    };
  } finally {
    await Promise.all(pools.map((p) => p.close()));
    await Promise.all(procs.map((p) => p.stop()));
    await postgres.stop();
  }
}

/** Each change adds a new event type to d0 through receiver A; receiver B is asked until it routes it. */
async function patchLatency(a: Pool, b: Pool, changes: number): Promise<RegistryResults['patchToUse']> {
  const samples: number[] = [];
  for (let i = 0; i < changes; i++) {
    const type = `probe${i}.x`;
    const sent = performance.now();
    await request(a, 'PATCH', '/v1/destinations/d0', { events: ['reg.*', type] }, 200);
    for (;;) {
      const answer = (await request(b, 'POST', '/v1/events', { type, data: {} }, 202)) as { destinations: string[] };
      if (answer.destinations.includes('d0')) break;
      if (performance.now() - sent > PROBE_DEADLINE_MS)
        throw new Error(`receiver B did not route ${type} within ${PROBE_DEADLINE_MS} ms`);
    }
    samples.push(performance.now() - sent);
  }
  const { p50, p95, p99 } = latencySummary(samples);
  return { changes, p50, p95, p99, max: Math.max(...samples) };
}

async function request(pool: Pool, method: string, path: string, body: unknown, expect: number): Promise<unknown> {
  const res = await pool.request({
    path,
    method: method as 'POST',
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.body.text();
  if (res.statusCode !== expect) throw new Error(`${method} ${path} answered ${res.statusCode}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}
