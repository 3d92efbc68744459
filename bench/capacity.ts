// The capacity model's inputs: what one callback with D destinations costs temporal-server and
// its PostgreSQL, read from the server's own counters and the processes' CPU time.
import type { Client } from '@temporalio/client';
import { deliveredToD, type httpPool } from './scenarios';
import { serverCounters, treeCpuSeconds } from './server-metrics';
import type { BenchSink } from './sink';

export interface ServerWork {
  destinations: number;
  callbacks: number;
  persistenceRequests: number;
  actions: number;
  /** CPU milliseconds per callback. */
  serverCpuMs: number;
  postgresCpuMs: number;
}

interface CapacityContext {
  pool: ReturnType<typeof httpPool>;
  sink: BenchSink;
  client: Client;
  metricsUrl: string;
  pids: { server: number | undefined; postgres: number | undefined };
}

const CALLBACKS = 40;
const IN_FLIGHT = 8;

/** CALLBACKS callbacks to D destinations (cost<D>.* routes to d0…d<D-1>), IN_FLIGHT at a time. */
export async function serverWorkPerCallback(ctx: CapacityContext, d: number): Promise<ServerWork> {
  const before = await serverCounters(ctx.metricsUrl);
  const cpu = () => [treeCpuSeconds(ctx.pids.server), treeCpuSeconds(ctx.pids.postgres)];
  const [server0, pg0] = cpu();
  for (let batch = 0; batch < CALLBACKS / IN_FLIGHT; batch++) {
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, () => deliveredToD(ctx.pool, ctx.sink, ctx.client, `cost${d}.capacity`, d)),
    );
  }
  // Let the last closes and visibility writes land before reading the counters again.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const after = await serverCounters(ctx.metricsUrl);
  const [server1, pg1] = cpu();
  return {
    destinations: d,
    callbacks: CALLBACKS,
    persistenceRequests: (after.persistenceRequests - before.persistenceRequests) / CALLBACKS,
    actions: (after.actions - before.actions) / CALLBACKS,
    serverCpuMs: ((server1 - server0) * 1000) / CALLBACKS,
    postgresCpuMs: ((pg1 - pg0) * 1000) / CALLBACKS,
  };
}
