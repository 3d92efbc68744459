import type { DestinationConfig } from '../config';
import type { DestinationDriver, DestinationType, DriverRequest, DriverResult } from './driver';

/** Typed so that adding a destination type without a driver is a compile error. */
export type DriverRegistry = { [K in DestinationType]: DestinationDriver<K> };

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
