import { WorkflowIdReusePolicy } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Activities } from '../../activities';
import { SIGNAL, type DeliveryInput, type DeliveryState } from '../../src/contracts';
import { deliveryInput, plan, scriptedAttempts, workflowEnv, type WorkflowEnv } from '../helpers/workflow-env';
import { countEvents } from '../helpers/history';
import { eventually } from '../helpers/sink';

let env: WorkflowEnv;
beforeAll(async () => (env = await workflowEnv()));
afterAll(() => env.close());

async function runDelivery(input = deliveryInput()) {
  return env.client.workflow.execute('deliveryWorkflow', {
    taskQueue: env.taskQueue,
    workflowId: input.event.eventId,
    args: [input],
    workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
  }) as Promise<DeliveryState>;
}

/** Starts a delivery and returns once it waits for its next attempt. */
async function startAndWaitForRetry(input: DeliveryInput) {
  const handle = await env.client.workflow.start('deliveryWorkflow', {
    taskQueue: env.taskQueue,
    workflowId: input.event.eventId,
    args: [input],
  });
  const waiting = await eventually(async () => {
    const state = await handle.query<DeliveryState>('deliveryState');
    return state.status === 'retrying' ? state : undefined;
  });
  return { handle, waiting };
}

describe('deliveryWorkflow', () => {
  test('retries with backoff timers until delivered', async () => {
    const { activities, calls } = scriptedAttempts([
      { outcome: 'retryable', statusCode: 500 },
      { outcome: 'retryable', statusCode: 500 },
      { outcome: 'delivered', statusCode: 200 },
    ]);
    const input = deliveryInput();
    const state = await env.run(activities, () => runDelivery(input));
    expect(state.status).toBe('delivered');
    expect(state.attempts.map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ]);
    expect(calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    // Backoff 50 ms then 100 ms, each a durable timer in the history.
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(45);
    expect(calls[2].at - calls[1].at).toBeGreaterThanOrEqual(95);
    expect(await countEvents(env.client, input.event.eventId, 'EVENT_TYPE_TIMER_STARTED')).toBe(2);
    expect(await countEvents(env.client, input.event.eventId, 'EVENT_TYPE_ACTIVITY_TASK_COMPLETED')).toBe(3);
  });

  test('honours Retry-After, clamped to the maximum interval', async () => {
    const { activities, calls } = scriptedAttempts([
      { outcome: 'retryable', statusCode: 429, retryAfterMs: 1200 },
      { outcome: 'retryable', statusCode: 429, retryAfterMs: 3_600_000 },
      { outcome: 'delivered' },
    ]);
    const input = deliveryInput({
      plan: plan({
        retry: { initialIntervalMs: 10, backoffCoefficient: 1, maximumIntervalMs: 1500, maximumAttempts: 5, jitter: 0 },
      }),
    });
    const state = await env.run(activities, () => runDelivery(input));
    expect(state.status).toBe('delivered');
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(1150);
    const clamped = calls[2].at - calls[1].at;
    expect(clamped).toBeGreaterThanOrEqual(1450);
    expect(clamped).toBeLessThan(5000);
  });

  test('a permanent failure stops at once and dead-letters the event with a failure summary', async () => {
    const { activities, calls } = scriptedAttempts([
      { outcome: 'permanent', statusCode: 404, error: 'HTTP 404' },
      { outcome: 'delivered' },
    ]);
    const input = deliveryInput({ plan: plan({ deadLetter: { ...plan(), destinationId: 'audit' } }) });
    const state = await env.run(activities, async () => {
      const result = await runDelivery(input);
      await eventually(async () => (calls.length >= 2 ? true : undefined), 10_000, 'dead-letter attempt');
      return result;
    });
    expect(state).toMatchObject({ status: 'failed', deadLetteredTo: 'audit' });
    expect(state.attempts).toHaveLength(1);
    const deadLetter = calls[1];
    expect(deadLetter.destinationId).toBe('audit');
    const body = JSON.parse(deadLetter.payload.body);
    expect(body).toMatchObject({
      type: 'barrage.dead_letter',
      event: { id: input.event.eventId, type: 'order.created', body: '{"n":1}' },
      failure: { destination: 'billing', attempts: 1, lastStatusCode: 404, lastError: 'HTTP 404' },
    });
  });

  test('an activity that fails for good is the last attempt: failed, error recorded, dead-lettered', async () => {
    const calls: string[] = [];
    const activities: Pick<Activities, 'attemptDelivery'> = {
      async attemptDelivery(req) {
        calls.push(req.destinationId);
        if (req.destinationId === 'audit')
          return { attempt: 1, startedAt: new Date().toISOString(), durationMs: 1, outcome: 'delivered' };
        throw ApplicationFailure.nonRetryable('driver exploded', 'TestBug');
      },
    };
    const input = deliveryInput({ plan: plan({ deadLetter: { ...plan(), destinationId: 'audit' } }) });
    const state = await env.run(activities, async () => {
      const result = await runDelivery(input);
      await eventually(async () => (calls.includes('audit') ? true : undefined), 10_000, 'dead-letter attempt');
      return result;
    });
    expect(state).toMatchObject({ status: 'failed', deadLetteredTo: 'audit' });
    expect(state.attempts).toEqual([
      expect.objectContaining({ attempt: 1, outcome: 'permanent', error: 'the attempt could not run: driver exploded' }),
    ]);
    expect(calls).toEqual(['billing', 'audit']);
  });

  test('fails after maximumAttempts', async () => {
    const { activities, calls } = scriptedAttempts([{ outcome: 'retryable', statusCode: 502 }]);
    const input = deliveryInput({
      plan: plan({
        retry: { initialIntervalMs: 10, backoffCoefficient: 1, maximumIntervalMs: 10, maximumAttempts: 3, jitter: 0 },
      }),
    });
    const state = await env.run(activities, () => runDelivery(input));
    expect(state.status).toBe('failed');
    expect(calls).toHaveLength(3);
  });

  test('cancelling during a backoff wait ends the delivery as cancelled', async () => {
    const { activities, calls } = scriptedAttempts([{ outcome: 'retryable', statusCode: 500 }]);
    const input = deliveryInput({
      plan: plan({
        retry: { initialIntervalMs: 600_000, backoffCoefficient: 1, maximumIntervalMs: 600_000, maximumAttempts: 3, jitter: 0 },
      }),
    });
    const state = await env.run(activities, async () => {
      const { handle, waiting } = await startAndWaitForRetry(input);
      expect(waiting.nextAttemptAt).toBeDefined();
      await handle.cancel();
      return (await handle.result()) as DeliveryState;
    });
    expect(state.status).toBe('cancelled');
    expect(calls).toHaveLength(1);
  });

  test('the retryNow signal skips the backoff wait', async () => {
    const { activities, calls } = scriptedAttempts([{ outcome: 'retryable', statusCode: 500 }, { outcome: 'delivered' }]);
    const input = deliveryInput({
      plan: plan({
        retry: { initialIntervalMs: 600_000, backoffCoefficient: 1, maximumIntervalMs: 600_000, maximumAttempts: 3, jitter: 0 },
      }),
    });
    const state = await env.run(activities, async () => {
      const { handle } = await startAndWaitForRetry(input);
      await handle.signal(SIGNAL.retryNow);
      return (await handle.result()) as DeliveryState;
    });
    expect(state.status).toBe('delivered');
    expect(calls).toHaveLength(2);
  });

  test('the cancelDelivery signal ends a waiting delivery "cancelled" with its reason, no dead letter', async () => {
    const { activities, calls } = scriptedAttempts([{ outcome: 'retryable', statusCode: 500 }]);
    const input = deliveryInput({
      plan: plan({
        retry: { initialIntervalMs: 600_000, backoffCoefficient: 1, maximumIntervalMs: 600_000, maximumAttempts: 3, jitter: 0 },
        deadLetter: { ...plan(), destinationId: 'audit' },
      }),
    });
    const state = await env.run(activities, async () => {
      const { handle } = await startAndWaitForRetry(input);
      await handle.signal(SIGNAL.cancelDelivery, { reason: 'destination deleted' });
      return (await handle.result()) as DeliveryState;
    });
    expect(state).toMatchObject({ status: 'cancelled', cancelReason: 'destination deleted' });
    expect(state.deadLetteredTo).toBeUndefined();
    expect(state.nextAttemptAt).toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  test('an attempt that finds its destination deleted ends the delivery "cancelled", no dead letter', async () => {
    const { activities, calls } = scriptedAttempts([{ outcome: 'cancelled', error: 'destination deleted' }]);
    const input = deliveryInput({ plan: plan({ deadLetter: { ...plan(), destinationId: 'audit' } }) });
    const state = await env.run(activities, () => runDelivery(input));
    expect(state).toMatchObject({
      status: 'cancelled',
      cancelReason: 'destination deleted',
      attempts: [{ outcome: 'cancelled' }],
    });
    expect(calls.map((c) => c.destinationId)).toEqual(['billing']);
  });

  test('a manual retry run continues the attempt numbering', async () => {
    const { activities, calls } = scriptedAttempts([{ outcome: 'delivered' }]);
    const previous = [
      { attempt: 1, startedAt: new Date().toISOString(), durationMs: 3, outcome: 'permanent' as const, statusCode: 404 },
    ];
    const state = await env.run(activities, () => runDelivery(deliveryInput({ previousAttempts: previous })));
    expect(state.attempts.map((a) => a.attempt)).toEqual([1, 2]);
    expect(calls[0].attempt).toBe(2);
  });
});
