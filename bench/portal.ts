// Scenario 17: the tenant portal's server-side render time (issue 20's target: p95 ≤ 100 ms with
// 1,000 endpoints and 100,000 events in the tenant). A private PostgreSQL, and on it a receiver
// serving the portal with a worker on its task queue, plus an intake receiver for the bulk; the
// tenant is filled (bench/portal-populate.ts: settled, or with --portal-backlog a backlog of running
// callbacks), a session is minted and opened as a browser would, and each page is fetched one at a
// time after warm-ups. Then the API calls behind the pages, and the visibility queries behind those
// (bench/portal-visibility.ts), timed the same way, to show where a slow page spends its time.
import { loadavg } from 'node:os';
import type { Pool } from 'undici';
import { startPostgres } from '../src/devtools/postgres';
import { freePort } from '../src/net/free-port';
import { newEncryptionKey } from '../src/store/secret-box';
import { API_KEY } from './hub-config';
import { cpuShare, receiverUrl, startRole, writeConfig, type Proc } from './processes';
import {
  call,
  bulkType,
  deliverLive,
  LIVE_ENDPOINTS,
  LIVE_EVENTS,
  populate,
  PORTAL_DESTINATIONS,
  registerTenant,
  waitClosed,
  waitForEndpoints,
  type Population,
} from './portal-populate';
import { visibilityTimings } from './portal-visibility';
import { httpPool } from './scenarios';
import type { BenchSink } from './sink';
import { latencySummary } from './stats';

export const PORTAL_NAMESPACE = 'bench-portal';
export const PORTAL_TARGET_P95_MS = 100;
const WARMUPS = 5;
const SAMPLES = 50;
const API_WARMUPS = 3;
const API_SAMPLES = 20;
/** No single page may hold the scenario longer than this, however slow it is. */
const PAGE_DEADLINE_MS = 120_000;

export interface Timing {
  name: string;
  path: string;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Body size of the last answer (pages and API calls). */
  bytes?: number;
  /** Executions listed, or counted, by the last answer (visibility queries). */
  rows?: number;
  /** Cores each process used while it was timed. */
  cores?: Record<string, number>;
}

export interface PortalResults {
  destinations: number;
  /** Callback workflows in the tenant's namespace when the pages were timed. */
  events: number;
  population: Population & { bulkPerSecond: number; liveEndpoints: number; closedAfterSeconds?: number };
  warmups: number;
  /** The machine's 1-minute load average as the pages began and as the API calls ended: others' work shows here. */
  load: { before: number; after: number };
  pages: Timing[];
  apiCalls: Timing[];
  /** The visibility queries behind them, straight to the Temporal server. */
  visibility: Timing[];
}

export interface PortalContext {
  dir: string;
  logDir: string;
  address: string;
  sink: BenchSink;
  /** The Temporal server's pid, for the cores it spends per page. */
  temporalPid?: number;
  events: number;
  /** Leave the bulk running on a queue no worker polls (--portal-backlog). */
  backlog: boolean;
  progress: (msg: string) => void;
}

function configOf(ctx: PortalContext, database: string, encryptionKey: string, taskQueue: string) {
  return {
    server: { port: 0 },
    temporal: { address: ctx.address, taskQueue, manageNamespaces: false },
    security: { allowPrivateDestinations: true, encryptionKey },
    database: { url: database },
    portal: { enabled: true },
    // info: the listening line carries the URL the bench reads.
    log: { level: 'info' },
    tenants: [{ id: 'portal', namespace: PORTAL_NAMESPACE, apiKeys: [API_KEY], destinations: [] }],
  };
}

export async function portalScenario(ctx: PortalContext): Promise<PortalResults> {
  const postgres = await startPostgres({ port: await freePort() });
  const procs: Proc[] = [];
  const pools: Pool[] = [];
  try {
    const key = newEncryptionKey();
    const live = writeConfig(ctx.dir, 'portal', configOf(ctx, postgres.url, key, 'portal-live'));
    const intakeQueue = ctx.backlog ? 'portal-no-worker' : 'portal-live';
    const intakeConfig = writeConfig(ctx.dir, 'portal-intake', configOf(ctx, postgres.url, key, intakeQueue));
    const [receiver, worker, intake] = await Promise.all([
      startRole('receiver', live, ctx.logDir, 'portal-receiver'),
      startRole('worker', live, ctx.logDir, 'portal-worker'),
      startRole('receiver', intakeConfig, ctx.logDir, 'portal-intake'),
    ]);
    procs.push(receiver, worker, intake);
    const [api, intakePool] = [httpPool(receiverUrl(receiver), 8), httpPool(receiverUrl(intake), 8)];
    pools.push(api, intakePool);
    let t0 = performance.now();
    await registerTenant(api, ctx.sink.url);
    await waitForEndpoints(intakePool);
    ctx.progress(`registered ${PORTAL_DESTINATIONS} endpoints and 101 event types in ${secondsSince(t0)} s`);
    const delivered = await deliverLive(api, ctx.sink);
    ctx.progress(`${LIVE_EVENTS} events delivered to ${LIVE_ENDPOINTS} endpoints each in ${delivered.seconds.toFixed(0)} s`);
    t0 = performance.now();
    const bulk = await populate(intakePool, ctx.events, bulkType(ctx.backlog), ctx.progress);
    if (bulk.accepted === 0) throw new Error('no event of the bulk was accepted');
    const bulkPerSecond = bulk.accepted / bulk.seconds;
    ctx.progress(
      `populated ${bulk.accepted} events (${bulk.failed} refused) in ${bulk.seconds.toFixed(0)} s: ${bulkPerSecond.toFixed(0)}/s`,
    );
    const closed = ctx.backlog ? undefined : await waitClosed(ctx.address, PORTAL_NAMESPACE, ctx.progress);
    if (closed)
      ctx.progress(`every callback closed ${closed.seconds.toFixed(0)} s after the last accept (${closed.running} running)`);
    const population = {
      bulk: bulk.accepted,
      backlog: ctx.backlog,
      ...(closed ? { closedAfterSeconds: closed.seconds } : {}),
      bulkFailed: bulk.failed,
      bulkSeconds: bulk.seconds,
      bulkPerSecond,
      delivered: LIVE_EVENTS,
      deliveredSeconds: delivered.seconds,
      liveEndpoints: LIVE_ENDPOINTS,
      deliveredId: delivered.id,
      bulkId: bulk.firstId,
    };
    const cookie = await signIn(api);
    const page = httpPool(receiverUrl(receiver), 1);
    pools.push(page);
    const pids = { receiver: receiver.child.pid, 'Temporal server': ctx.temporalPid };
    const before = loadavg()[0];
    const pages: Timing[] = [];
    for (const [name, path] of pagesOf(population)) {
      const t = await timeRequests(page, { name, path, headers: { cookie }, warmups: WARMUPS, samples: SAMPLES, pids });
      ctx.progress(`${name} (${path}): p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms, p99 ${t.p99.toFixed(1)} ms`);
      pages.push(t);
    }
    const apiCalls: Timing[] = [];
    const auth = { authorization: `Bearer ${API_KEY}` };
    for (const [name, path] of apiCallsOf(population)) {
      const t = await timeRequests(page, { name, path, headers: auth, warmups: API_WARMUPS, samples: API_SAMPLES, pids });
      ctx.progress(`API ${name} (${path}): p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms`);
      apiCalls.push(t);
    }
    const visibility = await visibilityTimings(ctx.address, PORTAL_NAMESPACE, bulkType(ctx.backlog)(7));
    for (const t of visibility)
      ctx.progress(`${t.name}: p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms (${t.rows} rows)`);
    return {
      destinations: PORTAL_DESTINATIONS,
      events: bulk.accepted + LIVE_EVENTS,
      population,
      warmups: WARMUPS,
      load: { before, after: loadavg()[0] },
      pages,
      apiCalls,
      visibility,
    };
  } finally {
    await Promise.all(pools.map((p) => p.close()));
    await Promise.all(procs.map((p) => p.stop()));
    await postgres.stop();
  }
}

const secondsSince = (t0: number) => ((performance.now() - t0) / 1000).toFixed(0);

function pagesOf(p: Population): [string, string][] {
  return [
    ['endpoints', '/portal/endpoints'],
    ['endpoints, searched', '/portal/endpoints?q=ep12'],
    ['endpoint detail, 24 h', '/portal/endpoints/ep0?window=24h'],
    // Its "waiting now" figure, a visibility count, is a page of its own that portal.js fills in.
    ['endpoint deliveries waiting', '/portal/endpoints/ep0/waiting'],
    ['event log', '/portal/events'],
    ['event log, status delivered', '/portal/events?status=delivered'],
    ['event log, one event type', `/portal/events?type=${bulkType(p.backlog)(7)}`],
    ['event log, one endpoint', '/portal/events?endpoint=ep0'],
    [`event detail, delivered to ${LIVE_ENDPOINTS}`, `/portal/events/${encodeURIComponent(p.deliveredId)}`],
    [
      p.backlog ? 'event detail, waiting for 10' : 'event detail, no endpoint took it',
      `/portal/events/${encodeURIComponent(p.bulkId)}`,
    ],
    ['event types', '/portal/event-types'],
  ];
}

/** What the pages call (through the route table in-process), here over HTTP with the API key. */
function apiCallsOf(p: Population): [string, string][] {
  const delivered = encodeURIComponent(p.deliveredId);
  return [
    ['listDestinations, 500, health', '/v1/destinations?limit=500&health=true'],
    ['getTenantStats 24h, no count', '/v1/stats?window=24h&waiting=false'],
    ['getDestination, no count', '/v1/destinations/ep0?waiting=false'],
    ['getDestinationStats 24h, no count', '/v1/destinations/ep0/stats?window=24h&waiting=false'],
    ['getDestination with deliveries waiting', '/v1/destinations/ep0'],
    ['listEvents', '/v1/events?limit=50'],
    ['listEvents, status delivered', '/v1/events?limit=50&status=delivered'],
    ['listEvents, one event type', `/v1/events?limit=50&type=${bulkType(p.backlog)(7)}`],
    ['listEvents, one endpoint', '/v1/events?limit=50&destination=ep0'],
    ['getEvent, delivered', `/v1/events/${delivered}`],
    ['listEventAttempts', `/v1/events/${delivered}/attempts`],
    ['getEventPayload', `/v1/events/${delivered}/payload`],
    [p.backlog ? 'getEvent, waiting' : 'getEvent, no endpoint', `/v1/events/${encodeURIComponent(p.bulkId)}`],
    ['listEventTypes, 500', '/v1/event-types?limit=500'],
  ];
}

/** Mints a session with the tenant's key and opens its link as a browser would (no redirect followed). */
async function signIn(pool: Pool): Promise<string> {
  const { url } = (await call(pool, 'POST', '/v1/portal-sessions', {}, 201)) as { url: string };
  const link = new URL(url);
  const res = await pool.request({ path: `${link.pathname}${link.search}`, method: 'GET' });
  await res.body.text();
  const setCookie = [res.headers['set-cookie'] ?? []].flat()[0];
  if (res.statusCode !== 303 || !setCookie)
    throw new Error(`opening the portal link answered ${res.statusCode} without a cookie`);
  return setCookie.split(';')[0];
}

interface TimedRequest {
  name: string;
  path: string;
  headers: Record<string, string>;
  warmups: number;
  samples: number;
  pids: Record<string, number | undefined>;
}

/** One at a time on one keep-alive connection: request sent → last byte of a 200 read. */
async function timeRequests(pool: Pool, r: TimedRequest): Promise<Timing> {
  let bytes = 0;
  const once = async () => {
    const t0 = performance.now();
    const res = await pool.request({ path: r.path, method: 'GET', headers: r.headers });
    const text = await res.body.text();
    const ms = performance.now() - t0;
    if (res.statusCode !== 200) throw new Error(`GET ${r.path} answered ${res.statusCode}: ${text.slice(0, 300)}`);
    const type = String(res.headers['content-type']);
    if (!type.includes(r.path.startsWith('/v1/') ? 'application/json' : 'text/html'))
      throw new Error(`GET ${r.path} answered ${type}`);
    bytes = Buffer.byteLength(text);
    return ms;
  };
  const deadline = performance.now() + PAGE_DEADLINE_MS;
  for (let i = 0; i < r.warmups; i++) await once();
  const { result: samples, cores } = await cpuShare(r.pids, async () => {
    const out: number[] = [];
    while (out.length < r.samples && performance.now() < deadline) out.push(await once());
    return out;
  });
  const { p50, p95, p99, n } = latencySummary(samples);
  return { name: r.name, path: r.path, n, p50, p95, p99, max: Math.max(...samples), bytes, cores };
}
