import type { DestinationPlugin } from '../plugin';
import { httpDestinationSchema } from './config';

export const httpDestination: DestinationPlugin<'http', ReturnType<typeof httpDestinationSchema>> = {
  type: 'http',
  configSchema: httpDestinationSchema,
  async createDriver(deps) {
    const { createHttpDriver } = await import('./driver');
    return createHttpDriver({ allowPrivateDestinations: deps.allowPrivateDestinations, userAgent: deps.userAgent });
  },
};
