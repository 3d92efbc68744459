import type { SourcePlugin } from '../plugin';
import { httpSourceSchema } from './config';

/** Posted to, not polled: the receiver's POST /v1/sources/{id} (src/api/routes/sources.ts). */
export const httpSource: SourcePlugin<'http', ReturnType<typeof httpSourceSchema>> = {
  type: 'http',
  configSchema: httpSourceSchema,
};
