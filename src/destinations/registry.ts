// The destination types. Adding one is a folder (config.ts, driver.ts, index.ts, contract-peer.ts)
// and one entry here: the config union, its error text, docs/CONFIG.md, the worker's drivers and
// the contract suite are all built from this list.
import type { Env } from '../config/fields';
import type { DestinationConfig } from '../config';
import type { DestinationDriver, DestinationType, DriverRequest, DriverResult } from './driver';
import { httpDestination } from './http';
import { kafkaDestination } from './kafka';
import type { DestinationPlugin, DriverDeps } from './plugin';
import { sqsDestination } from './sqs';

export const DESTINATION_PLUGINS = [httpDestination, sqsDestination, kafkaDestination] as const;

/** A generic mapped type keeps the tuple, which z.discriminatedUnion needs. */
type SchemasOf<P extends readonly unknown[]> = {
  -readonly [K in keyof P]: P[K] extends DestinationPlugin<string, infer S> ? S : never;
};

export const DESTINATION_TYPES = DESTINATION_PLUGINS.map((p) => p.type);

/** The members of the config's `destinations[]` union, in registry order. */
export function destinationConfigSchemas(env: Env) {
  return DESTINATION_PLUGINS.map((p) => p.configSchema(env)) as unknown as SchemasOf<typeof DESTINATION_PLUGINS>;
}

/** One live driver per type. */
export type DriverRegistry = { [K in DestinationType]: DestinationDriver<K> };

export async function createDrivers(deps: DriverDeps): Promise<DriverRegistry> {
  const drivers = await Promise.all(DESTINATION_PLUGINS.map((p) => p.createDriver(deps)));
  return Object.fromEntries(drivers.map((d) => [d.type, d])) as DriverRegistry;
}

/** Dispatches to the driver of the destination's type (TypeScript cannot correlate the union itself). */
export function deliverWith(
  registry: DriverRegistry,
  request: Omit<DriverRequest, 'destination'> & { destination: DestinationConfig },
): Promise<DriverResult> {
  const driver = registry[request.destination.type] as DestinationDriver;
  return driver.deliver(request as DriverRequest);
}

export async function closeDrivers(registry: DriverRegistry): Promise<void> {
  await Promise.all(Object.values(registry).map((d) => d.close?.()));
}

/** "http, sqs or kafka". */
export const orList = (names: readonly string[]) =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
