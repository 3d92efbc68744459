// The destination types. Adding one is a folder (config.ts, driver.ts, index.ts, contract-peer.ts)
// and one entry here: the config union, its error text, docs/CONFIG.md, the worker's drivers and
// the contract suite are all built from this list.
import type { z } from 'zod';
import type { Env } from '../base/fields';
import type { SchemasOf } from '../base/plugin-union';
import type { DestinationDriver, DestinationType, DriverRequest, DriverResult } from './driver';
import { httpDestination } from './http';
import { kafkaDestination } from './kafka';
import type { DestinationPlugin, DriverDeps } from './plugin';
import { sqsDestination } from './sqs';

const BUILT_IN = [httpDestination, sqsDestination, kafkaDestination] as const;

/**
 * Every registered type, built-in first. Everything that lists types (the config union, the API's
 * schemas and filters, /openapi.json) reads this list when it is built, so a type registered
 * before a hub starts is accepted everywhere.
 */
export const DESTINATION_PLUGINS: ((typeof BUILT_IN)[number] | DestinationPlugin<string, z.ZodObject>)[] = [...BUILT_IN];

/** Adds a destination type (a plug-in outside this package, or a test's). Its type must be new. */
export function registerDestinationType(plugin: DestinationPlugin<string, z.ZodObject>): void {
  if (DESTINATION_PLUGINS.some((p) => p.type === plugin.type)) throw new Error(`destination type ${plugin.type} exists`);
  DESTINATION_PLUGINS.push(plugin);
}

/** The registered type names, e.g. for z.enum. */
export const destinationTypes = (): [string, ...string[]] => DESTINATION_PLUGINS.map((p) => p.type) as [string, ...string[]];

/** A destination's settings once parsed: one of the built-in types' (the config file's and the API's alike). */
export type DestinationConfig = z.output<SchemasOf<typeof BUILT_IN>[number]>;

/** The members of the config's `destinations[]` union, in registry order. */
export function destinationConfigSchemas(env: Env) {
  return DESTINATION_PLUGINS.map((p) => p.configSchema(env)) as unknown as SchemasOf<typeof BUILT_IN>;
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
