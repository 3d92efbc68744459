// Scenario 18's contestants, each started as real OS processes on loopback ports: Barrage (dev
// server, receiver, worker), the pg-boss and BullMQ reference dispatchers (api, worker, store), and
// the bare node:http server. Each can be killed -9 in its worker and its store and started again.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'undici';
import { PROJECT_ROOT } from '../../src/config';
import { startPostgres } from '../../src/devtools/postgres';
import { freePort } from '../../src/net/free-port';
import { startDevServer, type DevServer } from '../../src/temporal/dev-server';
import { receiverUrl, startNode, startRole, writeConfig, type Proc } from '../processes';
import { httpPool } from '../scenarios';
import { purgePgBoss, purgeRedis } from './purge';
import { startRedis } from './redis';
import { peerHubConfig, peerSettings, type Registry } from './registry';
import type { PeerSettings } from './settings';

const PEER_MAIN = join(PROJECT_ROOT, 'dist', 'bench', 'peers', 'main.js');
const BASELINE = join(PROJECT_ROOT, 'dist', 'bench', 'baseline-server.js');

export interface System {
  name: string;
  /** Receives POST /v1/events while nothing delivers (accept figures). */
  acceptPool: Pool;
  /** Receives POST /v1/events with its worker running. */
  pool?: Pool;
  /** Processes whose CPU counts (each with its children). */
  pids(): Record<string, number | undefined>;
  /** kill -9 of the worker and of the store, then both started again; what happened, for the log. */
  crash?(pauseMs: number): Promise<string>;
  stop(): Promise<void>;
}

export interface SystemContext {
  dir: string;
  logDir: string;
  registry: Registry;
  cliPath: string;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startBarrage(ctx: SystemContext): Promise<System> {
  const port = await freePort();
  const options = {
    cliPath: ctx.cliPath,
    ip: '127.0.0.1',
    port,
    headless: true,
    dbFile: join(ctx.dir, 'peers-temporal.db'),
    namespaces: ['bench-peers'],
  };
  let server: DevServer = await startDevServer(options);
  const hub = peerHubConfig(server.address, ctx.registry);
  const accept = { ...hub, temporal: { ...hub.temporal, taskQueue: 'peers-accept-only' } };
  const file = writeConfig(ctx.dir, 'peers-hub', hub);
  const [receiver, acceptReceiver] = await Promise.all([
    startRole('receiver', file, ctx.logDir, 'peers-receiver'),
    startRole('receiver', writeConfig(ctx.dir, 'peers-accept', accept), ctx.logDir, 'peers-accept-receiver'),
  ]);
  let worker: Proc = await startRole('worker', file, ctx.logDir, 'peers-worker');
  const acceptPool = httpPool(receiverUrl(acceptReceiver), 128);
  const pool = httpPool(receiverUrl(receiver), 128);
  return {
    name: 'Barrage',
    acceptPool,
    pool,
    pids: () => ({ temporal: server.process.pid, worker: worker.child.pid, receiver: receiver.child.pid }),
    async crash(pauseMs) {
      worker.child.kill('SIGKILL');
      server.process.kill('SIGKILL');
      await Promise.all([exited(worker.child), exited(server.process)]);
      await pause(pauseMs);
      server = await startDevServer(options);
      worker = await startRole('worker', file, ctx.logDir, 'peers-worker');
      return 'Barrage: worker and Temporal dev server killed -9, started again';
    },
    async stop() {
      await Promise.all([acceptPool.close(), pool.close()]);
      await Promise.all([worker.stop(), receiver.stop(), acceptReceiver.stop()]);
      await server.stop();
    },
  };
}

function exited(child: { exitCode: number | null; signalCode: string | null; once(e: 'exit', f: () => void): unknown }) {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));
}

interface Store {
  url: string;
  pid(): number | undefined;
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

async function startPeer(
  name: string,
  ctx: SystemContext,
  store: Store,
  settings: PeerSettings,
  purge: () => Promise<void>,
): Promise<PeerSystem> {
  const file = join(ctx.dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(settings));
  const tag = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const startApi = () => startNode(`${tag}-api`, [PEER_MAIN, 'api', file], ctx.logDir, /peer api listening/);
  const startWorker = () => startNode(`${tag}-worker`, [PEER_MAIN, 'worker', file], ctx.logDir, /peer worker running/);
  const api = await startApi();
  // The worker starts only for delivery: accepts are measured with nothing taking jobs, as Barrage's are.
  let worker: Proc | undefined;
  const acceptPool = httpPool(receiverUrl(api), 128);
  const system: System = {
    name,
    acceptPool,
    pids: () => ({ store: store.pid(), api: api.child.pid, worker: worker?.child.pid }),
    async crash(pauseMs) {
      worker?.child.kill('SIGKILL');
      await store.kill();
      if (worker) await exited(worker.child);
      await pause(pauseMs);
      await store.start();
      worker = await startWorker();
      return `${name}: worker and store killed -9, started again`;
    },
    async stop() {
      await acceptPool.close();
      await Promise.all([api.stop(), worker?.stop()]);
      await store.stop();
    },
  };
  return Object.assign(system, {
    async deliver() {
      await purge();
      worker = await startWorker();
      system.pool = acceptPool;
    },
  });
}

/** A peer's worker starts only by `deliver()`, after the accept figures; their jobs are dropped first. */
export type PeerSystem = System & { deliver(): Promise<void> };

export async function startPgBoss(ctx: SystemContext): Promise<PeerSystem> {
  // Its own directory: PostgreSQL runs as its own user when the bench runs as root, and the run's
  // directory is private to this user.
  const root = mkdtempSync(join(tmpdir(), 'barrage-bench-pgboss-'));
  chmodSync(root, 0o755);
  // fsync on, as a production database: what it acknowledged is on disk.
  const postgres = await startPostgres({ port: await freePort(), dir: join(root, 'postgres'), fsync: true });
  const store = { ...postgres, stop: () => postgres.stop().then(() => rmSync(root, { recursive: true, force: true })) };
  const settings = peerSettings('pgboss', postgres.url, ctx.registry);
  return startPeer('pg-boss', ctx, store, settings, () => purgePgBoss(postgres.url));
}

export async function startBullMq(ctx: SystemContext, appendfsync: 'everysec' | 'always'): Promise<PeerSystem> {
  const dir = join(ctx.dir, `redis-${appendfsync}`);
  mkdirSync(dir, { recursive: true });
  const redis = await startRedis({ port: await freePort(), dir, appendfsync });
  const settings = peerSettings('bullmq', redis.url, ctx.registry);
  return startPeer(`BullMQ (AOF ${appendfsync})`, ctx, redis, settings, () => purgeRedis(redis.url));
}

export async function startBare(ctx: SystemContext): Promise<System> {
  const baseline = await startNode('peers-baseline', [BASELINE], ctx.logDir, /receiver listening/);
  const acceptPool = httpPool(receiverUrl(baseline), 128);
  return {
    name: 'bare node:http',
    acceptPool,
    pids: () => ({ server: baseline.child.pid }),
    async stop() {
      await acceptPool.close();
      await baseline.stop();
    },
  };
}
