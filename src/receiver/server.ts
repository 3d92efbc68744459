// The receiver role: the HTTP API in front of Temporal.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Connection } from '@temporalio/client';
import { temporalUiUrl, type BarrageConfig } from '../config';
import { createIngest } from '../ingest/ingest';
import { TenantClients } from '../temporal/clients';
import { namespaceReady } from '../temporal/namespaces';
import type { Logger } from '../telemetry/logger';
import { createReceiverApp } from './app';
import type { ReceiverContext } from './context';

/** An accept waits at most this long for Temporal, then answers 503 (nothing was accepted). */
const ACCEPT_DEADLINE_MS = 10_000;
const READY_DEADLINE_MS = 2_000;

export interface ReceiverOptions {
  config: BarrageConfig;
  connection: Connection;
  logger: Logger;
  now?: () => number;
}

export interface RunningReceiver {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startReceiver(options: ReceiverOptions): Promise<RunningReceiver> {
  const { config, connection, logger } = options;
  const clients = new TenantClients(connection, config);
  const ingest = createIngest({
    clientFor: (t) => clients.for(t),
    taskQueue: config.temporal.taskQueue,
    logger,
    startDeadlineMs: ACCEPT_DEADLINE_MS,
  });
  const ctx: ReceiverContext = {
    config,
    logger,
    ingest,
    clientFor: (t) => clients.for(t),
    publicUrl: '',
    temporalUiUrl: temporalUiUrl(config),
    now: options.now ?? Date.now,
    ready: () =>
      connection
        .withDeadline(Date.now() + READY_DEADLINE_MS, async () => {
          const checks = await Promise.all(config.tenants.map((t) => namespaceReady(connection, t.namespace)));
          return checks.every(Boolean);
        })
        .catch(() => false),
  };
  const app = createReceiverApp(ctx);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.server.port, config.server.host, () => resolve(s));
    s.once('error', reject);
  });
  server.keepAliveTimeout = 65_000;
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.server.host}:${port}`;
  ctx.publicUrl = config.server.publicUrl ?? url;
  return {
    url,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
