// The destination types. Adding one is a folder (config.ts, driver.ts, index.ts, contract-peer.ts)
// and one entry here: the config union, its error text, docs/CONFIG.md, the worker's drivers and
// the contract suite are all built from this list.
import type { Env } from '../config/fields';
import type { SchemasOf } from '../config/plugin-union';
import type { DestinationConfig } from '../config';
import type { DestinationDriver, DestinationType, DriverRequest, DriverResult } from './driver';
import { httpDestination } from './http';
import { kafkaDestination } from './kafka';
import type { DriverDeps } from './plugin';
import { sqsDestination } from './sqs';

export const DESTINATION_PLUGINS = [httpDestination, sqsDestination, kafkaDestination] as const;

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
