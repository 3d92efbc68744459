// Workflow-logic tests: the real workflows on the real test server, with stub activities.
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Activities } from '../../activities';
import type { AttemptRecord, AttemptRequest, DeliveryInput, DeliveryPlan } from '../../src/contracts';
import { workflowSource } from '../../src/temporal/bundle';
import { installRuntime, workerSinks } from '../../src/roles/worker';
import { uniqueName } from './config';
import { testTemporalAddress } from './env';

export const WF_NAMESPACE = 'barrage-wf';

export interface WorkflowEnv {
  client: Client;
  taskQueue: string;
  run<T>(activities: Partial<Activities>, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function workflowEnv(): Promise<WorkflowEnv> {
  installRuntime();
  const address = testTemporalAddress();
  const connection = await Connection.connect({ address });
  const native = await NativeConnection.connect({ address });
  const client = new Client({ connection, namespace: WF_NAMESPACE });
  const env: WorkflowEnv = {
    client,
    taskQueue: '',
    async run(activities, fn) {
      env.taskQueue = uniqueName('wf');
      const worker = await Worker.create({
        connection: native,
        namespace: WF_NAMESPACE,
        taskQueue: env.taskQueue,
        activities,
        ...workflowSource(),
        sinks: workerSinks(),
      });
      return worker.runUntil(fn);
    },
    async close() {
      await connection.close();
      await native.close();
    },
  };
  return env;
}

/** A stub attemptDelivery that answers from a script and records the requests it got. */
export function scriptedAttempts(script: Partial<AttemptRecord>[]) {
  const calls: (AttemptRequest & { at: number })[] = [];
  const activities: Pick<Activities, 'attemptDelivery'> = {
    async attemptDelivery(req) {
      calls.push({ ...req, at: Date.now() });
      const step = script[Math.min(calls.length - 1, script.length - 1)];
      return { attempt: req.attempt, startedAt: new Date().toISOString(), durationMs: 1, outcome: 'delivered', ...step };
    },
  };
  return { activities, calls };
}

export function plan(overrides: Partial<DeliveryPlan> = {}): DeliveryPlan {
  return {
    destinationId: 'billing',
    timeoutMs: 1000,
    retry: { initialIntervalMs: 50, backoffCoefficient: 2, maximumIntervalMs: 400, maximumAttempts: 5, jitter: 0 },
    ...overrides,
  };
}

export function deliveryInput(overrides: Partial<DeliveryInput> = {}): DeliveryInput {
  return {
    event: {
      eventId: uniqueName('evt'),
      tenantId: 'acme',
      eventType: 'order.created',
      source: 'api',
      receivedAt: new Date().toISOString(),
    },
    payload: { contentType: 'application/json', body: '{"n":1}', encoding: 'utf8' },
    plan: plan(),
    ...overrides,
  };
}
