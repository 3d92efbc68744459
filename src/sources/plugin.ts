// The one shape every source type has: its config schema and, for the types that are polled
// rather than posted to, a factory for its poller.
import type { z } from 'zod';
import type { Env } from '../base/fields';
import type { Logger } from '../telemetry/logger';
import type { Intake } from './message';
import type { QueuePoller } from './poller';

export interface SourcePlugin<T extends string, S extends z.ZodType> {
  readonly type: T;
  /** One member of the `sources[]` union, told apart by `type: <T>`. */
  configSchema(env: Env): S;
  /** Absent for sources that are posted to (http). Loaded lazily, like a destination's driver. */
  createPoller?(options: { source: z.output<S>; intake: Intake; logger: Logger }): Promise<QueuePoller>;
}
