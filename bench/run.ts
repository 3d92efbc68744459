// `npm run bench`: starts everything it measures (Temporal dev server on a fresh SQLite file,
// Barrage's worker and receiver, a floor worker, a bare node:http baseline, a sink), runs each
// scenario for bounded time and count, and writes JSON results plus a chart to bench/out/ (bench/results/ with --record).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Command } from 'commander';
import { findTemporalCli, parseConfig, PROJECT_ROOT, TEMPORAL_CLI_MISSING } from '../src/config';
import { createIngest } from '../src/ingest/ingest';
import { createLogger } from '../src/telemetry/logger';
import { startDevServer } from '../src/temporal/dev-server';
import { stringify } from 'yaml';
import { hubConfig, NAMESPACE, TENANT_B } from './hub-config';
import { cpuShare, FLOOR_WORKER, peakRssMiB, receiverUrl, startNode, startRole, writeConfig, type Proc } from './processes';
import { writeReport, type RunResults } from './report';
import * as s from './scenarios';
import { createHub } from '../src/lib';
import { startBenchSink, type BenchSink } from './sink';
import { heldDeliveryCost, LIMITED_PER_SECOND, rateLimitAccuracy, type RateLimitRun } from './protection';
import { fairnessBurst } from './fairness';
import type { Pool } from 'undici';
import { stageProfile } from './stages';
import { freePort } from '../src/net/free-port';
import { startElasticMq, startKafka, type RunningBroker } from '../src/devtools/brokers';
import { kafkaDrain, sqsDrain } from './queues';
import { registryScenario } from './registry';
import { tracingScenario } from './tracing';
import { statsScenario } from './destination-stats';
import { clusterScenario } from './cluster';
import { PORTAL_NAMESPACE, portalScenario, type PortalContext } from './portal';
import { portalOnly } from './portal-report';
import { machine } from './report';
import { peersOnly } from './peers/only';

interface Options {
  quick: boolean;
  runs: number;
  duration: number;
  concurrency: number[];
  e2eConcurrency: number;
  fanout: number[];
  queueMessages: number;
  cluster: boolean;
  portalEvents: number;
  portalBacklog: boolean;
  only?: 'portal';
  peers: boolean;
  peersEvents: number;
  out: string;
}

function parseOptions(): Options {
  const list = (v: string) =>
    v
      .split(',')
      .map((x) => Number(x.trim()))
      .filter((x) => Number.isInteger(x) && x > 0);
  const program = new Command('bench')
    .option('--quick', 'a short run (about 3 minutes): 3 runs of 2 s, concurrency 8,32', false)
    .option('--runs <n>', 'runs of every scenario (figures are medians with min–max)', Number)
    .option('--duration <seconds>', 'seconds each measurement lasts', Number)
    .option('--concurrency <list>', 'concurrency levels for the accept scenarios', list)
    .option('--e2e-concurrency <n>', 'in-flight callbacks for the delivery scenarios', Number)
    .option('--destinations <list>', 'fan-out sizes: destinations per callback in scenario 5', list)
    .option('--queue-messages <n>', 'backlog drained from SQS and from Kafka in scenario 10', Number)
    .option(
      '--cluster',
      'also scenario 13: floor and end to end on temporal-server + PostgreSQL (npm run setup -- --cluster)',
      false,
    )
    .option('--portal-events <n>', 'events in the tenant of scenario 17 (default 100000, 20000 with --quick)', Number)
    .option('--portal-backlog', 'scenario 17 with its bulk left running (no worker), not closed by a worker', false)
    .option('--only <scenario>', 'run one scenario alone: portal (17, the tenant portal)')
    .option(
      '--peers',
      'scenario 18 alone: Barrage beside pg-boss and BullMQ dispatchers and bare node:http (npm run setup -- --peers)',
      false,
    )
    .option('--peers-events <n>', 'events of scenario 18 killed -9 under (default 1000, 300 with --quick)', Number)
    // Runs land in a git-ignored folder; --record writes the figures the docs cite.
    .option('--record', 'write to bench/results/ (tracked, cited by docs/PERFORMANCE.md)', false)
    .option('--out <dir>', 'where results go (default bench/out/, or bench/results/ with --record)')
    .parse(process.argv);
  const o = program.opts();
  // `npm run bench --quick` hands the flag to npm, which passes it on as npm_config_quick.
  const quick = o.quick || process.env.npm_config_quick === 'true';
  const peers = o.peers || process.env.npm_config_peers === 'true';
  // Scenario 18 alone measures five systems per figure: fewer, shorter runs than the main bench.
  const defaults = peers
    ? { runs: quick ? 1 : 3, duration: quick ? 3 : 5, concurrency: [1, 8, 32] }
    : { runs: quick ? 3 : 5, duration: quick ? 2 : 8, concurrency: quick ? [8, 32] : [1, 8, 32, 64] };
  if (o.only !== undefined && o.only !== 'portal') throw new Error(`--only takes portal, not ${o.only}`);
  return {
    quick,
    runs: o.runs ?? defaults.runs,
    duration: o.duration ?? defaults.duration,
    concurrency: o.concurrency ?? defaults.concurrency,
    e2eConcurrency: o.e2eConcurrency ?? 32,
    fanout: o.destinations ?? [10, 100],
    queueMessages: o.queueMessages ?? (quick ? 1000 : 3000),
    cluster: o.cluster || process.env.npm_config_cluster === 'true',
    portalEvents: o.portalEvents ?? (quick ? 20_000 : 100_000),
    portalBacklog: o.portalBacklog,
    only: o.only,
    peers,
    peersEvents: o.peersEvents ?? (quick ? 300 : 1000),
    out: o.out ?? join(PROJECT_ROOT, 'bench', o.record || process.env.npm_config_record === 'true' ? 'results' : 'out'),
  };
}

const progress = (msg: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);

async function main(): Promise<void> {
  const opts = parseOptions();
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'barrage-bench-'));
  const logDir = join(dir, 'logs');
  mkdirSync(logDir);
  const procs: Proc[] = [];
  const cliPath = findTemporalCli(process.env);
  if (!cliPath) throw new Error(TEMPORAL_CLI_MISSING);
  progress(`options ${JSON.stringify({ ...opts, out: undefined })}; logs in ${logDir}`);
  if (opts.peers) return peersOnly({ dir, logDir, cliPath, progress }, opts, started);
  const port = await freePort();
  const server = await startDevServer({
    cliPath,
    ip: '127.0.0.1',
    port,
    headless: true,
    dbFile: join(dir, 'temporal.db'),
    namespaces: [NAMESPACE, TENANT_B.namespace, PORTAL_NAMESPACE],
  });
  const sink = await startBenchSink();
  const brokers: RunningBroker[] = [];
  const portal: PortalContext = {
    dir,
    logDir,
    address: server.address,
    sink,
    temporalPid: server.process.pid,
    events: opts.portalEvents,
    backlog: opts.portalBacklog,
    progress,
  };
  try {
    if (opts.only === 'portal') return await portalOnly(portal, opts, { started, machine: machine() });
    const maxFanout = Math.max(...opts.fanout, 10);
    const hub = hubConfig({ address: server.address, taskQueue: 'barrage-bench', sinkUrl: sink.url, maxFanout }, opts.fanout);
    // No worker polls this queue: scenarios 1 and 2 measure accepting only.
    const accept = { ...hub, temporal: { ...hub.temporal, taskQueue: 'accept-only' } };
    progress('starting worker, receivers, floor worker and baseline server');
    const [worker, receiver, acceptReceiver, floor, baseline] = await Promise.all([
      startRole('worker', writeConfig(dir, 'hub', hub), logDir),
      startRole('receiver', writeConfig(dir, 'hub', hub), logDir),
      startRole('receiver', writeConfig(dir, 'accept', accept), logDir, 'accept-receiver'),
      startNode('floor-worker', [FLOOR_WORKER, server.address, NAMESPACE, 'floor'], logDir, /floor worker running/),
      startNode('baseline', [join(PROJECT_ROOT, 'dist', 'bench', 'baseline-server.js')], logDir, /receiver listening/),
    ]);
    procs.push(worker, receiver, acceptReceiver, floor, baseline);
    const connection = await Connection.connect({ address: server.address });
    const client = new Client({ connection, namespace: NAMESPACE });
    const tenant = parseConfig(stringify(accept), {}).tenants[0];
    const ingest = createIngest({ clientFor: () => client, taskQueue: 'accept-only', logger: createLogger('silent') });
    const pools = {
      hub: s.httpPool(receiverUrl(receiver), 256),
      accept: s.httpPool(receiverUrl(acceptReceiver), 256),
      baseline: s.httpPool(receiverUrl(baseline), 256),
    };
    // Scenario 2b: the library publishing in this process, to the accept-only queue (a client only: no role).
    const library = await createHub({
      config: accept as Record<string, unknown>,
      roles: [],
      registry: 'config',
      logger: createLogger('silent'),
    });
    const hubCtx = { pool: pools.hub, sink, client };
    const bounds = (concurrency: number): s.Bounds => ({ concurrency, durationMs: opts.duration * 1000, maxOperations: 200_000 });
    const e2e = bounds(opts.e2eConcurrency);
    const results: RunResults = { options: opts, runs: [], fanout: {}, cost: [], memoryMiB: {} };

    progress('warm-up (not recorded)');
    const warm = { ...e2e, durationMs: 1000 };
    await s.rawStarts(ingest, tenant, warm);
    await s.httpAccepts(pools.accept, warm);
    await s.libraryPublishes(library, tenant.id, warm);
    await s.floorTopology(client, 'floor', warm, 'warm');
    await s.endToEnd(hubCtx, { type: 'e2e.warm', path: '/one' }, warm);

    const e2eIds: string[] = [];
    for (let run = 1; run <= opts.runs; run++) {
      const r: RunResults['runs'][number] = { raw: {}, accept: {}, baseline: {} };
      for (const c of opts.concurrency) {
        r.raw[c] = await s.rawStarts(ingest, tenant, bounds(c));
        r.accept[c] = await s.httpAccepts(pools.accept, bounds(c));
        (r.library ??= {})[c] = await s.libraryPublishes(library, tenant.id, bounds(c));
        r.baseline[c] = await s.httpAccepts(pools.baseline, bounds(c));
        progress(
          `run ${run}/${opts.runs} c=${c}: starts ${r.raw[c].perSecond.toFixed(0)}/s, accepts ${r.accept[c].perSecond.toFixed(0)}/s, library ${r.library[c].perSecond.toFixed(0)}/s, bare http ${r.baseline[c].perSecond.toFixed(0)}/s`,
        );
      }
      r.floor = await s.floorTopology(client, 'floor', e2e, `r${run}`);
      const measured = await cpuShare(
        { 'Temporal server': server.process.pid, worker: worker.child.pid, receiver: receiver.child.pid },
        () => s.endToEnd(hubCtx, { type: 'e2e.run', path: '/one' }, e2e, e2eIds),
      );
      r.e2e = measured.result;
      r.e2eCores = measured.cores;
      progress(`run ${run}/${opts.runs}: floor ${r.floor.perSecond.toFixed(0)}/s, end-to-end ${r.e2e.perSecond.toFixed(0)}/s`);
      results.runs.push(r);
    }
    results.memoryMiB = {
      worker: peakRssMiB(worker.child.pid),
      receiver: peakRssMiB(receiver.child.pid),
      temporalServer: peakRssMiB(server.process.pid),
      floorWorker: peakRssMiB(floor.child.pid),
    };
    // Every 10th callback of scenario 4, at most 60: where its time went, from its history.
    results.stages = await stageProfile(client, e2eIds.filter((_, i) => i % 10 === 0).slice(0, 60), 'one');
    for (let run = 1; run <= opts.runs; run++) {
      const before = sink.requests.get('/flaky') ?? 0;
      const retries = await s.endToEnd(hubCtx, { type: 'retry.run', path: '/flaky' }, e2e);
      const attempts = (sink.requests.get('/flaky') ?? 0) - before;
      results.runs[run - 1].retries = { ...retries, attemptsPerDelivery: attempts / Math.max(1, retries.completed) };
      progress(
        `run ${run}/${opts.runs}: 50 % failing sink ${retries.perSecond.toFixed(0)} delivered/s, ${(attempts / retries.completed).toFixed(2)} attempts each`,
      );
    }
    for (const n of opts.fanout) {
      results.fanout[n] = [];
      for (let run = 1; run <= opts.runs; run++) results.fanout[n].push(await s.fanOut(pools.hub, sink, n));
      progress(`fan-out to ${n}: ${results.fanout[n].map((v) => v.toFixed(0)).join(', ')} ms`);
    }
    for (const d of [1, 3, 10]) results.cost.push(await s.costPerCallback(pools.hub, sink, client, d));
    results.protection = await protectionScenario(pools.hub, sink, client, opts.runs);
    // Started only now: two idle JVMs would take CPU from scenarios 1–9 on a 2-core machine.
    const [kafkaPort, controllerPort, sqsPort] = await Promise.all([freePort(), freePort(), freePort()]);
    progress('starting Kafka and ElasticMQ for scenario 10');
    brokers.push(
      ...(await Promise.all([
        startKafka({ port: kafkaPort, controllerPort, dataDir: join(dir, 'kafka'), partitions: 4 }),
        startElasticMq({ port: sqsPort, dataDir: join(dir, 'elasticmq') }),
      ])),
    );
    const queueCtx = { ingest, tenant, kafkaAddress: brokers[0].address, sqsAddress: brokers[1].address };
    results.queues = { messages: opts.queueMessages, sqs: [], kafka: [] };
    for (let run = 1; run <= opts.runs; run++) {
      results.queues.sqs.push(await sqsDrain(queueCtx, opts.queueMessages, `r${run}`));
      results.queues.kafka.push(await kafkaDrain(queueCtx, opts.queueMessages, `r${run}`));
      progress(
        `run ${run}/${opts.runs}: drain ${opts.queueMessages} queued → started: SQS ${results.queues.sqs.at(-1)!.toFixed(0)}/s, Kafka ${results.queues.kafka.at(-1)!.toFixed(0)}/s`,
      );
    }
    await Promise.all(brokers.splice(0).map((b) => b.stop()));
    progress('scenario 11: the registry (PostgreSQL, 1,000 destinations)');
    results.registry = await registryScenario({
      dir,
      logDir,
      address: server.address,
      sinkUrl: sink.url,
      ingest,
      runs: opts.runs,
      bounds: bounds(Math.max(...opts.concurrency)),
      changes: 100,
      progress,
    });
    progress('scenario 12: end to end with tracing exported to a local Jaeger, against off');
    // At least 8 s a side: at c=32 a callback takes about 2 s here, and a shorter run counts a handful of laps.
    results.tracing = await tracingScenario({
      dir,
      logDir,
      hub,
      untraced: { ctx: hubCtx, pids: { worker: worker.child.pid, receiver: receiver.child.pid } },
      runs: opts.runs,
      bounds: { ...e2e, durationMs: Math.max(e2e.durationMs, 8_000) },
      progress,
    });
    progress('scenario 16: end to end with per-destination stats written, against stats off (both on PostgreSQL)');
    results.stats = await statsScenario({
      dir,
      logDir,
      hub,
      sink,
      client,
      runs: opts.runs,
      bounds: { ...e2e, durationMs: Math.max(e2e.durationMs, 8_000) },
      progress,
    });
    progress(`scenario 17: the tenant portal's pages with 1,000 endpoints and ${opts.portalEvents} events`);
    results.portal = await portalScenario(portal);
    if (opts.cluster) {
      // After the dev-server scenarios, with every dev-server process idle: one Temporal at a time on 2 cores.
      progress('scenario 13: floor and end to end on temporal-server + PostgreSQL, 1 and 2 worker processes');
      results.cluster = await clusterScenario({ dir, logDir, sink, runs: opts.runs, bounds: e2e, progress });
    }
    results.fairness = await fairnessScenario(pools.hub, sink);
    progress(
      `cost: ${results.cost.map((c) => `D=${c.destinations}: ${c.actions} actions, ${c.historyEvents} events`).join('; ')}`,
    );
    await Promise.all(Object.values(pools).map((p) => p.close()));
    await library.close();
    await connection.close();
    const written = writeReport(results, opts.out, Date.now() - started);
    console.log(written.table);
    progress(`wrote ${written.files.join(', ')} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
    await Promise.all(brokers.map((b) => b.stop()));
    await sink.close();
    await server.stop();
  }
}

/** Scenario 14: the rate limiter's accuracy (each run), then one held delivery watched for 30 s. */
async function protectionScenario(pool: Pool, sink: BenchSink, client: Client, runs: number) {
  const rateLimit: RateLimitRun[] = [];
  for (let run = 1; run <= runs; run++) {
    rateLimit.push(await rateLimitAccuracy(pool, sink, 200, `r${run}`));
    const r = rateLimit[rateLimit.length - 1];
    progress(
      `run ${run}/${runs}: 200 at ${LIMITED_PER_SECOND}/s took ${r.seconds.toFixed(1)} s, observed ÷ configured ${r.observedToConfigured.toFixed(2)}, busiest second ${r.busiestSecond}`,
    );
  }
  const held = await heldDeliveryCost(pool, client, 30);
  progress(
    `held delivery (paused destination), ${held.waitedSeconds} s: ${held.historyEventsAdded} history events added (${held.historyEventsAtStart} before), ${held.looksPerMinute.toFixed(1)} looks/min`,
  );
  return { rateLimit, held };
}

/** Scenario 15, last of all: tenant A's backlog is left to the server's stop. */
async function fairnessScenario(pool: Pool, sink: BenchSink) {
  progress("scenario 15: tenant B's latency, idle and during tenant A's burst of 2,000 to a slow destination");
  const f = await fairnessBurst(pool, sink);
  progress(
    `fairness (${f.mode} slots): B p50 idle ${f.idleP50.toFixed(0)} ms, during the burst ${f.busyP50.toFixed(0)} ms (${f.ratio.toFixed(2)}×)`,
  );
  return f;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
