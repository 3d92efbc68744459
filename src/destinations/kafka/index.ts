import { kafkaMissing } from '../../queues/optional-kafka';
import type { DestinationPlugin } from '../plugin';
import { kafkaDestinationSchema } from './config';

export const kafkaDestination: DestinationPlugin<'kafka', ReturnType<typeof kafkaDestinationSchema>> = {
  type: 'kafka',
  configSchema: kafkaDestinationSchema,
  async createDriver(deps) {
    const missing = kafkaMissing();
    // Retryable: deliveries wait (and nothing is lost) until the package is installed.
    if (missing) return { type: 'kafka', deliver: async () => ({ outcome: 'retryable', error: missing }) };
    const { createKafkaDriver } = await import('./driver');
    return createKafkaDriver({ logger: deps.logger });
  },
};
