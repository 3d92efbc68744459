// The source types. Adding one is a folder (config.ts, index.ts, and poller.ts for a polled
// type) and one entry here: the config union, its error text, docs/CONFIG.md and the pollers
// role (src/roles/pollers.ts) are built from this list. A polled type also adds its
// MessageOrigin variant and its originRef case in src/contracts/ (workflows read those, so they
// stay in the workflow-safe zone).
import type { Env } from '../base/fields';
import { orList, type SchemasOf } from '../base/plugin-union';
import { httpSource } from './http';
import { kafkaSource } from './kafka';
import type { SourcePlugin } from './plugin';
import { sqsSource } from './sqs';

export const SOURCE_PLUGINS = [httpSource, sqsSource, kafkaSource] as const;
export const SOURCE_TYPES = SOURCE_PLUGINS.map((p) => p.type);
export const SOURCE_TYPE_ERROR = `type must be ${orList(SOURCE_TYPES)}`;

export function sourceConfigSchemas(env: Env) {
  return SOURCE_PLUGINS.map((p) => p.configSchema(env)) as unknown as SchemasOf<typeof SOURCE_PLUGINS>;
}

type AnyPlugin = SourcePlugin<string, ReturnType<(typeof SOURCE_PLUGINS)[number]['configSchema']>>;
/** The plug-in of a source type; a polled type has `createPoller`. */
export const sourcePlugin = (type: string) => SOURCE_PLUGINS.find((p) => p.type === type) as AnyPlugin | undefined;
