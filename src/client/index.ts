// `barrage/client`: a typed client for the whole HTTP API. Paths, parameters, bodies and answers
// are the types generated from /openapi.json (api-types.ts), so a call the server would not take
// does not compile; requests go through openapi-fetch.
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './api-types';

export type { components, paths };
export type BarrageClient = Client<paths>;
export type Schemas = components['schemas'];
export type ApiErrorBody = Schemas['Error'];

export interface BarrageClientOptions {
  /** e.g. http://127.0.0.1:8080 */
  baseUrl: string;
  /** A tenant key for the events and destinations routes, an admin key for /v1/tenants. */
  apiKey?: string;
  fetch?: ClientOptions['fetch'];
}

export function createBarrageClient(options: BarrageClientOptions): BarrageClient {
  return createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/$/, ''),
    headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
