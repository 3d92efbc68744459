// The receiver role: the HTTP API in front of Temporal.
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import type { Connection } from '@temporalio/client';
import { temporalUiUrl, type BarrageConfig, type TenantConfig } from '../config';
import { createIngest } from '../ingest/ingest';
import { TenantClients } from '../temporal/clients';
import { namespaceReady } from '../temporal/namespaces';
import type { Registry } from '../registry/live';
import { trackBacklog } from '../events/backlog';
import { createMetrics, type Metrics } from '../telemetry/metrics';
import type { Logger } from '../telemetry/logger';
import { createReceiverApp } from '../api/app';
import { mountPortal } from '../portal/mount';
import { onClientError, onExpectContinue, onUnknownExpectation } from '../api/client-errors';
import type { ReceiverContext } from '../api/context';
import type { RoleHandle } from './role';

/** An accept waits at most this long for Temporal, then answers 503 (nothing was accepted). */
const ACCEPT_DEADLINE_MS = 10_000;
const READY_DEADLINE_MS = 2_000;

export interface ReceiverOptions {
  config: BarrageConfig;
  registry: Registry;
  connection: Connection;
  /** Served at GET /metrics, and counted into by this receiver's ingest. */
  metrics?: Metrics;
  logger: Logger;
  now?: () => number;
}

export interface RunningReceiver extends RoleHandle {
  url: string;
  server: Server;
}

export async function startReceiver(options: ReceiverOptions): Promise<RunningReceiver> {
  const { config, logger } = options;
  const ctx = serviceContext(options);
  trackBacklog(ctx.metrics, options.registry, ctx.clientFor, logger);
  const server = await listen(
    createReceiverApp(ctx, (app, api) => mountPortal(app, ctx, api)),
    config,
    logger,
  );
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.server.host}:${port}`;
  ctx.publicUrl = config.server.publicUrl ?? url;
  const done = new Promise<void>((resolve) => server.once('close', () => resolve()));
  return {
    url,
    server,
    done,
    close: () => {
      if (server.listening) server.close();
      server.closeIdleConnections();
      return done;
    },
  };
}

/** What the routes run on, whether they are called over HTTP or in-process (the library). */
export function serviceContext(options: ReceiverOptions): ReceiverContext {
  const { config, connection, logger, registry } = options;
  const metrics = options.metrics ?? createMetrics();
  const clients = new TenantClients(connection);
  const clientFor = (t: Pick<TenantConfig, 'namespace'>) => clients.for(t);
  const ingest = createIngest({
    clientFor,
    taskQueue: config.temporal.taskQueue,
    logger,
    startDeadlineMs: ACCEPT_DEADLINE_MS,
    metrics,
    recordDelivered: config.temporal.recordDeliveredStatus,
    maxScheduleAheadMs: config.limits.maxScheduleAhead,
  });
  return {
    config,
    registry,
    connection,
    metrics,
    logger,
    ingest,
    clientFor,
    publicUrl: config.server.publicUrl ?? '',
    temporalUiUrl: temporalUiUrl(config),
    now: options.now ?? Date.now,
    ready: () => namespacesReady(connection, registry),
  };
}

function namespacesReady(connection: Connection, registry: Registry): Promise<boolean> {
  return connection
    .withDeadline(Date.now() + READY_DEADLINE_MS, async () => {
      const checks = await Promise.all(
        registry
          .current()
          .namespaces()
          .map((ns) => namespaceReady(connection, ns)),
      );
      return checks.every(Boolean);
    })
    .catch(() => false);
}

/** Timeouts in seconds, not Node's minutes: a slow or stalled sender must not hold a connection. */
async function listen(app: ReturnType<typeof createReceiverApp>, config: BarrageConfig, logger: Logger): Promise<Server> {
  const { headersTimeout, requestTimeout } = config.server;
  const server = createServer(
    // Node checks the two timeouts only this often (default 30 s), which would stretch them.
    { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(1_000, headersTimeout) },
    app,
  );
  // Behind a load balancer (idle timeout 60 s) the server must not close a kept-alive connection first.
  server.keepAliveTimeout = 65_000;
  server.on('clientError', onClientError(logger));
  server.on('checkExpectation', onUnknownExpectation(logger));
  server.on('checkContinue', onExpectContinue(server, config.server.maxBodyBytes, logger));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.server.port, config.server.host, () => resolve());
  });
  return server;
}
