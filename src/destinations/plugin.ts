// The one shape every destination type has: its config schema and a factory for its driver.
import type { z } from 'zod';
import type { Env } from '../base/fields';
import type { Logger } from '../telemetry/logger';
import type { DestinationDriver, DestinationType } from './driver';

/** What any driver may need from the worker that runs it. */
export interface DriverDeps {
  allowPrivateDestinations: boolean;
  userAgent: string;
  logger: Logger;
}

export interface DestinationPlugin<T extends string, S extends z.ZodType> {
  readonly type: T;
  /** One member of the `destinations[]` union, told apart by `type: <T>`. */
  configSchema(env: Env): S;
  /** Loaded lazily: validating a config never loads a client library (Kafka's is native). */
  createDriver(deps: DriverDeps): Promise<DestinationDriver<T & DestinationType>>;
}
