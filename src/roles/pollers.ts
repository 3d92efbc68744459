// The pollers role: one poller per SQS or Kafka source of every tenant, each message handed to
// ingest through the queue-independent intake.
import type { Connection } from '@temporalio/client';
import type { BarrageConfig } from '../config';
import type { Registry } from '../registry/live';
import { createIngest } from '../ingest/ingest';
import { createIntake } from '../ingest/intake';
import type { QueuePoller } from '../sources/poller';
import { trackPollers } from '../sources/poller-metrics';
import { sourcePlugin } from '../sources/registry';
import { TenantClients } from '../temporal/clients';
import type { Logger } from '../telemetry/logger';
import type { Metrics } from '../telemetry/metrics';
import { handleFor, type RoleHandle } from './role';

export interface PollersOptions {
  config: BarrageConfig;
  /** Routes (API destinations beside the file's), the catalog and settings, as they change. */
  registry: Pick<Registry, 'current'>;
  connection: Connection;
  logger: Logger;
  metrics: Metrics;
}

export interface PollersRole extends RoleHandle {
  pollers: QueuePoller[];
}

export async function startPollers(options: PollersOptions): Promise<PollersRole> {
  const { config, registry, connection, logger, metrics } = options;
  if (!hasQueueSources(config)) logger.warn('pollers role: no sqs or kafka sources are configured');
  const clients = new TenantClients(connection);
  const ingest = createIngest({
    clientFor: (t) => clients.for(t),
    taskQueue: config.temporal.taskQueue,
    logger,
    metrics,
    recordDelivered: config.temporal.recordDeliveredStatus,
    maxScheduleAheadMs: config.limits.maxScheduleAhead,
  });
  const starts = config.tenants.flatMap((tenant) =>
    tenant.sources.flatMap((source) => {
      const createPoller = sourcePlugin(source.type)?.createPoller;
      // Every polled type has a contentType; http (posted to) has neither.
      if (!createPoller || !('contentType' in source)) return [];
      const live = () => registry.current().tenant(tenant.id) ?? tenant;
      const intake = createIntake({ ingest, tenant: live, source, maxBodyBytes: config.server.maxBodyBytes });
      return [createPoller({ source: source as never, intake, logger: logger.child({ tenant: tenant.id }) })];
    }),
  );
  const pollers = await Promise.all(starts);
  trackPollers(metrics, pollers, logger);
  const handle = handleFor((signal) => Promise.all(pollers.map((p) => p.run(signal))).then(() => undefined));
  return { ...handle, pollers };
}

export function hasQueueSources(config: BarrageConfig): boolean {
  return config.tenants.some((t) => t.sources.some((s) => sourcePlugin(s.type)?.createPoller !== undefined));
}
