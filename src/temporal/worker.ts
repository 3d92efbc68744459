// The worker role: one Temporal Worker per tenant namespace over one shared native connection.
import { DefaultLogger, NativeConnection, Runtime, Worker, type LogLevel } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../../activities';
import type { BarrageConfig } from '../config';
import { workflowSource } from './bundle';

export interface WorkerRoleOptions {
  config: BarrageConfig;
  address: string;
  activityDeps: ActivityDeps;
  signal: AbortSignal;
  /** Called once every worker polls, e.g. to print "ready". */
  onRunning?: () => void;
}

let runtimeInstalled = false;

/** The SDK's own runtime logs only warnings and worse; Barrage's logger covers the rest. */
export function installRuntime(level: LogLevel = 'WARN'): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger(level) });
  } catch {
    // Already installed by an embedding process (tests): keep theirs.
  }
}

export async function runWorkers(options: WorkerRoleOptions): Promise<void> {
  installRuntime();
  const connection = await NativeConnection.connect({ address: options.address });
  try {
    const activities = createActivities(options.activityDeps);
    const workers = await Promise.all(
      options.config.tenants.map((tenant) =>
        Worker.create({
          connection,
          namespace: tenant.namespace,
          taskQueue: options.config.temporal.taskQueue,
          ...workflowSource(),
          activities,
          maxConcurrentActivityTaskExecutions: options.config.worker.maxConcurrentActivities,
          maxConcurrentWorkflowTaskExecutions: options.config.worker.maxConcurrentWorkflowTasks,
          maxCachedWorkflows: options.config.worker.maxCachedWorkflows,
        }),
      ),
    );
    const stopped = new Promise<void>((resolve) => {
      if (options.signal.aborted) resolve();
      options.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    const running = Promise.all(workers.map((w) => w.runUntil(stopped)));
    options.onRunning?.();
    await running;
  } finally {
    await connection.close();
  }
}
