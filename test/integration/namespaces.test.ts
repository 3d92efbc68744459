// Namespaces Barrage registers itself at start-up (the `barrage start` path against a server
// that does not know the tenant yet): created with our search attributes, idempotently.
import { Client, Connection } from '@temporalio/client';
import { SA } from '../../src/contracts';
import { ensureNamespace } from '../../src/temporal/namespaces';
import { uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';

let connection: Connection;
beforeAll(async () => (connection = await Connection.connect({ address: testTemporalAddress() })));
afterAll(() => connection.close());

test('a new namespace is registered with every search attribute and usable at once', async () => {
  const namespace = uniqueName('tenant');
  await ensureNamespace(connection, namespace, { retentionMs: 86_400_000 });
  await ensureNamespace(connection, namespace, { retentionMs: 86_400_000 });
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  expect(Object.keys(customAttributes ?? {})).toEqual(
    expect.arrayContaining(['BarrageEventType', 'BarrageSource', 'BarrageDestination', 'BarrageStatus', 'BarrageAttempts']),
  );
  const described = await connection.workflowService.describeNamespace({ namespace });
  expect(Number(described.config?.workflowExecutionRetentionTtl?.seconds)).toBe(86_400);
  // Starting a workflow with our search attributes works (no worker needed to be recorded).
  const client = new Client({ connection, namespace });
  const handle = await client.workflow.start('callbackWorkflow', {
    taskQueue: uniqueName('ns'),
    workflowId: uniqueName('evt'),
    args: [],
    typedSearchAttributes: [
      { key: SA.status, value: 'pending' },
      { key: SA.attempts, value: 0 },
    ],
  });
  const description = await handle.describe();
  expect(description.typedSearchAttributes.get(SA.status)).toBe('pending');
  await handle.terminate('test done');
});

test('an existing namespace is brought to the configured retention (the dedupe window)', async () => {
  const namespace = uniqueName('tenant');
  await ensureNamespace(connection, namespace, { retentionMs: 86_400_000 });
  await ensureNamespace(connection, namespace, { retentionMs: 7 * 86_400_000 });
  const described = await connection.workflowService.describeNamespace({ namespace });
  expect(Number(described.config?.workflowExecutionRetentionTtl?.seconds)).toBe(7 * 86_400);
});

test('after a change it waits the server namespace refresh once more; with nothing to change it does not', async () => {
  const namespace = uniqueName('tenant');
  const options = { retentionMs: 86_400_000, cacheRefreshMs: 1500 };
  let started = Date.now();
  await ensureNamespace(connection, namespace, options);
  expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  started = Date.now();
  await ensureNamespace(connection, namespace, options);
  expect(Date.now() - started).toBeLessThan(1500);
});
