// createHub: Barrage inside a Node service. It opens what `barrage start` opens (the registry,
// one Temporal connection, the requested roles) and answers the library's calls through the
// route table in-process. Importing this module starts nothing.
import { resolve } from 'node:path';
import type { Router } from 'express';
import { routeInvoker } from '../api/invoke';
import { createApiRouter } from '../api/app';
import { buildApi } from '../api/routes';
import { BarrageError } from '../base/api-error';
import { loadConfig, validateConfig, type BarrageConfig } from '../config';
import type { Role } from '../cli/role-names';
import { startRoleSet, type RunningRoles } from '../cli/roles';
import { staticRegistry } from '../registry/live';
import { openRegistry, type OpenedRegistry } from '../registry/open';
import { serviceContext } from '../roles/receiver';
import { embeddedTemporal } from '../temporal/embedded';
import { createLogger, type Logger } from '../telemetry/logger';
import { deliverWith, destinationsWith, eventsWith, publishWith } from './operations';
import type { Accepted, DeliverInput, HubDestinations, HubEvents, PublishInput } from './types';

export interface HubOptions {
  /** The configuration as an object of the same shape as barrage.yaml … */
  config?: Record<string, unknown>;
  /** … or the path of a barrage.yaml. */
  configPath?: string;
  /** What `env:NAME` values in the config read (default: process.env). */
  env?: Record<string, string | undefined>;
  /** Which roles run in this process; none: the hub is a client of Temporal and the database. */
  roles?: Role[];
  /**
   * Where tenants, keys and destinations live: 'database' (database.url, else an embedded PGlite
   * under database.dataDir) or 'config' (the config file only, database.url or not;
   * hub.destinations and hub.deliver then throw database_required). Default 'database'.
   */
  registry?: 'database' | 'config';
  /** A pino logger (default: JSON lines on stdout at log.level). */
  logger?: Logger;
}

export interface Hub {
  publish(event: PublishInput): Promise<Accepted>;
  /** One payload to one URL with its own retry and dead letter (POST /v1/deliveries). */
  deliver(delivery: DeliverInput): Promise<Accepted>;
  readonly events: HubEvents;
  readonly destinations: HubDestinations;
  /** The whole HTTP API as an express router, to mount in an existing app. */
  router(): Router;
  /** Where the receiver role listens, when it runs. */
  readonly url?: string;
  /** Stops taking work; attempts under way get worker.shutdownGrace to finish. */
  close(): Promise<void>;
}

/** Embedded databases open in this process: two hubs on one would corrupt it. */
const openDataDirs = new Set<string>();

export async function createHub(options: HubOptions): Promise<Hub> {
  const env = options.env ?? process.env;
  const config = hubConfig(options, env);
  const logger = options.logger ?? createLogger(config.log.level);
  const cleanup: (() => Promise<void>)[] = [];
  try {
    const opened = await openHubRegistry(config, options, logger, cleanup);
    const temporal = await embeddedTemporal(config, env, logger);
    // Last to stop: roles and the registry may still talk to it while they close.
    if (temporal.stop) cleanup.push(temporal.stop);
    const running = await startRoleSet({
      config,
      registry: opened.registry,
      roles: options.roles ?? [],
      address: temporal.address,
      logger,
    });
    cleanup.unshift(() => running.close());
    return hubOver(config, opened, running, logger, cleanup);
  } catch (err) {
    await closeAll(cleanup);
    throw err;
  }
}

function hubConfig(options: HubOptions, env: Record<string, string | undefined>): BarrageConfig {
  if (options.config && options.configPath) throw new TypeError('createHub: pass config or configPath, not both');
  if (options.configPath) return loadConfig(options.configPath, env);
  return validateConfig(options.config ?? {}, env, '<createHub config>');
}

async function openHubRegistry(
  config: BarrageConfig,
  options: HubOptions,
  logger: Logger,
  cleanup: (() => Promise<void>)[],
): Promise<OpenedRegistry> {
  if (options.registry === 'config') {
    const registry = staticRegistry(config);
    return { registry, describe: 'config file only', close: () => registry.close() };
  }
  const embedded = !config.database.url;
  const dataDir = resolve(config.database.dataDir);
  if (embedded && openDataDirs.has(dataDir))
    throw new BarrageError(
      409,
      'conflict',
      `database.dataDir ${dataDir} is open in another hub of this process; give each hub its own`,
    );
  // Claimed before the await, so two hubs created at once cannot both pass the check.
  if (embedded) openDataDirs.add(dataDir);
  const release = () => void (embedded && openDataDirs.delete(dataDir));
  const opened = await openRegistry(config, 'dev', logger).catch((err: unknown) => {
    release();
    throw err;
  });
  cleanup.unshift(async () => {
    await opened.close();
    release();
  });
  return opened;
}

function hubOver(
  config: BarrageConfig,
  opened: OpenedRegistry,
  running: RunningRoles,
  logger: Logger,
  cleanup: (() => Promise<void>)[],
): Hub {
  const ctx = serviceContext({
    config,
    registry: opened.registry,
    connection: running.connection,
    metrics: running.metrics,
    logger,
  });
  // Links in answers name where the API is served: server.publicUrl, else this hub's receiver.
  if (running.receiver) ctx.publicUrl = config.server.publicUrl ?? running.receiver.url;
  const api = buildApi();
  const invoke = routeInvoker(ctx, api);
  // A role that stops on its own (a worker refused by Temporal, say) would otherwise go unseen
  // until close(): publishing goes on, but nothing in this process delivers.
  for (const handle of running.handles)
    handle.done.catch((err: unknown) =>
      logger.error({ err }, 'a role of this hub stopped on its own; close the hub and create it again'),
    );
  let closing: Promise<void> | undefined;
  return {
    publish: publishWith(invoke),
    deliver: deliverWith(invoke),
    events: eventsWith(invoke),
    destinations: destinationsWith(invoke),
    router: () => createApiRouter(ctx, api),
    url: running.receiver?.url,
    close: () => (closing ??= closeAll(cleanup)),
  };
}

/** In order (roles, then the registry, then an embedded Temporal); every step runs, the first failure is thrown. */
async function closeAll(steps: (() => Promise<void>)[]): Promise<void> {
  let failure: unknown;
  for (const step of steps.splice(0)) await step().catch((err: unknown) => (failure ??= err));
  if (failure !== undefined) throw failure;
}
