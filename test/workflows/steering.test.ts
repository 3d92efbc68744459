// Expiry (ttl), scheduled delivery (deliverAt) and priority in the delivery workflow, with stub
// attempts on a real Temporal server.
import { Context } from '@temporalio/activity';
import { WorkflowIdReusePolicy } from '@temporalio/client';
import type { Activities } from '../../activities';
import { SIGNAL, type DeliveryInput, type DeliveryState, type EventMeta } from '../../src/contracts';
import { deliveryInput, plan, scriptedAttempts, workflowEnv, type WorkflowEnv } from '../helpers/workflow-env';
import { countEvents } from '../helpers/history';
import { eventually } from '../helpers/sink';

let env: WorkflowEnv;
beforeAll(async () => (env = await workflowEnv()));
afterAll(() => env.close());

const retry = (intervalMs: number, maximumAttempts = 100) => ({
  initialIntervalMs: intervalMs,
  backoffCoefficient: 1,
  maximumIntervalMs: intervalMs,
  maximumAttempts,
  jitter: 0,
});

function withEvent(event: Partial<EventMeta>, rest: Partial<DeliveryInput> = {}): DeliveryInput {
  const base = deliveryInput(rest);
  return { ...base, event: { ...base.event, ...event } };
}

function start(input: DeliveryInput) {
  return env.client.workflow.start('deliveryWorkflow', {
    taskQueue: env.taskQueue,
    workflowId: input.event.eventId,
    args: [input],
    workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
  });
}

const stateOf = (handle: Awaited<ReturnType<typeof start>>) => handle.query<DeliveryState>('deliveryState');

test('a ttl ends a failing delivery "expired" at the ttl: no more attempts, no dead letter', async () => {
  const { activities, calls } = scriptedAttempts([{ outcome: 'retryable', statusCode: 503 }]);
  const deadLetter = { destinationId: 'dlq', timeoutMs: 1000, retry: retry(50, 1) };
  let input!: DeliveryInput;
  const state = await env.run(activities, async () => {
    // Made once the worker runs, so its start-up does not eat the ttl.
    input = withEvent({ ttlMs: 3000 }, { plan: plan({ retry: retry(500), deadLetter }) });
    return (await start(input)).result() as Promise<DeliveryState>;
  });
  expect(state.status).toBe('expired');
  expect(state.expiresAt).toBe(new Date(Date.parse(input.event.receivedAt) + 3000).toISOString());
  // Attempts every 500 ms (the dev server fires timers on a coarser tick); none after the ttl.
  expect(calls.length).toBeGreaterThanOrEqual(2);
  expect(calls.length).toBeLessThanOrEqual(7);
  for (const call of calls) expect(call.at).toBeLessThan(Date.parse(state.expiresAt!) + 50);
  expect(state.deadLetteredTo).toBeUndefined();
});

test('a backoff longer than the ttl waits only until the ttl; the shorter of event and destination ttl counts', async () => {
  const { activities, calls } = scriptedAttempts([{ outcome: 'retryable', statusCode: 500 }]);
  const input = withEvent({ ttlMs: 60_000 }, { plan: plan({ retry: retry(600_000), ttlMs: 800 }) });
  const begun = Date.now();
  const state = await env.run(activities, async () => {
    const handle = await start(input);
    const waiting = await eventually(async () => ((await stateOf(handle)).status === 'retrying' ? stateOf(handle) : undefined));
    // The next attempt would come after the ttl, so none is announced.
    expect(waiting.nextAttemptAt).toBeUndefined();
    return handle.result() as Promise<DeliveryState>;
  });
  expect(state.status).toBe('expired');
  expect(calls).toHaveLength(1);
  expect(Date.now() - begun).toBeLessThan(15_000);
});

test('deliverAt: "scheduled" with its time until then, no attempt earlier, one timer and no polling', async () => {
  const { activities, calls } = scriptedAttempts([{ outcome: 'delivered', statusCode: 200 }]);
  const deliverAt = new Date(Date.now() + 1500).toISOString();
  const input = withEvent({ deliverAt });
  const state = await env.run(activities, async () => {
    const handle = await start(input);
    const waiting = await eventually(async () => ((await stateOf(handle)).status === 'scheduled' ? stateOf(handle) : undefined));
    expect(waiting.nextAttemptAt).toBe(deliverAt);
    return handle.result() as Promise<DeliveryState>;
  });
  expect(state.status).toBe('delivered');
  expect(calls).toHaveLength(1);
  expect(calls[0].at).toBeGreaterThanOrEqual(Date.parse(deliverAt));
  expect(await countEvents(env.client, input.event.eventId, 'EVENT_TYPE_TIMER_STARTED')).toBe(1);
});

test('a scheduled delivery: retryNow sends it now; cancelDelivery ends it "cancelled" with no attempt', async () => {
  const { activities, calls } = scriptedAttempts([{ outcome: 'delivered', statusCode: 200 }]);
  const later = new Date(Date.now() + 600_000).toISOString();
  const now = withEvent({ deliverAt: later });
  const cancelled = withEvent({ deliverAt: later });
  const [sent, dropped] = await env.run(activities, async () => {
    const handles = [await start(now), await start(cancelled)];
    for (const h of handles) await eventually(async () => ((await stateOf(h)).status === 'scheduled' ? true : undefined));
    await handles[0].signal(SIGNAL.retryNow);
    await handles[1].signal(SIGNAL.cancelDelivery, { reason: 'not wanted' });
    return Promise.all(handles.map((h) => h.result() as Promise<DeliveryState>));
  });
  expect(sent.status).toBe('delivered');
  expect(dropped).toMatchObject({ status: 'cancelled', cancelReason: 'not wanted', attempts: [] });
  expect(calls.map((c) => c.event.eventId)).toEqual([now.event.eventId]);
});

test('an event’s priority is its attempts’ Temporal task priority; normal sets none', async () => {
  const seen: (number | undefined)[] = [];
  const activities: Pick<Activities, 'attemptDelivery'> = {
    async attemptDelivery(req) {
      seen.push(Context.current().info.priority?.priorityKey);
      return { attempt: req.attempt, startedAt: new Date().toISOString(), durationMs: 1, outcome: 'delivered' };
    },
  };
  await env.run(activities, async () => {
    for (const priority of ['high', 'low', undefined] as const) {
      await (await start(withEvent(priority ? { priority } : {}))).result();
    }
  });
  expect(seen.slice(0, 2)).toEqual([1, 5]);
  expect([undefined, 0, 3]).toContain(seen[2]);
});
