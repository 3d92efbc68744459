// The backlog, read from Temporal rather than counted: deliveries still open per tenant and
// status, from visibility at scrape time. Counters reset when a process restarts; this does not.
import type { Client } from '@temporalio/client';
import { Gauge } from 'prom-client';
import { SEARCH_ATTRIBUTES, WORKFLOW } from '../contracts';
import type { Registry } from '../registry/live';
import type { Logger } from '../telemetry/logger';
import type { Metrics } from '../telemetry/metrics';

/** Scrapes come every 15–60 s; visibility is asked at most this often. */
const CACHE_MS = 10_000;
const OPEN_STATUSES = ['delivering', 'retrying', 'scheduled'] as const;
export const BACKLOG_METRIC = 'barrage_deliveries_open';

export function trackBacklog(
  metrics: Metrics,
  registry: Registry,
  clientFor: (t: { namespace: string }) => Client,
  logger: Logger,
): void {
  let cached: { at: number; rows: { tenant: string; status: string; open: number }[] } | undefined;
  const read = async () => {
    const rows = await Promise.all(
      registry.current().tenants.flatMap((tenant) =>
        OPEN_STATUSES.map(async (status) => {
          const client = clientFor(tenant);
          const query = `WorkflowType = '${WORKFLOW.delivery}' AND ExecutionStatus = 'Running' AND ${SEARCH_ATTRIBUTES.status.name} = '${status}'`;
          const answer = await client.connection.withDeadline(Date.now() + 2_000, () =>
            client.workflowService.countWorkflowExecutions({ namespace: tenant.namespace, query }),
          );
          return { tenant: tenant.id, status, open: Number(answer.count ?? 0) };
        }),
      ),
    );
    return { at: Date.now(), rows };
  };
  // One count at a time however often /metrics is scraped. A failed count keeps the last good
  // figures (a gap would read as an empty backlog) and says so.
  let pending: Promise<typeof cached> | undefined;
  const refresh = () =>
    read()
      .catch((err: unknown) => {
        logger.warn({ err: String(err) }, 'backlog count from Temporal visibility failed; serving the last one');
        return cached && { ...cached, at: Date.now() };
      })
      .finally(() => (pending = undefined));
  new Gauge({
    name: BACKLOG_METRIC,
    help: 'deliveries not yet final, by status (delivering, retrying), from Temporal visibility; every receiver reports the same: use max()',
    labelNames: ['tenant', 'status'] as const,
    registers: [metrics.registry],
    async collect() {
      if (!cached || Date.now() - cached.at > CACHE_MS) cached = await (pending ??= refresh());
      this.reset();
      for (const row of cached?.rows ?? []) this.set({ tenant: row.tenant, status: row.status }, row.open);
    },
  });
}
