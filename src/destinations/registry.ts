import type { DestinationConfig } from '../config';
import type { DestinationDriver } from './driver';

/** Typed so that adding a destination type without a driver is a compile error. */
export type DriverRegistry = { [K in DestinationConfig['type']]: DestinationDriver };

export async function closeDrivers(registry: DriverRegistry): Promise<void> {
  await Promise.all(Object.values(registry).map((d) => d.close?.()));
}
