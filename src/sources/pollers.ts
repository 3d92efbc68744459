// Builds one poller per queue source of every tenant: the `pollers` role.
import type { BarrageConfig } from '../config';
import type { Ingest } from '../ingest/ingest';
import type { Logger } from '../telemetry/logger';
import { createIntake } from './intake';
import { createKafkaPoller } from './kafka-poller';
import type { QueuePoller } from './poller';
import { createSqsPoller } from './sqs-poller';

export function createPollers(config: BarrageConfig, ingest: Ingest, logger: Logger): QueuePoller[] {
  return config.tenants.flatMap((tenant) =>
    tenant.sources.flatMap((source) => {
      if (source.type === 'http') return [];
      const intake = createIntake({ ingest, tenant, source, maxBodyBytes: config.server.maxBodyBytes });
      const log = logger.child({ tenant: tenant.id });
      return source.type === 'sqs'
        ? [createSqsPoller({ source, intake, logger: log })]
        : [createKafkaPoller({ source, intake, logger: log })];
    }),
  );
}

export function hasQueueSources(config: BarrageConfig): boolean {
  return config.tenants.some((t) => t.sources.some((s) => s.type !== 'http'));
}
