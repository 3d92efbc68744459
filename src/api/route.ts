// One route, declared once: method, path, who may call it, what it reads, what it answers and the
// handler. Express routing, 405/Allow/OPTIONS, validation, error mapping and /openapi.json are all
// derived from a list of these (express.ts, openapi.ts).
import type { Request } from 'express';
import type { z } from 'zod';
import type { ErrorCode } from '../base/api-error';
import type { HttpSourceConfig, TenantConfig } from '../config';
import type { CatalogTenant } from '../event-types/check';
import type { LiveTenant } from '../registry/snapshot';
import type { AnswerName, RequestName, RequestOf } from './schemas/components';
import type { ReceiverContext } from './context';

export type Method = 'get' | 'post' | 'patch' | 'delete';

/**
 * Who may call: a tenant's API key, an admin key (security.adminApiKeys), either (the admin acts
 * on any tenant, a tenant key on its own), the source's own verification, or anyone.
 */
export type Auth = 'tenant' | 'admin' | 'adminOrTenant' | 'source' | 'none';

/** One answer a route gives: a named body schema, plain text, or none (204 and the like). */
export interface Answer {
  description: string;
  body?: AnswerName | 'text' | 'json';
  /** Error codes a client can tell apart by (error answers). */
  codes?: ErrorCode[];
}

export type BodySpec =
  | {
      kind: 'json';
      schema: RequestName;
      required: boolean;
      /** JSON is read whatever the Content-Type says ('any'), or only with application/json. */
      contentType?: 'json-only' | 'any';
      /** Validated, then handed over as sent (the service parses it again with defaults of its own). */
      asSent?: true;
    }
  | { kind: 'raw'; description: string };

export interface Reply {
  status: number;
  body?: unknown;
  /** For a text answer (metrics). */
  contentType?: string;
  /** Work to run after the answer was sent; its failure is the handler's to log. */
  after?: () => Promise<void>;
}

type Infer<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;
/** An optional body left out is validated as `{}`, so the handler always has one. */
type BodyOf<B> = B extends { kind: 'json'; asSent: true }
  ? Record<string, unknown>
  : B extends { kind: 'json'; schema: infer N extends RequestName }
    ? RequestOf<N>
    : B extends { kind: 'raw' }
      ? Buffer
      : undefined;

/** What a handler gets: validated input, the caller, the receiver's context. */
export interface Call<P, Q, B> {
  ctx: ReceiverContext;
  params: Infer<P>;
  query: Infer<Q>;
  body: BodyOf<B>;
  /** The tenant whose key called (tenant routes; adminOrTenant routes called with a tenant key). */
  tenant: LiveTenant;
  /** Who called, for audit lines: a tenant key's id, an admin key, or the library. */
  caller: string;
  /** The HTTP source a source route was called for (known before its body is read). */
  source: { tenant: TenantConfig & CatalogTenant; source: HttpSourceConfig };
  /** A request header (documented in the route's `headers`). */
  header: (name: string) => string | undefined;
  /** The HTTP request itself; only source routes read it (they are never called in-process). */
  req: Request;
}

/** A route as the table holds it: its own schemas' types erased to what every route has. */
export interface Route<P = z.ZodObject | undefined, Q = z.ZodObject | undefined, B = BodySpec | undefined> {
  method: Method;
  /** OpenAPI-style: /v1/events/{id}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  auth: Auth;
  /** Needs the management database (501 database_required without one). */
  database?: boolean;
  /** Talks to Temporal, so it may answer 503 temporal_unavailable. */
  temporal?: boolean;
  params?: P;
  query?: Q;
  /** Header parameters, documented (the handler reads them from req). */
  headers?: z.ZodObject;
  body?: B;
  /** The route's own answers, success and errors; the ones every route of its kind gives are added. */
  answers: Record<number, Answer>;
  handle(call: Call<P, Q, B>): Promise<Reply> | Reply;
}

/** Keeps each route's handler typed by its own schemas, in a list of routes of every shape. */
export function route<
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends BodySpec | undefined = undefined,
>(spec: Route<P, Q, B>): Route {
  return spec as unknown as Route;
}

/** /v1/events/{id} → /v1/events/:id */
export const expressPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');
