import { kafkaMissing } from '../../queues/optional-kafka';
import type { SourcePlugin } from '../plugin';
import { kafkaSourceSchema } from './config';

export const kafkaSource: SourcePlugin<'kafka', ReturnType<typeof kafkaSourceSchema>> = {
  type: 'kafka',
  configSchema: kafkaSourceSchema,
  async createPoller(options) {
    const missing = kafkaMissing();
    if (missing) throw new Error(`source ${options.source.id}: ${missing}`);
    const { createKafkaPoller } = await import('./poller');
    return createKafkaPoller(options);
  },
};
