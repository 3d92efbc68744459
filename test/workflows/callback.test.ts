import { ApplicationFailure } from '@temporalio/common';
import type { Activities } from '../../activities';
import {
  deadLetterWorkflowId,
  deliveryWorkflowId,
  type CallbackInput,
  type CallbackSummary,
  type DeliveryPlan,
} from '../../src/contracts';
import { uniqueName } from '../helpers/config';
import { eventually } from '../helpers/sink';
import { plan, scriptedAttempts, workflowEnv, type WorkflowEnv } from '../helpers/workflow-env';

let env: WorkflowEnv;
beforeAll(async () => (env = await workflowEnv()));
afterAll(() => env.close());

/** `settled`: what else to wait for before the worker stops (an abandoned dead letter's attempt). */
async function runCallback(
  activities: Activities,
  destinationIds: (string | DeliveryPlan)[],
  options: { eventId?: string; settled?: () => Promise<unknown> } = {},
) {
  const eventId = options.eventId ?? uniqueName('evt');
  const input: CallbackInput = {
    eventId,
    tenantId: 'acme',
    eventType: 'order.created',
    source: 'api',
    receivedAt: new Date().toISOString(),
    payload: { contentType: 'application/json', body: '{}', encoding: 'utf8' },
    destinations: destinationIds.map((d) => (typeof d === 'string' ? plan({ destinationId: d }) : d)),
  };
  const summary = (await env.run(activities, async () => {
    const result = await env.client.workflow.execute('callbackWorkflow', {
      taskQueue: env.taskQueue,
      workflowId: eventId,
      args: [input],
    });
    await options.settled?.();
    return result;
  })) as CallbackSummary;
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
    const child = await env.client.workflow.getHandle(deliveryWorkflowId(eventId, 'broken')).describe();
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

test('child IDs join event and destination with "~": pairs that shared a "." ID get one each, and a dead letter is <delivery>~dead-letter-<n>', async () => {
  const { activities, calls } = scriptedAttempts([]);
  activities.attemptDelivery = async (req) => {
    calls.push({ ...req, at: Date.now() });
    const outcome = req.destinationId === 'gone' ? 'permanent' : 'delivered';
    return { attempt: req.attempt, startedAt: new Date().toISOString(), durationMs: 1, outcome };
  };
  // Before the separator both deliveries were `<base>.b.c`: event `<base>.b` → `c`, event `<base>` → `b.c`.
  const base = uniqueName('evt');
  const first = await runCallback(activities, ['c'], { eventId: `${base}.b` });
  const gone = plan({ destinationId: 'gone', deadLetter: plan({ destinationId: 'audit' }) });
  const deadLetterSent = () =>
    eventually(async () => (calls.some((c) => c.destinationId === 'audit') ? true : undefined), 10_000, 'dead letter');
  const second = await runCallback(activities, ['b.c', gone], { eventId: base, settled: deadLetterSent });
  expect(first.summary.status).toBe('delivered');
  expect(second.summary.destinations.map((d) => [d.destinationId, d.status])).toEqual([
    ['b.c', 'delivered'],
    ['gone', 'failed'],
  ]);
  const parentOf = async (id: string) => (await env.client.workflow.getHandle(id).describe()).parentExecution?.workflowId;
  expect(await parentOf(`${base}.b~c`)).toBe(`${base}.b`);
  expect(await parentOf(`${base}~b.c`)).toBe(base);
  expect(deliveryWorkflowId(base, 'gone')).toBe(`${base}~gone`);
  expect(deadLetterWorkflowId(`${base}~gone`, 1)).toBe(`${base}~gone~dead-letter-1`);
  expect(await parentOf(`${base}~gone~dead-letter-1`)).toBe(`${base}~gone`);
});
