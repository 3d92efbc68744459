import type { DestinationPlugin } from '../plugin';
import { sqsDestinationSchema } from './config';

export const sqsDestination: DestinationPlugin<'sqs', ReturnType<typeof sqsDestinationSchema>> = {
  type: 'sqs',
  configSchema: sqsDestinationSchema,
  async createDriver(deps) {
    const { createSqsDriver } = await import('./driver');
    return createSqsDriver({ logger: deps.logger });
  },
};
