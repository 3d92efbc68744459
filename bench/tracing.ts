// Scenario 12: what tracing costs. Scenario 4's end-to-end loop against a second worker and
// receiver that export every span (sampler always on) over OTLP to a local Jaeger, alternated run
// by run with the untraced pair so both see the same machine state. Throughput alone hides the
// price while the Temporal server is the bottleneck, so the CPU the Barrage processes spend per
// callback is measured too; Jaeger runs on the same cores and its share is reported beside it.
import type { Client } from '@temporalio/client';
import { freeJaegerPorts, startJaeger } from '../src/devtools/jaeger';
import { cpuShare, receiverUrl, startRole, writeConfig, type Proc } from './processes';
import { endToEnd, httpPool, type Bounds, type EndToEnd } from './scenarios';
import type { BenchSink } from './sink';

export interface TracingSide extends EndToEnd {
  /** CPU milliseconds the worker and receiver spent per delivered callback. */
  cpuMsPerCallback: number;
}

export interface TracingRun {
  off: TracingSide;
  on: TracingSide & { jaegerCores: number };
}

export interface TracingResults {
  concurrency: number;
  durationMs: number;
  runs: TracingRun[];
  /** Traces read back from Jaeger afterwards: proof the export ran, and what one holds. */
  sample: { traces: number; spansPerTraceMedian: number; services: string[] };
}

interface Pair {
  ctx: { pool: ReturnType<typeof httpPool>; sink: BenchSink; client: Client };
  pids: { worker: number | undefined; receiver: number | undefined };
}

export interface TracingContext {
  dir: string;
  logDir: string;
  /** The hub config of scenario 4; the traced pair gets its own task queue. */
  hub: { temporal: Record<string, unknown> } & Record<string, unknown>;
  untraced: Pair;
  runs: number;
  bounds: Bounds;
  progress: (msg: string) => void;
}

const ROUTE = { type: 'e2e.traced', path: '/one' };

export async function tracingScenario(ctx: TracingContext): Promise<TracingResults> {
  const jaeger = await startJaeger(await freeJaegerPorts());
  const procs: Proc[] = [];
  try {
    const config = writeConfig(ctx.dir, 'traced', {
      ...ctx.hub,
      temporal: { ...ctx.hub.temporal, taskQueue: 'barrage-bench-traced' },
    });
    const env = { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: jaeger.otlpEndpoint, OTEL_TRACES_SAMPLER: 'always_on' };
    const [worker, receiver] = await Promise.all([
      startRole('worker', config, ctx.logDir, 'traced-worker', env),
      startRole('receiver', config, ctx.logDir, 'traced-receiver', env),
    ]);
    procs.push(worker, receiver);
    const pool = httpPool(receiverUrl(receiver), 256);
    const traced: Pair = { ctx: { ...ctx.untraced.ctx, pool }, pids: { worker: worker.child.pid, receiver: receiver.child.pid } };
    await endToEnd(traced.ctx, ROUTE, { ...ctx.bounds, durationMs: 1000 });
    const runs: TracingRun[] = [];
    for (let run = 1; run <= ctx.runs; run++) {
      // Alternate which goes first, so neither side always runs on a cooler machine.
      const off = () => measure(ctx.untraced, jaeger.pid, ctx.bounds);
      const on = () => measure(traced, jaeger.pid, ctx.bounds);
      const [a, b] = run % 2 === 1 ? [await off(), await on()] : [await on(), await off()];
      const [offRun, onRun] = run % 2 === 1 ? [a, b] : [b, a];
      runs.push({ off: offRun.side, on: { ...onRun.side, jaegerCores: onRun.jaegerCores } });
      ctx.progress(
        `run ${run}/${ctx.runs}: tracing off ${offRun.side.perSecond.toFixed(1)}/s, ${offRun.side.cpuMsPerCallback.toFixed(1)} CPU ms each; on ${onRun.side.perSecond.toFixed(1)}/s, ${onRun.side.cpuMsPerCallback.toFixed(1)} CPU ms each (Jaeger ${onRun.jaegerCores.toFixed(2)} cores)`,
      );
    }
    await pool.close();
    return {
      concurrency: ctx.bounds.concurrency,
      durationMs: ctx.bounds.durationMs,
      runs,
      sample: await sampleTraces(jaeger.queryUrl),
    };
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
    await jaeger.stop();
  }
}

async function measure(pair: Pair, jaegerPid: number | undefined, bounds: Bounds) {
  const started = performance.now();
  const { result, cores } = await cpuShare({ ...pair.pids, jaeger: jaegerPid }, () => endToEnd(pair.ctx, ROUTE, bounds));
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = ((cores.worker + cores.receiver) * seconds * 1000) / Math.max(1, result.completed);
  return { side: { ...result, cpuMsPerCallback: cpuMs }, jaegerCores: cores.jaeger };
}

/** A sample of the callbacks' traces Jaeger holds: each should span both processes. */
async function sampleTraces(queryUrl: string): Promise<TracingResults['sample']> {
  const res = await fetch(`${queryUrl}/api/traces?service=barrage-receiver&operation=barrage.accept&limit=20&lookback=1h`);
  if (!res.ok) throw new Error(`Jaeger search answered ${res.status}`);
  const traces = ((await res.json()) as { data: JaegerTrace[] }).data;
  if (traces.length === 0) throw new Error('Jaeger holds no Barrage trace: the traced pair exported nothing');
  const spans = traces.map((t) => t.spans.length).sort((a, b) => a - b);
  const services = [...new Set(traces.flatMap((t) => Object.values(t.processes).map((p) => p.serviceName)))].sort();
  return { traces: traces.length, spansPerTraceMedian: spans[Math.floor(spans.length / 2)], services };
}

interface JaegerTrace {
  spans: unknown[];
  processes: Record<string, { serviceName: string }>;
}
