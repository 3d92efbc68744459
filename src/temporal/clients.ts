import { Client, Connection } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { tracing } from '../telemetry/tracing';
import { credentialsRefused } from './auth-errors';
import { tlsProblem, type TemporalConnectionOptions } from './connection-options';

/**
 * One shared connection; one Client per tenant namespace (tenant isolation is the namespace),
 * made on first use, so a tenant created at runtime gets its client like the others.
 */
export class TenantClients {
  private readonly clients = new Map<string, Client>();

  constructor(readonly connection: Connection) {}

  for(tenant: { namespace: string }): Client {
    let client = this.clients.get(tenant.namespace);
    if (!client) this.clients.set(tenant.namespace, (client = tracedClient(this.connection, tenant.namespace)));
    return client;
  }
}

/**
 * When this process exports traces, starts carry the caller's trace context in their headers and
 * the workflow continues that trace; otherwise they carry none and the workflow runs untraced.
 */
export const tracedClient = (connection: Connection, namespace: string) =>
  new Client({
    connection,
    namespace,
    interceptors: { workflow: tracing().exporting ? [new OpenTelemetryWorkflowClientInterceptor()] : [] },
  });

/**
 * Connects, retrying while the server comes up, so role start order does not matter. A refused TLS
 * handshake or API key is not retried: it fails at once with what to check.
 */
export async function connectWithRetry(
  options: TemporalConnectionOptions,
  timeoutMs: number,
  onWait?: (err: unknown) => void,
): Promise<Connection> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await Connection.connect({ ...options, connectTimeout: 2000 });
    } catch (err) {
      const problem = (await tlsProblem(options)) ?? credentialsRefused(err, options, 'the connection');
      if (problem) throw problem;
      if (Date.now() > deadline) throw err;
      onWait?.(err);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
