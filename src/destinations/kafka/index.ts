import type { DestinationPlugin } from '../plugin';
import { kafkaDestinationSchema } from './config';

export const kafkaDestination: DestinationPlugin<'kafka', ReturnType<typeof kafkaDestinationSchema>> = {
  type: 'kafka',
  configSchema: kafkaDestinationSchema,
  async createDriver(deps) {
    const { createKafkaDriver } = await import('./driver');
    return createKafkaDriver({ logger: deps.logger });
  },
};
