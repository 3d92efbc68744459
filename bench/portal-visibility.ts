// Scenario 17's profile of Temporal visibility alone: the queries behind the event log and the
// "deliveries waiting" counts, built by the functions the API uses, sent straight to the server
// with nothing of Barrage around them. The gap to the API call is Barrage's share.
import { Client, Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTES, WORKFLOW } from '../src/contracts';
import { visibilityQuery } from '../src/events/list';
import { openDeliveries } from '../src/management/destination-health';
import type { Timing } from './portal';
import { latencySummary } from './stats';

const WARMUPS = 3;
const SAMPLES = 20;

export async function visibilityTimings(address: string, namespace: string, bulkType: string): Promise<Timing[]> {
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, namespace });
  try {
    const list = (name: string, query: string): [string, string, () => Promise<number>] => [
      name,
      query,
      async () =>
        (await client.workflowService.listWorkflowExecutions({ namespace, query, pageSize: 50 })).executions?.length ?? 0,
    ];
    const count = (name: string, destination?: string): [string, string, () => Promise<number>] => [
      name,
      // What openDeliveries sends, spelled out for the report.
      `WorkflowType = '${WORKFLOW.delivery}' AND ExecutionStatus = 'Running'${destination ? ` AND ${SEARCH_ATTRIBUTES.destination.name} = '${destination}'` : ''}`,
      () => openDeliveries({ client, namespace }, destination),
    ];
    const cases = [
      list('visibility list: event log', visibilityQuery({ limit: 50 }, false)),
      list('visibility list: status delivered', visibilityQuery({ limit: 50, status: 'delivered' }, true)),
      list('visibility list: one event type', visibilityQuery({ limit: 50, type: bulkType }, false)),
      list('visibility list: one endpoint', visibilityQuery({ limit: 50, destination: 'ep0' }, true)),
      count('visibility count: deliveries waiting, tenant (getTenantStats)'),
      count('visibility count: deliveries waiting, ep0 (getDestination, getDestinationStats)', 'ep0'),
    ];
    const timings: Timing[] = [];
    for (const [name, path, run] of cases) {
      for (let i = 0; i < WARMUPS; i++) await run();
      const samples: number[] = [];
      let rows = 0;
      for (let i = 0; i < SAMPLES; i++) {
        const t0 = performance.now();
        rows = await run();
        samples.push(performance.now() - t0);
      }
      const { p50, p95, p99, n } = latencySummary(samples);
      timings.push({ name, path, n, p50, p95, p99, max: Math.max(...samples), rows });
    }
    return timings;
  } finally {
    await connection.close();
  }
}
