import type { SourcePlugin } from '../plugin';
import { httpSourceSchema } from './config';

/** Posted to, not polled: the receiver's POST /v1/sources/{id} (src/receiver/sources-routes.ts). */
export const httpSource: SourcePlugin<'http', ReturnType<typeof httpSourceSchema>> = {
  type: 'http',
  configSchema: httpSourceSchema,
};
