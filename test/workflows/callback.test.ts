import { ApplicationFailure } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { Activities } from '../../activities';
import {
  CURRENT_REVISION,
  deadLetterWorkflowId,
  deliveryWorkflowId,
  type CallbackInput,
  type CallbackSummary,
  type DeliveryPlan,
  type DeliveryState,
} from '../../src/contracts';
import { uniqueName } from '../helpers/config';
import { eventually } from '../helpers/sink';
import { plan, scriptedAttempts, workflowEnv, type WorkflowEnv } from '../helpers/workflow-env';

let env: WorkflowEnv;
beforeAll(async () => (env = await workflowEnv()));
afterAll(() => env.close());

/** A callback's input as ingest writes it; `extra` sets the workflow-behaviour fields. */
function callbackInput(eventId: string, destinations: DeliveryPlan[], extra: Partial<CallbackInput> = {}): CallbackInput {
  return {
    eventId,
    tenantId: 'acme',
    eventType: 'order.created',
    source: 'api',
    receivedAt: new Date().toISOString(),
    payload: { contentType: 'application/json', body: '{}', encoding: 'utf8' },
    destinations,
    ...extra,
  };
}

/** `settled`: what else to wait for before the worker stops (an abandoned dead letter's attempt). */
async function runCallback(
  activities: Partial<Activities>,
  destinationIds: (string | DeliveryPlan)[],
  options: { eventId?: string; settled?: () => Promise<unknown> } = {},
) {
  const eventId = options.eventId ?? uniqueName('evt');
  const input = callbackInput(
    eventId,
    destinationIds.map((d) => (typeof d === 'string' ? plan({ destinationId: d }) : d)),
  );
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

describe('revision 2: the callback does not wait for its deliveries', () => {
  test('it closes once its deliveries have started; each still runs to its end, delivered ones write no status', async () => {
    const { activities, calls } = scriptedAttempts([]);
    activities.attemptDelivery = async (req) => {
      calls.push({ ...req, at: Date.now() });
      const outcome = req.destinationId === 'gone' ? 'permanent' : 'delivered';
      return { attempt: req.attempt, startedAt: new Date().toISOString(), durationMs: 1, outcome };
    };
    const eventId = uniqueName('evt');
    const gone = plan({ destinationId: 'gone', deadLetter: plan({ destinationId: 'audit' }) });
    const input = callbackInput(eventId, [plan({ destinationId: 'a' }), gone], { revision: CURRENT_REVISION });
    const deliveries = [deliveryWorkflowId(eventId, 'a'), deliveryWorkflowId(eventId, 'gone')];
    const deadLetter = deadLetterWorkflowId(deliveryWorkflowId(eventId, 'gone'), 1);
    const result = await env.run(activities, async () => {
      const started = await env.client.workflow.execute('callbackWorkflow', {
        taskQueue: env.taskQueue,
        workflowId: eventId,
        args: [input],
      });
      const states = await Promise.all(
        [...deliveries, deadLetter].map(async (id) => {
          const handle = env.client.workflow.getHandle(id);
          await eventually(() => handle.describe().catch(() => undefined), 10_000, `${id} started`);
          return (await handle.result()) as DeliveryState;
        }),
      );
      return { started, states };
    });
    expect(result.started).toEqual({ eventId, deliveries });
    expect(result.states.map((s) => [s.destinationId, s.status])).toEqual([
      ['a', 'delivered'],
      ['gone', 'failed'],
      ['audit', 'delivered'],
    ]);
    const parent = (await env.client.workflow.getHandle(eventId).fetchHistory()).events ?? [];
    // Started, then closed as soon as both starts are confirmed: two workflow tasks, no patch marker.
    const names = parent.map((e) => eventName(e.eventType));
    expect(names.slice(0, 6)).toEqual([
      'WORKFLOW_EXECUTION_STARTED',
      'WORKFLOW_TASK_SCHEDULED',
      'WORKFLOW_TASK_STARTED',
      'WORKFLOW_TASK_COMPLETED',
      'START_CHILD_WORKFLOW_EXECUTION_INITIATED',
      'START_CHILD_WORKFLOW_EXECUTION_INITIATED',
    ]);
    expect(names.filter((n) => n === 'CHILD_WORKFLOW_EXECUTION_STARTED')).toHaveLength(2);
    expect(names.filter((n) => n.startsWith('CHILD_WORKFLOW_EXECUTION_COMPLETED'))).toEqual([]);
    expect(names.filter((n) => n === 'WORKFLOW_TASK_COMPLETED').length).toBeLessThanOrEqual(3);
    expect(names[names.length - 1]).toBe('WORKFLOW_EXECUTION_COMPLETED');
    const statusOf = async (id: string) => {
      const description = await env.client.workflow.getHandle(id).describe();
      const status = description.typedSearchAttributes.getAll().find((p) => p.key.name === 'BarrageStatus')?.value;
      return [description.status.name, status, description.parentExecution?.workflowId];
    };
    expect(await statusOf(deliveries[0])).toEqual(['COMPLETED', 'delivering', eventId]);
    expect(await statusOf(deliveries[1])).toEqual(['COMPLETED', 'failed', eventId]);
    expect(await statusOf(deadLetter)).toEqual(['COMPLETED', 'delivering', deliveries[1]]);
    const upserts = async (id: string) =>
      ((await env.client.workflow.getHandle(id).fetchHistory()).events ?? []).filter(
        (e) => eventName(e.eventType) === 'UPSERT_WORKFLOW_SEARCH_ATTRIBUTES' || eventName(e.eventType) === 'MARKER_RECORDED',
      ).length;
    // Delivered: no upsert, no patch marker; failed: its one status upsert.
    expect([await upserts(deliveries[0]), await upserts(deliveries[1]), await upserts(eventId)]).toEqual([0, 1, 0]);
  });
});

test('revision 2 with temporal.recordDeliveredStatus: a delivered delivery writes "delivered" after all', async () => {
  const { activities } = scriptedAttempts([{ outcome: 'delivered' }]);
  const eventId = uniqueName('evt');
  const input = callbackInput(eventId, [plan({ destinationId: 'a' })], { revision: CURRENT_REVISION, recordDelivered: true });
  const delivery = deliveryWorkflowId(eventId, 'a');
  await env.run(activities, async () => {
    await env.client.workflow.execute('callbackWorkflow', { taskQueue: env.taskQueue, workflowId: eventId, args: [input] });
    const handle = env.client.workflow.getHandle(delivery);
    await eventually(() => handle.describe().catch(() => undefined), 10_000, 'delivery started');
    await handle.result();
  });
  const description = await env.client.workflow.getHandle(delivery).describe();
  const status = description.typedSearchAttributes.getAll().find((p) => p.key.name === 'BarrageStatus')?.value;
  expect([description.status.name, status]).toEqual(['COMPLETED', 'delivered']);
});

function eventName(type: temporal.api.enums.v1.EventType | null | undefined): string {
  return temporal.api.enums.v1.EventType[type ?? 0].replace(/^EVENT_TYPE_/, '');
}
