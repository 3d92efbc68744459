// One Temporal Worker per tenant namespace over one shared native connection. The set follows the
// registry: a tenant created at runtime is served within a second or two of the change, a deleted
// one stops being served, and nothing restarts.
import type { NativeConnection } from '@temporalio/worker';
import { Worker } from '@temporalio/worker';
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

export class WorkerSet {
  private readonly running = new Map<string, { worker: Worker; done: Promise<void> }>();
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
      if (this.running.has(ns)) continue;
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
