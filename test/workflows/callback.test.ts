import { ApplicationFailure } from '@temporalio/common';
import type { Activities } from '../../activities';
import type { CallbackInput, CallbackSummary } from '../../src/contracts';
import { uniqueName } from '../helpers/config';
import { plan, scriptedAttempts, workflowEnv, type WorkflowEnv } from '../helpers/workflow-env';

let env: WorkflowEnv;
beforeAll(async () => (env = await workflowEnv()));
afterAll(() => env.close());

async function runCallback(activities: Activities, destinationIds: string[]) {
  const eventId = uniqueName('evt');
  const input: CallbackInput = {
    eventId,
    tenantId: 'acme',
    eventType: 'order.created',
    source: 'api',
    receivedAt: new Date().toISOString(),
    payload: { contentType: 'application/json', body: '{}', encoding: 'utf8' },
    destinations: destinationIds.map((destinationId) => plan({ destinationId })),
  };
  const summary = (await env.run(activities, () =>
    env.client.workflow.execute('callbackWorkflow', { taskQueue: env.taskQueue, workflowId: eventId, args: [input] }),
  )) as CallbackSummary;
  return { eventId, summary };
}

describe('callbackWorkflow', () => {
  test('fans out to one child per destination; one failure hides none of the others', async () => {
    const { activities, calls } = scriptedAttempts([{ outcome: 'delivered' }]);
    activities.attemptDelivery = async (req) => {
      calls.push({ ...req, at: Date.now() });
      const outcome = req.destinationId === 'broken' ? 'permanent' : 'delivered';
      return { attempt: req.attempt, startedAt: new Date().toISOString(), durationMs: 1, outcome };
    };
    const { eventId, summary } = await runCallback(activities, ['a', 'broken', 'c']);
    expect(summary).toEqual({
      eventId,
      status: 'failed',
      destinations: [
        { destinationId: 'a', status: 'delivered', attempts: 1 },
        { destinationId: 'broken', status: 'failed', attempts: 1 },
        { destinationId: 'c', status: 'delivered', attempts: 1 },
      ],
    });
    expect(calls.map((c) => c.destinationId).sort()).toEqual(['a', 'broken', 'c']);
    const child = await env.client.workflow.getHandle(`${eventId}.broken`).describe();
    expect(child.typedSearchAttributes.getAll().map((p) => [p.key.name, p.value])).toEqual(
      expect.arrayContaining([
        ['BarrageStatus', 'failed'],
        ['BarrageDestination', 'broken'],
        ['BarrageEventType', 'order.created'],
      ]),
    );
  });
});

test('an attempt activity that fails for good ends its delivery failed with one attempt, not the callback', async () => {
  const { activities } = scriptedAttempts([]);
  activities.attemptDelivery = async () => {
    throw ApplicationFailure.nonRetryable('worker bug', 'TestBug');
  };
  const { eventId, summary } = await runCallback(activities, ['broken']);
  expect(summary).toEqual({
    eventId,
    status: 'failed',
    destinations: [{ destinationId: 'broken', status: 'failed', attempts: 1 }],
  });
});
