// The composition root shared by `barrage dev`, `barrage start` and the tests: one Temporal
// connection, then each requested role (src/roles/), until the signal aborts or a role fails.
import type { Connection } from '@temporalio/client';
import type { BarrageConfig } from '../config';
import { namespaceOptions } from '../config/derived';
import { closeDrivers, createDrivers, type DriverRegistry } from '../destinations/registry';
import { targetOpener } from '../deliveries/targets';
import { createIngest } from '../ingest/ingest';
import { createDisabler } from '../management/auto-disable';
import { createGate } from '../protection/gate';
import { databaseHealthStore, memoryHealthStore } from '../protection/health-store';
import { databaseLeases, memoryLeases } from '../protection/in-flight';
import { databaseTokens, memoryTokens } from '../protection/tokens';
import { destinationLookup, type Registry } from '../registry/live';
import { startPollers } from '../roles/pollers';
import { startReceiver, type RunningReceiver } from '../roles/receiver';
import type { RoleHandle } from '../roles/role';
import { startWorker } from '../roles/worker';
import { createStatsRecorder } from '../stats/recorder';
import { retryDeliveries } from '../events/retry';
import { readCallbackInput } from '../events/status';
import type { QueuePoller } from '../sources/poller';
import { connectWithRetry, TenantClients } from '../temporal/clients';
import { temporalConnectionOptions, type TemporalConnectionOptions } from '../temporal/connection-options';
import { credentialsRefused } from '../temporal/auth-errors';
import { ensureNamespace } from '../temporal/namespaces';
import type { Logger } from '../telemetry/logger';
import { createMetrics, type Metrics } from '../telemetry/metrics';
import { serveMetrics } from '../telemetry/metrics-server';
import { USER_AGENT } from '../version';
import type { Role } from './role-names';

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
  const running = await startRoleSet(options);
  let failure: unknown;
  try {
    await untilStopped(options.signal, running.handles);
  } catch (err) {
    failure = err;
  }
  await running.close(failure);
}

/** Roles started on one Temporal connection, stopped together. */
export interface RunningRoles {
  connection: Connection;
  metrics: Metrics;
  handles: readonly RoleHandle[];
  receiver?: RunningReceiver;
  /** Stops every role, then the connection; rethrows `failure`, else the first role that failed stopping. */
  close(failure?: unknown): Promise<void>;
}

/** Connects and starts each requested role (none is fine: then it is a client of Temporal only). */
export async function startRoleSet(options: Omit<RunRolesOptions, 'signal'>): Promise<RunningRoles> {
  const { logger } = options;
  const metrics = options.metrics ?? createMetrics();
  const temporal = temporalConnectionOptions(options.config.temporal, options.address);
  const connection = await connectWithRetry(temporal, 60_000, (err) =>
    logger.warn({ address: options.address, reason: err instanceof Error ? err.message : String(err) }, 'waiting for Temporal'),
  );
  const started: Started = { handles: [] };
  const running: RunningRoles = {
    connection,
    metrics,
    handles: started.handles,
    close: (failure) => stopAll(started, connection, logger, failure),
  };
  const onReceiver = options.onReceiver;
  const roleOptions = {
    ...options,
    onReceiver: (r: RunningReceiver) => {
      running.receiver = r;
      onReceiver?.(r);
    },
  };
  try {
    await startRoles(roleOptions, { connection, temporal, metrics }, started);
  } catch (err) {
    await running.close(err);
  }
  return running;
}

// One role failing stops the others too, before the shared connection closes under them.
async function stopAll(started: Started, connection: Connection, logger: Logger, failure: unknown): Promise<void> {
  const stopped = await Promise.allSettled(started.handles.map((h) => h.close()));
  if (started.drivers) await closeDrivers(started.drivers);
  await connection.close();
  const late = stopped.filter((r): r is PromiseRejectedResult => r.status === 'rejected' && r.reason !== failure);
  for (const { reason } of late) logger.error({ err: reason }, 'a role failed while stopping');
  if (failure !== undefined) throw failure;
  if (late.length) throw late[0].reason;
}

/** What has started so far: a failure part-way still stops all of it. */
interface Started {
  handles: RoleHandle[];
  drivers?: DriverRegistry;
}

/** Starts each requested role, recording each in `started` as it comes up. */
async function startRoles(
  options: Omit<RunRolesOptions, 'signal'>,
  shared: { connection: Connection; temporal: TemporalConnectionOptions; metrics: Metrics },
  started: Started,
): Promise<void> {
  const { config, logger, registry } = options;
  const { connection, metrics } = shared;
  const { handles } = started;
  await ensureNamespaces(config, registry, connection, shared.temporal);
  // A receiver serves /metrics on its own port; a process without one may serve it on telemetry.metricsPort.
  const { metricsPort, metricsHost } = config.telemetry;
  if (metricsPort > 0 && !options.roles.includes('receiver')) {
    const server = await serveMetrics(metrics, { host: metricsHost, port: metricsPort }, logger);
    handles.push({ done: new Promise(() => undefined), close: () => server.close() });
  }
  if (options.roles.includes('worker')) {
    const drivers = (started.drivers = await workerDrivers(options));
    const gate = await workerGate(options, connection, metrics);
    handles.push({ done: new Promise(() => undefined), close: () => gate.close() });
    const stores = registry.stores;
    const targets = stores
      ? targetOpener(stores.box, stores.tenantSecrets, { onRegistryChange: (l) => registry.subscribe(l) })
      : undefined;
    const clients = new TenantClients(connection);
    const stats =
      stores && config.stats.enabled
        ? createStatsRecorder({ sink: stores.stats, logger, flushMs: config.stats.flushInterval })
        : undefined;
    const replays = {
      retry: retryDeliveries,
      clientFor: (t: { namespace: string }) => clients.for(t),
      tenantOf: (id: string) => registry.current().tenant(id),
      taskQueue: config.temporal.taskQueue,
      recordDelivered: config.temporal.recordDeliveredStatus,
      logger,
    };
    const erasures = { clientFor: replays.clientFor, tenantOf: replays.tenantOf, readInput: readCallbackInput, logger };
    const deps = { destinations: destinationLookup(registry), drivers, logger, metrics, gate, targets, stats, replays, erasures };
    const { temporal } = shared;
    const worker = startWorker({ config, registry, temporal, logger, activityDeps: deps, onRunning: options.onWorkerRunning });
    // The last attempts' counts are written once the worker has stopped taking them.
    handles.push({ done: worker.done, close: () => worker.close().finally(() => stats?.close()) });
  }
  if (options.roles.includes('receiver')) {
    const receiver = await startReceiver({ config, registry, connection, logger, metrics });
    options.onReceiver?.(receiver);
    handles.push(receiver);
  }
  if (options.roles.includes('pollers')) {
    const pollers = await startPollers({ config, registry: options.registry, connection, logger, metrics });
    options.onPollers?.(pollers.pollers);
    handles.push(pollers);
  }
}

/** Pause, circuit breaker and auto-disable, shared through the registry's database when there is one. */
async function workerGate(options: Omit<RunRolesOptions, 'signal'>, connection: Connection, metrics: Metrics) {
  const { config, registry, logger } = options;
  const clients = new TenantClients(connection);
  const ingest = createIngest({ clientFor: (t) => clients.for(t), taskQueue: config.temporal.taskQueue, logger, metrics });
  const database = registry.stores?.database;
  const store = database ? databaseHealthStore(database) : memoryHealthStore();
  const leases = database ? databaseLeases(database) : memoryLeases();
  const tokens = database ? databaseTokens(database) : memoryTokens();
  return createGate(store, { logger, metrics, leases, tokens, disable: createDisabler({ registry, ingest, logger }) });
}

async function ensureNamespaces(
  config: BarrageConfig,
  registry: Registry,
  connection: Connection,
  temporal: TemporalConnectionOptions,
): Promise<void> {
  if (!config.temporal.manageNamespaces) return;
  for (const tenant of registry.current().tenants) {
    const { namespace } = tenant;
    await ensureNamespace(connection, namespace, namespaceOptions(config, tenant)).catch((err: unknown) => {
      throw credentialsRefused(err, temporal, `registering namespace ${namespace}`, MANAGE_HINT) ?? err;
    });
  }
}

const MANAGE_HINT =
  'registering namespaces needs admin rights; with a key scoped to namespaces (as on Temporal Cloud) set ' +
  'temporal.manageNamespaces: false and create them outside Barrage (docs/PRODUCTION.md)';

async function workerDrivers(options: Omit<RunRolesOptions, 'signal'>): Promise<DriverRegistry> {
  const { config, logger } = options;
  const built = await createDrivers({
    allowPrivateDestinations: config.security.allowPrivateDestinations,
    userAgent: USER_AGENT,
    logger,
  });
  return { ...built, ...options.drivers };
}

/** Resolves when the signal aborts; rejects as soon as a role fails on its own. */
function untilStopped(signal: AbortSignal, handles: readonly RoleHandle[]): Promise<void> {
  const aborted = new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  const failed = handles.map((h) => h.done.then(() => new Promise<never>(() => undefined)));
  return Promise.race([aborted, ...failed]);
}
