// The source types. Adding one is a folder (config.ts, index.ts, and poller.ts for a polled
// type) and one entry here: the config union, its error text, docs/CONFIG.md and the pollers role
// are built from this list. A polled type also adds its MessageOrigin variant and its originRef
// case in src/contracts/ (workflows read those, so they stay in the workflow-safe zone).
import type { BarrageConfig } from '../config';
import type { Env } from '../config/fields';
import { orList, type SchemasOf } from '../config/plugin-union';
import type { Ingest } from '../ingest/ingest';
import type { Logger } from '../telemetry/logger';
import { httpSource } from './http';
import { createIntake } from './intake';
import { kafkaSource } from './kafka';
import type { QueuePoller } from './poller';
import type { SourcePlugin } from './plugin';
import { sqsSource } from './sqs';

export const SOURCE_PLUGINS = [httpSource, sqsSource, kafkaSource] as const;
export const SOURCE_TYPES = SOURCE_PLUGINS.map((p) => p.type);
export const SOURCE_TYPE_ERROR = `type must be ${orList(SOURCE_TYPES)}`;

export function sourceConfigSchemas(env: Env) {
  return SOURCE_PLUGINS.map((p) => p.configSchema(env)) as unknown as SchemasOf<typeof SOURCE_PLUGINS>;
}

type AnyPlugin = SourcePlugin<string, ReturnType<(typeof SOURCE_PLUGINS)[number]['configSchema']>>;
const pluginFor = (type: string) => SOURCE_PLUGINS.find((p) => p.type === type) as AnyPlugin | undefined;

/** One poller per polled source of every tenant: the `pollers` role. */
export async function createPollers(config: BarrageConfig, ingest: Ingest, logger: Logger): Promise<QueuePoller[]> {
  const starts = config.tenants.flatMap((tenant) =>
    tenant.sources.flatMap((source) => {
      const createPoller = pluginFor(source.type)?.createPoller;
      // Every polled type has a contentType; http (posted to) has neither.
      if (!createPoller || !('contentType' in source)) return [];
      const intake = createIntake({ ingest, tenant, source, maxBodyBytes: config.server.maxBodyBytes });
      return [createPoller({ source: source as never, intake, logger: logger.child({ tenant: tenant.id }) })];
    }),
  );
  return Promise.all(starts);
}

export function hasQueueSources(config: BarrageConfig): boolean {
  return config.tenants.some((t) => t.sources.some((s) => pluginFor(s.type)?.createPoller !== undefined));
}
