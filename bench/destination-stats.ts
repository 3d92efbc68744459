// Scenario 16: what per-destination stats cost. Scenario 4's end-to-end loop against two worker +
// receiver pairs on one private PostgreSQL registry, the same but for `stats.enabled`, alternated
// run by run. Besides callbacks per second, the CPU the Barrage processes spend per callback; and
// the stats side is read back afterwards, to show it really wrote what it delivered.
import type { Client } from '@temporalio/client';
import { startPostgres } from '../src/devtools/postgres';
import { freePort } from '../src/net/free-port';
import { newEncryptionKey } from '../src/store/secret-box';
import { API_KEY } from './hub-config';
import { cpuShare, receiverUrl, startRole, writeConfig, type Proc } from './processes';
import { endToEnd, httpPool, type Bounds, type EndToEnd } from './scenarios';
import type { BenchSink } from './sink';

export interface StatsSide extends EndToEnd {
  /** CPU milliseconds the worker and receiver spent per delivered callback. */
  cpuMsPerCallback: number;
}

export interface StatsResults {
  concurrency: number;
  durationMs: number;
  runs: { off: StatsSide; on: StatsSide }[];
  /** What GET /v1/stats of the stats side counted, and how many callbacks it was sent. */
  readBack: { attempts: number; delivered: number; sent: number };
}

export interface StatsContext {
  dir: string;
  logDir: string;
  /** The hub config of scenario 4; each pair gets its own task queue and the database. */
  hub: { temporal: Record<string, unknown> } & Record<string, unknown>;
  sink: BenchSink;
  client: Client;
  runs: number;
  bounds: Bounds;
  progress: (msg: string) => void;
}

const ROUTE = { type: 'e2e.stats', path: '/one' };

interface Pair {
  ctx: { pool: ReturnType<typeof httpPool>; sink: BenchSink; client: Client };
  pids: { worker: number | undefined; receiver: number | undefined };
}

export async function statsScenario(ctx: StatsContext): Promise<StatsResults> {
  const postgres = await startPostgres({ port: await freePort() });
  const procs: Proc[] = [];
  try {
    const database = { url: postgres.url };
    const security = { ...(ctx.hub.security as Record<string, unknown>), encryptionKey: newEncryptionKey() };
    const pair = async (name: string, enabled: boolean): Promise<Pair> => {
      const config = writeConfig(ctx.dir, name, {
        ...ctx.hub,
        database,
        security,
        stats: { enabled },
        temporal: { ...ctx.hub.temporal, taskQueue: `barrage-bench-${name}` },
      });
      const [worker, receiver] = await Promise.all([
        startRole('worker', config, ctx.logDir, `${name}-worker`),
        startRole('receiver', config, ctx.logDir, `${name}-receiver`),
      ]);
      procs.push(worker, receiver);
      const pool = httpPool(receiverUrl(receiver), 256);
      return {
        ctx: { pool, sink: ctx.sink, client: ctx.client },
        pids: { worker: worker.child.pid, receiver: receiver.child.pid },
      };
    };
    const off = await pair('stats-off', false);
    const on = await pair('stats-on', true);
    await endToEnd(off.ctx, ROUTE, { ...ctx.bounds, durationMs: 1000 });
    // The warm-up of the stats side is counted too: the read-back compares every callback it delivered.
    let sent = (await endToEnd(on.ctx, ROUTE, { ...ctx.bounds, durationMs: 1000 })).completed;
    const runs: StatsResults['runs'] = [];
    for (let run = 1; run <= ctx.runs; run++) {
      const [first, second] = run % 2 === 1 ? [off, on] : [on, off];
      const a = await measure(first, ctx.bounds);
      const b = await measure(second, ctx.bounds);
      const [offRun, onRun] = run % 2 === 1 ? [a, b] : [b, a];
      sent += onRun.completed;
      runs.push({ off: offRun, on: onRun });
      ctx.progress(
        `run ${run}/${ctx.runs}: stats off ${offRun.perSecond.toFixed(1)}/s, ${offRun.cpuMsPerCallback.toFixed(1)} CPU ms each; on ${onRun.perSecond.toFixed(1)}/s, ${onRun.cpuMsPerCallback.toFixed(1)} CPU ms each`,
      );
    }
    const readBack = await readStats(on, sent);
    await Promise.all([off, on].map((p) => p.ctx.pool.close()));
    return { concurrency: ctx.bounds.concurrency, durationMs: ctx.bounds.durationMs, runs, readBack };
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
    await postgres.stop();
  }
}

async function measure(pair: Pair, bounds: Bounds): Promise<StatsSide> {
  const started = performance.now();
  const { result, cores } = await cpuShare(pair.pids, () => endToEnd(pair.ctx, ROUTE, bounds));
  const seconds = (performance.now() - started) / 1000;
  return { ...result, cpuMsPerCallback: ((cores.worker + cores.receiver) * seconds * 1000) / Math.max(1, result.completed) };
}

/** After a flush interval and a little: the stats side's tenant-wide count for the last hour. */
async function readStats(pair: Pair, sent: number): Promise<StatsResults['readBack']> {
  await new Promise((r) => setTimeout(r, 2_000));
  const res = await pair.ctx.pool.request({ path: '/v1/stats', method: 'GET', headers: { authorization: `Bearer ${API_KEY}` } });
  const body = (await res.body.json()) as { attempts: number; delivered: number };
  if (res.statusCode !== 200) throw new Error(`GET /v1/stats answered ${res.statusCode}`);
  return { attempts: body.attempts, delivered: body.delivered, sent };
}
