import { Client, Connection } from '@temporalio/client';
import type { BarrageConfig, TenantConfig } from '../config';

/** One shared connection; one Client per tenant namespace (tenant isolation is the namespace). */
export class TenantClients {
  private readonly clients = new Map<string, Client>();

  constructor(
    readonly connection: Connection,
    config: BarrageConfig,
  ) {
    for (const tenant of config.tenants) {
      this.clients.set(tenant.id, new Client({ connection, namespace: tenant.namespace }));
    }
  }

  for(tenant: TenantConfig): Client {
    const client = this.clients.get(tenant.id);
    if (!client) throw new Error(`no Temporal client for tenant ${tenant.id}`);
    return client;
  }
}

/** Connects, retrying while the server comes up, so role start order does not matter. */
export async function connectWithRetry(address: string, timeoutMs: number, onWait?: (err: unknown) => void): Promise<Connection> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await Connection.connect({ address, connectTimeout: 2000 });
    } catch (err) {
      if (Date.now() > deadline) throw err;
      onWait?.(err);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
