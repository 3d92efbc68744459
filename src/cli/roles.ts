// The composition root shared by `barrage dev` and `barrage start`: builds each requested role.
import type { BarrageConfig } from '../config';
import { closeDrivers, createDrivers, type DriverRegistry } from '../destinations/registry';
import { startReceiver, type RunningReceiver } from '../receiver/server';
import type { Connection } from '@temporalio/client';
import { createIngest } from '../ingest/ingest';
import type { QueuePoller } from '../sources/poller';
import { createPollers, hasQueueSources } from '../sources/registry';
import { connectWithRetry, TenantClients } from '../temporal/clients';
import { ensureNamespace } from '../temporal/namespaces';
import { runWorkers } from '../temporal/worker';
import { destinationLookup, type Registry } from '../registry/live';
import { createMetrics, type Metrics } from '../telemetry/metrics';
import { trackPollers } from '../telemetry/poller-metrics';
import { serveMetrics } from '../telemetry/metrics-server';
import type { Logger } from '../telemetry/logger';
import type { Role } from './role-names';
import { USER_AGENT } from '../version';

export interface RunRolesOptions {
  config: BarrageConfig;
  registry: Registry;
  roles: Role[];
  address: string;
  logger: Logger;
  signal: AbortSignal;
  onReceiver?: (receiver: RunningReceiver) => void;
  onWorkerRunning?: (namespaces: string[]) => void;
  onPollers?: (pollers: QueuePoller[]) => void;
  /** Replaces built-in drivers (tests: a driver that misbehaves on purpose). */
  drivers?: Partial<DriverRegistry>;
  /** One registry for every role of this process (default: a new one). */
  metrics?: Metrics;
}

/** Runs until the signal aborts; then stops taking work, finishes what is in flight, and returns. */
export async function runRoles(options: RunRolesOptions): Promise<void> {
  const { config, logger, registry } = options;
  const metrics = options.metrics ?? createMetrics();
  // One role failing stops the others too, before the shared connection closes under them.
  const stopAll = new AbortController();
  const signal = AbortSignal.any([options.signal, stopAll.signal]);
  const connection = await connectWithRetry(options.address, 60_000, () =>
    logger.warn({ address: options.address }, 'waiting for Temporal'),
  );
  if (config.temporal.manageNamespaces) {
    for (const namespace of registry.current().namespaces()) {
      await ensureNamespace(connection, namespace, { retentionMs: config.temporal.namespaceRetention });
    }
  }
  const tasks: Promise<void>[] = [];
  // A receiver serves /metrics on its own port; a process without one may serve it on telemetry.metricsPort.
  const { metricsPort, metricsHost } = config.telemetry;
  const metricsServer =
    metricsPort > 0 && !options.roles.includes('receiver')
      ? await serveMetrics(metrics, { host: metricsHost, port: metricsPort }, logger)
      : undefined;
  let drivers: DriverRegistry | undefined;
  if (options.roles.includes('worker')) {
    drivers = {
      ...(await createDrivers({
        allowPrivateDestinations: config.security.allowPrivateDestinations,
        userAgent: USER_AGENT,
        logger,
      })),
      ...options.drivers,
    };
    tasks.push(
      runWorkers({
        config,
        registry,
        address: options.address,
        signal,
        logger,
        activityDeps: { destinations: destinationLookup(registry), drivers, logger, metrics },
        onRunning: options.onWorkerRunning,
      }),
    );
  }
  if (options.roles.includes('receiver')) {
    const receiver = await startReceiver({ config, registry, connection, logger, metrics });
    options.onReceiver?.(receiver);
    tasks.push(
      new Promise<void>((resolve) => signal.addEventListener('abort', () => void receiver.close().then(resolve), { once: true })),
    );
  }
  if (options.roles.includes('pollers')) {
    const pollers = await startPollers(config, connection, logger, metrics);
    trackPollers(metrics, pollers, logger);
    options.onPollers?.(pollers);
    tasks.push(Promise.all(pollers.map((p) => p.run(signal))).then(() => undefined));
  }
  const failed = tasks.map((task) =>
    task.catch((err: unknown) => {
      stopAll.abort();
      throw err;
    }),
  );
  try {
    const results = await Promise.allSettled(failed);
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
  } finally {
    await metricsServer?.close();
    if (drivers) await closeDrivers(drivers);
    await connection.close();
  }
}

function startPollers(config: BarrageConfig, connection: Connection, logger: Logger, metrics: Metrics): Promise<QueuePoller[]> {
  if (!hasQueueSources(config)) logger.warn('pollers role: no sqs or kafka sources are configured');
  const clients = new TenantClients(connection);
  const ingest = createIngest({ clientFor: (t) => clients.for(t), taskQueue: config.temporal.taskQueue, logger, metrics });
  return createPollers(config, ingest, logger);
}
