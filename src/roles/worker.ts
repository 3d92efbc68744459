// The worker role: one Temporal Worker per tenant namespace (worker-set.ts) over one shared native
// connection, until closed.
import { NativeConnection } from '@temporalio/worker';
import type { ActivityDeps } from '../../activities';
import type { BarrageConfig } from '../config';
import type { Registry } from '../registry/live';
import { credentialsRefused } from '../temporal/auth-errors';
import { tlsProblem, type TemporalConnectionOptions } from '../temporal/connection-options';
import type { Logger } from '../telemetry/logger';
import { handleFor, type RoleHandle } from './role';
import { exposeSdkMetrics } from './worker-runtime';
import { WorkerSet } from './worker-set';

export { installRuntime } from './worker-runtime';
export { workerSinks } from './worker-sinks';

export interface WorkerRoleOptions {
  config: BarrageConfig;
  registry: Registry;
  /** Address, TLS and API key, as every connection of this process uses them. */
  temporal: TemporalConnectionOptions;
  activityDeps: ActivityDeps;
  signal: AbortSignal;
  logger: Logger;
  /** Called once the namespaces known at start are served, e.g. to print "ready". */
  onRunning?: (namespaces: string[]) => void;
}

/** Starts serving every namespace the registry names, and follows it until closed. */
export function startWorker(options: Omit<WorkerRoleOptions, 'signal'>): RoleHandle {
  return handleFor((signal) => runWorkers({ ...options, signal }));
}

async function runWorkers(options: WorkerRoleOptions): Promise<void> {
  await exposeSdkMetrics(options.activityDeps.metrics);
  const { temporal } = options;
  const connection = await NativeConnection.connect(temporal).catch(async (err: unknown) => {
    throw (await tlsProblem(temporal)) ?? credentialsRefused(err, temporal, 'the worker connection') ?? err;
  });
  const set = new WorkerSet(options, connection);
  try {
    await set.run();
  } finally {
    await connection.close();
  }
}
