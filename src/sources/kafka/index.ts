import type { SourcePlugin } from '../plugin';
import { kafkaSourceSchema } from './config';

export const kafkaSource: SourcePlugin<'kafka', ReturnType<typeof kafkaSourceSchema>> = {
  type: 'kafka',
  configSchema: kafkaSourceSchema,
  async createPoller(options) {
    const { createKafkaPoller } = await import('./poller');
    return createKafkaPoller(options);
  },
};
