// `npm run bench -- --cluster`: the floor and end-to-end scenarios on the production topology
// (temporal-server on PostgreSQL, 8 history shards, SQL visibility), with one and with two worker
// processes, next to the same scenarios on the dev server measured in the same run. The server's
// own metrics give its work per callback: persistence requests and billable actions.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { startPostgres } from '../src/devtools/postgres';
import { freeClusterPorts, prepareDatabases, startTemporalServer } from '../src/devtools/temporal-cluster';
import { freePort } from '../src/net/free-port';
import { hubConfig, NAMESPACE } from './hub-config';
import { cpuShare, FLOOR_WORKER, receiverUrl, startNode, startRole, writeConfig, type Proc } from './processes';
import * as s from './scenarios';
import type { BenchSink } from './sink';
import { serverCounters, treeCpuSeconds, type ServerCounters } from './server-metrics';
import { serverWorkPerCallback, type ServerWork } from './capacity';

export interface ClusterFigures {
  workers: number;
  /** POST /v1/events at c=1 to a receiver whose task queue no worker polls (scenario 2's setup). */
  acceptAtOne: s.Throughput;
  floor: s.Throughput;
  e2e: s.EndToEnd;
  /** Cores each process used during the end-to-end run (PostgreSQL: all its processes). */
  e2eCores: Record<string, number>;
  /** The server's own counters over the end-to-end run, per delivered callback. */
  perCallback: ServerCounters;
}

export interface ClusterResults {
  shards: number;
  runs: ClusterFigures[][];
  /** Server work per callback at D = 1 and D = 3 (one worker process), for the capacity model. */
  serverWork: ServerWork[];
}

export interface ClusterContext {
  dir: string;
  logDir: string;
  sink: BenchSink;
  runs: number;
  bounds: s.Bounds;
  progress: (msg: string) => void;
}

const SHARDS = 8;
const ROUTE = { type: 'e2e.cluster', path: '/one' };

export async function clusterScenario(ctx: ClusterContext): Promise<ClusterResults> {
  // Its own directory: PostgreSQL runs as its own user when the bench runs as root, and the run's
  // directory is private to this user.
  const root = mkdtempSync(join(tmpdir(), 'barrage-bench-cluster-'));
  chmodSync(root, 0o755);
  // fsync on, as in production: what the server acknowledged is on disk.
  const postgres = await startPostgres({ port: await freePort(), dir: join(root, 'postgres'), fsync: true });
  const procs: Proc[] = [];
  try {
    await prepareDatabases(postgres.port);
    const ports = await freeClusterPorts();
    const server = await startTemporalServer({ dir: join(root, 'temporal'), postgresPort: postgres.port, ports, shards: SHARDS });
    const metricsUrl = `http://127.0.0.1:${ports.metrics}/metrics`;
    const hub = hubConfig({ address: server.address, taskQueue: 'barrage-bench', sinkUrl: ctx.sink.url, maxFanout: 10 }, []);
    const config = writeConfig(ctx.dir, 'cluster-hub', hub);
    // The first worker registers the namespace and its search attributes; the floor workers need it.
    const worker = await startRole('worker', config, ctx.logDir, 'cluster-worker-1');
    const receiver = await startRole('receiver', config, ctx.logDir, 'cluster-receiver');
    const acceptOnly = writeConfig(ctx.dir, 'cluster-accept', {
      ...hub,
      temporal: { ...hub.temporal, taskQueue: 'accept-only' },
    });
    const acceptReceiver = await startRole('receiver', acceptOnly, ctx.logDir, 'cluster-accept-receiver');
    const floor = await startFloorWorker(server.address, ctx.logDir, 1);
    procs.push(worker, receiver, acceptReceiver, floor);
    const connection = await Connection.connect({ address: server.address });
    const client = new Client({ connection, namespace: NAMESPACE });
    const pool = s.httpPool(receiverUrl(receiver), 256);
    const acceptPool = s.httpPool(receiverUrl(acceptReceiver), 4);
    const hubCtx = { pool, sink: ctx.sink, client };
    ctx.progress(`cluster ready at ${server.address} (${SHARDS} shards); warm-up`);
    await s.floorTopology(client, 'floor', { ...ctx.bounds, durationMs: 1000 }, 'cluster-warm');
    await s.endToEnd(hubCtx, ROUTE, { ...ctx.bounds, durationMs: 1000 });
    const runs: ClusterFigures[][] = [];
    for (let run = 1; run <= ctx.runs; run++) {
      const figures: ClusterFigures[] = [];
      for (const workers of [1, 2]) {
        // The second worker of each kind runs only while two are measured.
        const extra = workers === 2 ? await startSecondWorkers(config, server.address, ctx.logDir, run) : [];
        try {
          const pids = {
            'temporal-server': server.pid(),
            PostgreSQL: postgres.pid(),
            'worker 1': worker.child.pid,
            ...(extra[0] ? { 'worker 2': extra[0].child.pid } : {}),
            receiver: receiver.child.pid,
          };
          const acceptAtOne = await s.httpAccepts(acceptPool, { ...ctx.bounds, concurrency: 1 });
          const floorRun = await s.floorTopology(client, 'floor', ctx.bounds, `cluster-r${run}-w${workers}`);
          const before = await serverCounters(metricsUrl);
          const measured = await cpuShare(pids, () => s.endToEnd(hubCtx, ROUTE, ctx.bounds), treeCpuSeconds);
          const after = await serverCounters(metricsUrl);
          const per = (k: keyof ServerCounters) => (after[k] - before[k]) / Math.max(1, measured.result.completed);
          figures.push({
            workers,
            acceptAtOne,
            floor: floorRun,
            e2e: measured.result,
            e2eCores: measured.cores,
            perCallback: { persistenceRequests: per('persistenceRequests'), actions: per('actions') },
          });
          ctx.progress(
            `cluster run ${run}/${ctx.runs}, ${workers} worker process(es): accept c=1 p99 ${acceptAtOne.p99.toFixed(1)} ms, floor ${floorRun.perSecond.toFixed(1)}/s, end-to-end ${measured.result.perSecond.toFixed(1)}/s, ${per('persistenceRequests').toFixed(1)} persistence requests and ${per('actions').toFixed(1)} actions per callback`,
          );
        } finally {
          await Promise.all(extra.map((p) => p.stop()));
        }
      }
      runs.push(figures);
    }
    const capacity = { pool, sink: ctx.sink, client, metricsUrl, pids: { server: server.pid(), postgres: postgres.pid() } };
    const serverWork = [await serverWorkPerCallback(capacity, 1), await serverWorkPerCallback(capacity, 3)];
    ctx.progress(
      `cluster server work per callback: ${serverWork.map((w) => `D=${w.destinations}: ${w.persistenceRequests.toFixed(1)} persistence requests, ${w.serverCpuMs.toFixed(0)} ms server CPU, ${w.postgresCpuMs.toFixed(0)} ms PostgreSQL CPU`).join('; ')}`,
    );
    await Promise.all([pool.close(), acceptPool.close()]);
    await connection.close();
    await Promise.all(procs.splice(0).map((p) => p.stop()));
    await server.stop();
    return { shards: SHARDS, runs, serverWork };
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
    await postgres.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

function startFloorWorker(address: string, logDir: string, n: number): Promise<Proc> {
  return startNode(`cluster-floor-${n}`, [FLOOR_WORKER, address, NAMESPACE, 'floor'], logDir, /floor worker running/);
}

async function startSecondWorkers(config: string, address: string, logDir: string, run: number): Promise<Proc[]> {
  return Promise.all([
    startRole('worker', config, logDir, `cluster-worker-2-r${run}`),
    startFloorWorker(address, logDir, 2 * 100 + run),
  ]);
}
