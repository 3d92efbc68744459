// One destination's delivery: attempt (activity) → durable timer → attempt …, until delivered,
// permanently refused, the destination's retry policy is exhausted, or its ttl runs out.
import * as wf from '@temporalio/workflow';
import type { ActivityInterfaceFor } from '@temporalio/workflow';
import type { Activities } from '../activities';
import {
  atRevision,
  deadLetterWorkflowId,
  deliveryExpiresAt,
  deliverySearchAttributes,
  nextAttemptDelay,
  QUERY,
  SA,
  SIGNAL,
  type AttemptRecord,
  type AttemptRequest,
  type DeliveryFinished,
  type DeliveryInput,
  type DeliveryState,
  type DeliveryStatus,
  type Payload,
} from '../src/contracts';
import { attemptActivityOptions, PATCH_ATTEMPT_FAILURE_AS_RECORD, PATCH_TILDE_CHILD_IDS } from './policies';

export const deliveryStateQuery = wf.defineQuery<DeliveryState>(QUERY.deliveryState);

/** Metrics for finished deliveries. A sink makes no command and is skipped on replay: histories are unaffected. */
const { barrageMetrics } = wf.proxySinks<{ barrageMetrics: { deliveryFinished(info: DeliveryFinished): void } & wf.Sink }>();
/** Skips the current backoff wait: the next attempt starts now. */
export const retryNowSignal = wf.defineSignal(SIGNAL.retryNow);
/** Ends the delivery "cancelled" with a reason, at its next step (a running attempt finishes first). */
export const cancelDeliverySignal = wf.defineSignal<[{ reason: string }]>(SIGNAL.cancelDelivery);

export async function deliveryWorkflow(input: DeliveryInput): Promise<DeliveryState> {
  const { event, payload, plan } = input;
  const state: DeliveryState = {
    destinationId: plan.destinationId,
    status: 'pending',
    attempts: [...(input.previousAttempts ?? [])],
  };
  let retryRequested = false;
  // Histories recorded before this signal existed never carry it, so they replay unchanged.
  let cancelReason: string | undefined;
  wf.setHandler(deliveryStateQuery, () => state);
  wf.setHandler(retryNowSignal, () => void (retryRequested = true));
  wf.setHandler(cancelDeliverySignal, ({ reason }) => void (cancelReason ??= reason));
  const cancelled = (reason: string) => {
    state.nextAttemptAt = undefined;
    state.cancelReason = reason;
    return setStatus(state, 'cancelled', input);
  };

  const limited = plan.rateLimit && {
    taskQueue: wf.workflowInfo().taskQueue,
    destinationId: plan.destinationId,
    ...plan.rateLimit,
  };
  // Revision 3 attempts may be held (paused, circuit open) as activity retries: see policies.ts.
  const holdable = atRevision(input, 3);
  const options = attemptActivityOptions(plan.timeoutMs, event.priority, limited, holdable);
  const { attemptDelivery } = wf.proxyActivities<Activities>(options);
  const firstAttempt = state.attempts.length + 1;
  // Inputs recorded before these fields existed carry neither: their histories replay unchanged.
  const expiresAt = deliveryExpiresAt(input);
  if (expiresAt !== undefined) state.expiresAt = new Date(expiresAt).toISOString();
  const expired = () => expiresAt !== undefined && Date.now() >= expiresAt;
  try {
    // A manual retry (previousAttempts set) means "now", so only a first run waits for deliverAt.
    if (event.deliverAt && input.previousAttempts === undefined) {
      await waitUntilScheduled(state, event.deliverAt, () => retryRequested || cancelReason !== undefined);
    }
    const startedAt = Date.now();
    for (let attempt = firstAttempt; ; attempt++) {
      if (cancelReason !== undefined) return cancelled(cancelReason);
      if (expired()) return setStatus(state, 'expired', input);
      // Live status only: the search attribute already says "delivering" from the start or
      // "retrying" from the wait, and every upsert is a billed Temporal action.
      state.status = 'delivering';
      const record = await runAttempt(attemptDelivery, options, plan, {
        event,
        payload,
        destinationId: plan.destinationId,
        attempt,
        timeoutMs: plan.timeoutMs,
        ...(holdable ? { mayHold: true as const } : {}),
        ...(holdable && input.deadLetterOf !== undefined ? { deadLetter: true as const } : {}),
        // Absent from every plan recorded before one-off deliveries: those inputs are unchanged.
        ...(plan.target ? { target: plan.target } : {}),
      });
      state.attempts.push(record);
      if (record.outcome === 'delivered') return setStatus(state, 'delivered', input);
      if (record.outcome === 'cancelled') return cancelled(record.error ?? 'cancelled');
      if (record.outcome === 'permanent') break;
      const delay = nextAttemptDelay({
        spec: plan.retry,
        attemptsMade: attempt - firstAttempt + 1,
        elapsedMs: Date.now() - startedAt,
        random: Math.random(),
        retryAfterMs: record.retryAfterMs,
      });
      if (delay === undefined) break;
      if (expired()) return setStatus(state, 'expired', input);
      // A next attempt due after the ttl is never made: the wait ends at the ttl instead.
      const beforeExpiry = expiresAt === undefined || Date.now() + delay < expiresAt;
      state.nextAttemptAt = beforeExpiry ? new Date(Date.now() + delay).toISOString() : undefined;
      retryRequested = false;
      setStatus(state, 'retrying');
      await wf.condition(() => retryRequested || cancelReason !== undefined, beforeExpiry ? delay : expiresAt! - Date.now());
      state.nextAttemptAt = undefined;
    }
  } catch (err) {
    if (!wf.isCancellation(err)) throw err;
    state.nextAttemptAt = undefined;
    return setStatus(state, 'cancelled', input);
  }
  // Both fields change in the same activation, so no query ever sees "failed" without its
  // dead-letter target.
  if (plan.deadLetter) state.deadLetteredTo = plan.deadLetter.destinationId;
  setStatus(state, 'failed', input);
  if (plan.deadLetter) await startDeadLetter(input, state);
  return state;
}

/**
 * Scheduled delivery: a durable timer until `deliverAt`, shown as "scheduled" (set when the
 * delivery started). A retry signal ends the wait early ("send now"); so does a cancel.
 */
async function waitUntilScheduled(state: DeliveryState, deliverAt: string, interrupted: () => boolean): Promise<void> {
  const wait = Date.parse(deliverAt) - Date.now();
  if (wait <= 0) return;
  state.status = 'scheduled';
  state.nextAttemptAt = deliverAt;
  await wf.condition(interrupted, wait);
  state.nextAttemptAt = undefined;
  wf.upsertSearchAttributes([{ key: SA.status, value: 'delivering' }]);
}

/**
 * One attempt. If the activity itself failed for good (its bounded infrastructure retries ran out,
 * or it threw a non-retryable error), that is the delivery's last attempt: data, not a workflow
 * failure. Histories recorded before this change replay as they ran (the workflow failed).
 */
async function runAttempt(
  attemptDelivery: ActivityInterfaceFor<Activities>['attemptDelivery'],
  options: wf.ActivityOptions,
  plan: DeliveryInput['plan'],
  request: AttemptRequest,
): Promise<AttemptRecord> {
  try {
    return await attemptDelivery.executeWithOptions(
      { ...options, summary: `attempt ${request.attempt} → ${plan.destinationId}` },
      [request],
    );
  } catch (err) {
    if (!(err instanceof wf.ActivityFailure) || wf.isCancellation(err) || !wf.patched(PATCH_ATTEMPT_FAILURE_AS_RECORD)) throw err;
    return {
      attempt: request.attempt,
      startedAt: new Date(Date.now()).toISOString(),
      durationMs: 0,
      outcome: 'permanent',
      error: `the attempt could not run: ${err.cause?.message ?? err.message}`,
    };
  }
}

/**
 * Records a status users search for (retrying, or a final one) in one upsert with the attempt
 * count. From revision 2 "delivered" is not written: a delivery that closed Completed while its
 * search attribute still says "delivering" was delivered (the API's filters read it so), and the
 * upsert would be a billed action on every delivery.
 */
function setStatus(state: DeliveryState, status: DeliveryStatus, finished?: DeliveryInput): DeliveryState {
  state.status = status;
  if (finished && (status === 'delivered' || status === 'failed' || status === 'cancelled' || status === 'expired')) {
    barrageMetrics.deliveryFinished({
      tenant: finished.event.tenantId,
      destination: state.destinationId,
      status,
      attempts: state.attempts.length,
      receivedAt: finished.event.receivedAt,
      ...(finished.deadLetterOf !== undefined ? { deadLetter: true } : {}),
    });
  }
  if (status === 'delivered' && finished && atRevision(finished, 2) && !finished.recordDelivered) return state;
  wf.upsertSearchAttributes([
    { key: SA.status, value: status },
    { key: SA.attempts, value: state.attempts.length },
  ]);
  return state;
}

/** Abandoned child: the dead-letter delivery outlives this workflow and retries on its own policy. */
async function startDeadLetter(input: DeliveryInput, state: DeliveryState): Promise<void> {
  const target = input.plan.deadLetter!;
  const failedId = wf.workflowInfo().workflowId;
  const { revision, recordDelivered } = input;
  const current = atRevision(input, 2) || input.idScheme === 'current';
  const scheme = current || wf.patched(PATCH_TILDE_CHILD_IDS) ? 'current' : 'legacy';
  const args: DeliveryInput = {
    event: input.event,
    payload: deadLetterPayload(input, state),
    plan: target,
    deadLetterOf: failedId,
    ...(revision !== undefined ? { revision } : {}),
    ...(recordDelivered ? { recordDelivered } : {}),
  };
  await wf.startChild(deliveryWorkflow, {
    workflowId: deadLetterWorkflowId(failedId, state.attempts.length, scheme),
    parentClosePolicy: 'ABANDON',
    typedSearchAttributes: deliverySearchAttributes(input.event, target.destinationId),
    args: [args],
  });
}

function deadLetterPayload(input: DeliveryInput, state: DeliveryState): Payload {
  const last: AttemptRecord | undefined = state.attempts[state.attempts.length - 1];
  const body = {
    type: 'barrage.dead_letter',
    event: {
      id: input.event.eventId,
      type: input.event.eventType,
      source: input.event.source,
      receivedAt: input.event.receivedAt,
      contentType: input.payload.contentType,
      encoding: input.payload.encoding,
      body: input.payload.body,
    },
    failure: {
      destination: input.plan.destinationId,
      attempts: state.attempts.length,
      lastStatusCode: last?.statusCode,
      lastError: last?.error,
      failedAt: new Date(Date.now()).toISOString(),
    },
  };
  return { contentType: 'application/json', body: JSON.stringify(body), encoding: 'utf8' };
}
