// The worker role: one Temporal Worker per tenant namespace over one shared native connection.
// The set follows the registry: a tenant created at runtime is served within a second or two of
// the change, a deleted one stops being served, and nothing restarts.
import { DefaultLogger, NativeConnection, Runtime, Worker, type InjectedSinks, type LogLevel } from '@temporalio/worker';
import type { Sink } from '@temporalio/workflow';
import type { DeliveryFinished } from '../contracts';
import type { Metrics } from '../telemetry/metrics';
import { freePort } from '../net/free-port';
import { createActivities, type ActivityDeps } from '../../activities';
import type { BarrageConfig } from '../config';
import type { Registry } from '../registry/live';
import type { Logger } from '../telemetry/logger';
import type { Context as ActivityContext } from '@temporalio/activity';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import { tracing } from '../telemetry/tracing';
import { WORKFLOW_INTERCEPTOR_MODULES, workflowSource } from './bundle';

export interface WorkerRoleOptions {
  config: BarrageConfig;
  registry: Registry;
  address: string;
  activityDeps: ActivityDeps;
  signal: AbortSignal;
  logger: Logger;
  /** Called once the namespaces known at start are served, e.g. to print "ready". */
  onRunning?: (namespaces: string[]) => void;
}

let runtimeInstalled = false;

/**
 * The SDK's own runtime logs only warnings and worse; Barrage's logger covers the rest. With
 * `metricsAddress` its Prometheus exporter serves the SDK's worker metrics (task slots,
 * schedule-to-start latency, sticky cache) there; true when it was installed with it.
 */
export function installRuntime(level: LogLevel = 'WARN', metricsAddress?: string): boolean {
  if (runtimeInstalled) return false;
  runtimeInstalled = true;
  const metrics = metricsAddress
    ? { metrics: { prometheus: { bindAddress: metricsAddress, countersTotalSuffix: true, useSecondsForDurations: true } } }
    : {};
  try {
    Runtime.install({ logger: new DefaultLogger(level), telemetryOptions: metrics });
    return metricsAddress !== undefined;
  } catch {
    // Already installed by an embedding process (tests): keep theirs.
    return false;
  }
}

const RESYNC_AFTER_FAILURE_MS = 2_000;

/** The SDK's exporter listens on a loopback port of its own; /metrics appends what it serves. */
async function exposeSdkMetrics(metrics: Metrics | undefined): Promise<void> {
  if (!metrics) return void installRuntime();
  const address = `127.0.0.1:${await freePort()}`;
  if (installRuntime('WARN', address)) metrics.sources.push(`http://${address}/metrics`);
}

/** Activity spans, continuing the workflow's trace from the headers (no-ops while nothing is exported). */
function traced(workflowsFromSource: boolean) {
  return {
    interceptors: {
      // The traced prebuilt bundle has the workflow interceptors in it (bundle-cli.ts); source gets them here.
      ...(workflowsFromSource ? { workflowModules: WORKFLOW_INTERCEPTOR_MODULES } : {}),
      activity: [
        (ctx: ActivityContext) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
  };
}

/**
 * The sinks every worker registers: the one Temporal's workflow interceptors export workflow
 * spans through, and Barrage's finished-delivery metrics. Sinks are not called on replay.
 */
export function workerSinks(metrics?: Metrics): InjectedSinks<Record<string, Sink>> {
  const { spanProcessor, resource } = tracing();
  return {
    exporter: makeWorkflowExporter(spanProcessor, resource),
    barrageMetrics: {
      deliveryFinished: {
        fn(_info, finished: DeliveryFinished) {
          const labels = { tenant: finished.tenant, destination: finished.destination };
          metrics?.deliveries.inc({ ...labels, status: finished.status });
          if (finished.status === 'delivered')
            metrics?.deliveryLatency.observe(labels, Math.max(0, Date.now() - Date.parse(finished.receivedAt)) / 1000);
        },
      },
    },
  } as InjectedSinks<Record<string, Sink>>;
}

export async function runWorkers(options: WorkerRoleOptions): Promise<void> {
  await exposeSdkMetrics(options.activityDeps.metrics);
  const connection = await NativeConnection.connect({ address: options.address });
  const set = new WorkerSet(options, connection);
  try {
    await set.run();
  } finally {
    await connection.close();
  }
}

class WorkerSet {
  private readonly running = new Map<string, { worker: Worker; done: Promise<void> }>();
  private readonly activities;
  private syncing: Promise<void> = Promise.resolve();
  private fail!: (err: unknown) => void;

  constructor(
    private readonly options: WorkerRoleOptions,
    private readonly connection: NativeConnection,
  ) {
    this.activities = createActivities(options.activityDeps);
  }

  async run(): Promise<void> {
    const { signal, registry } = this.options;
    const failed = new Promise<never>((_, reject) => (this.fail = reject));
    const stopped = new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
    const unsubscribe = registry.subscribe(() => this.sync());
    try {
      await Promise.race([this.sync(), failed]);
      this.options.onRunning?.([...this.running.keys()]);
      await Promise.race([stopped, failed]);
    } finally {
      unsubscribe();
      await this.syncing;
      await Promise.all([...this.running.keys()].map((ns) => this.stop(ns)));
    }
  }

  /** Serialised: each sync sees the set the previous one left. */
  private sync(): Promise<void> {
    this.syncing = this.syncing.then(() => this.apply()).catch((err: unknown) => this.fail(err));
    return this.syncing;
  }

  private async apply(): Promise<void> {
    if (this.options.signal.aborted) return;
    const wanted = new Set(this.options.registry.current().namespaces());
    for (const ns of this.running.keys()) if (!wanted.has(ns)) await this.stop(ns);
    let retry = false;
    for (const ns of wanted) {
      if (this.running.has(ns)) continue;
      await this.start(ns).catch((err: unknown) => {
        retry = true;
        this.options.logger.error({ err, namespace: ns }, 'worker for namespace failed to start; retrying');
      });
    }
    if (retry) setTimeout(() => void this.sync(), RESYNC_AFTER_FAILURE_MS).unref();
  }

  private async start(namespace: string): Promise<void> {
    const { config } = this.options;
    const { exporting } = tracing();
    const source = workflowSource(exporting);
    const worker = await Worker.create({
      connection: this.connection,
      namespace,
      taskQueue: config.temporal.taskQueue,
      ...source,
      activities: this.activities,
      maxConcurrentActivityTaskExecutions: config.worker.maxConcurrentActivities,
      maxConcurrentWorkflowTaskExecutions: config.worker.maxConcurrentWorkflowTasks,
      maxCachedWorkflows: config.worker.maxCachedWorkflows,
      ...traced(exporting && 'workflowsPath' in source),
      sinks: workerSinks(this.options.activityDeps.metrics),
    });
    // A worker that dies on its own (not stopped here) takes the role down, as before.
    const done = worker.run().catch((err: unknown) => this.fail(err));
    this.running.set(namespace, { worker, done });
    this.options.logger.info({ namespace }, 'worker serving namespace');
  }

  private async stop(namespace: string): Promise<void> {
    const entry = this.running.get(namespace);
    if (!entry) return;
    this.running.delete(namespace);
    if (entry.worker.getState() === 'RUNNING') entry.worker.shutdown();
    await entry.done;
    if (!this.options.signal.aborted) this.options.logger.info({ namespace }, 'worker stopped serving namespace');
  }
}
