import type { SourcePlugin } from '../plugin';
import { sqsSourceSchema } from './config';

export const sqsSource: SourcePlugin<'sqs', ReturnType<typeof sqsSourceSchema>> = {
  type: 'sqs',
  configSchema: sqsSourceSchema,
  async createPoller(options) {
    const { createSqsPoller } = await import('./poller');
    return createSqsPoller(options);
  },
};
