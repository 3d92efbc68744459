// One Temporal Worker per tenant namespace over one shared native connection. The set follows the
// registry: a tenant created at runtime is served within a second or two of the change, a deleted
// one stops being served, and nothing restarts.
import type { NativeConnection } from '@temporalio/worker';
import { Worker, type WorkerOptions } from '@temporalio/worker';
import type { Context as ActivityContext } from '@temporalio/activity';
import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import { createActivities } from '../../activities';
import { WORKFLOW_INTERCEPTOR_MODULES, workflowSource } from '../temporal/bundle';
import { tracing } from '../telemetry/tracing';
import { missingSearchAttributes, namespaceSetupHint } from '../temporal/namespaces';
import type { WorkerRoleOptions } from './worker';
import { workerSinks } from './worker-sinks';
import { configureRateLimitedQueue, rateLimitsOf } from './rate-limited-queue';
import { rateLimitedTaskQueue } from '../contracts';
import { adaptiveWorkflowSlots, BusyNamespaces } from './adaptive-slots';
import { VEGAS_DEFAULTS } from '../base/vegas-limit';

const RESYNC_AFTER_FAILURE_MS = 2_000;
const MAX_RESYNC_MS = 60_000;

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

interface Running {
  worker: Worker;
  done: Promise<void>;
}

/** A namespace's workers: the main one, and the rate-limited queue's once a destination has a limit. */
interface Served extends Running {
  limited?: Running & { applied: Map<string, number> };
}

export class WorkerSet {
  private readonly running = new Map<string, Served>();
  /** Which namespaces had workflow tasks lately: fairness between them applies only then. */
  private readonly busy = new BusyNamespaces();
  private readonly activities;
  private syncing: Promise<void> = Promise.resolve();
  private failures = 0;
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
      if (this.running.has(ns)) {
        await this.followRateLimits(ns).catch((err: unknown) => {
          retry = true;
          this.options.logger.error({ err, namespace: ns }, 'could not apply destination rate limits; retrying');
        });
        continue;
      }
      await this.start(ns).catch(async (err: unknown) => {
        retry = true;
        await this.reportStartFailure(ns, err);
      });
    }
    if (!retry) this.failures = 0;
    else setTimeout(() => void this.sync(), this.nextResync()).unref();
  }

  /** 2 s, doubling to a minute while a namespace keeps failing (one that does not exist yet may take days). */
  private nextResync(): number {
    this.failures++;
    return Math.min(RESYNC_AFTER_FAILURE_MS * 2 ** (this.failures - 1), MAX_RESYNC_MS);
  }

  private async reportStartFailure(namespace: string, err: unknown): Promise<void> {
    const missing = await missingSearchAttributes(this.connection, namespace).catch(() => []);
    const { logger } = this.options;
    if (missing === undefined || missing.length > 0) {
      const problem = missing === undefined ? 'does not exist' : `lacks search attributes`;
      const hint = namespaceSetupHint(namespace, missing);
      logger.warn({ namespace }, `namespace ${namespace} ${problem}: ${hint}; serving it once it does`);
    } else logger.error({ err, namespace }, 'worker for namespace failed to start; retrying');
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
      ...this.slotOptions(namespace),
      maxCachedWorkflows: config.worker.maxCachedWorkflows,
      shutdownGraceTime: config.worker.shutdownGrace,
      ...traced(exporting && 'workflowsPath' in source),
      sinks: workerSinks(this.options.activityDeps.metrics),
    });
    this.running.set(namespace, this.runWorker(worker));
    this.options.logger.info({ namespace }, 'worker serving namespace');
    await this.followRateLimits(namespace);
  }

  /** Fixed slots, or a tuner whose workflow-task slots follow the namespace's round trips (adaptive-slots.ts). */
  private slotOptions(namespace: string): Partial<WorkerOptions> {
    const { worker } = this.options.config;
    if (!worker.adaptiveWorkflowTasks) {
      return {
        maxConcurrentActivityTaskExecutions: worker.maxConcurrentActivities,
        maxConcurrentWorkflowTaskExecutions: worker.maxConcurrentWorkflowTasks,
      };
    }
    const gauge = this.options.activityDeps.metrics?.workflowTaskLimit.labels({ namespace });
    const max = worker.maxConcurrentWorkflowTasks;
    const workflowTaskSlotSupplier = adaptiveWorkflowSlots({
      namespace,
      busy: this.busy,
      vegas: { ...VEGAS_DEFAULTS, max, initial: Math.min(VEGAS_DEFAULTS.initial, max) },
      onLimit: (n) => gauge?.set(n),
    });
    const fixed = (numSlots: number) => ({ type: 'fixed-size' as const, numSlots });
    return {
      tuner: {
        workflowTaskSlotSupplier,
        activityTaskSlotSupplier: fixed(worker.maxConcurrentActivities),
        // Barrage runs no local activities or Nexus operations; the SDK wants a supplier for each.
        localActivityTaskSlotSupplier: fixed(1),
        nexusTaskSlotSupplier: fixed(1),
      },
    };
  }

  /** A worker that dies on its own (not stopped here) takes the role down, as before. */
  private runWorker(worker: Worker): Running {
    return { worker, done: worker.run().catch((err: unknown) => this.fail(err)) };
  }

  /**
   * Serves the namespace's rate-limited queue from its first rate-limited destination on, and keeps
   * the queue's weights in step with the limits. The queue is configured before it is served, so
   * no attempt on it ever runs unlimited; once served it stays served (attempts may wait there).
   */
  private async followRateLimits(namespace: string): Promise<void> {
    const served = this.running.get(namespace);
    if (!served) return;
    const tenant = this.options.registry.current().tenants.find((t) => t.namespace === namespace);
    const wanted = rateLimitsOf(tenant);
    if (!served.limited && wanted.size === 0) return;
    const { config, activityDeps } = this.options;
    const target = { namespace, taskQueue: config.temporal.taskQueue };
    await configureRateLimitedQueue(this.connection, target, wanted, served.limited?.applied);
    if (!served.limited) {
      const worker = await Worker.create({
        connection: this.connection,
        namespace,
        taskQueue: rateLimitedTaskQueue(config.temporal.taskQueue),
        activities: this.activities,
        maxConcurrentActivityTaskExecutions: config.worker.maxConcurrentActivities,
        shutdownGraceTime: config.worker.shutdownGrace,
        ...traced(false),
        sinks: workerSinks(activityDeps.metrics),
      });
      served.limited = { ...this.runWorker(worker), applied: new Map() };
      this.options.logger.info({ namespace }, 'worker serving the rate-limited queue');
    }
    served.limited.applied = new Map(wanted);
  }

  private async stop(namespace: string): Promise<void> {
    const entry = this.running.get(namespace);
    if (!entry) return;
    this.running.delete(namespace);
    const workers = [entry, ...(entry.limited ? [entry.limited] : [])];
    for (const { worker } of workers) if (worker.getState() === 'RUNNING') worker.shutdown();
    await Promise.all(workers.map((w) => w.done));
    if (!this.options.signal.aborted) this.options.logger.info({ namespace }, 'worker stopped serving namespace');
  }
}
