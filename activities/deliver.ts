import { trace } from '@opentelemetry/api';
import { CancelledFailure, Context } from '@temporalio/activity';
import { destinationBreaker } from '../src/config/derived';
import {
  ONE_OFF_DEAD_LETTER_ID,
  ONE_OFF_TARGET_ID,
  ATTEMPT_ACTIVITY_MAX_RUNS,
  deliveryWorkflowId,
  type AttemptRecord,
  type AttemptRequest,
  type SealedTarget,
} from '../src/contracts';
import { withoutAddress, type TargetOpener } from '../src/deliveries/targets';
import type { DriverResult } from '../src/destinations/driver';
import type { DestinationGate, GateRequest } from '../src/protection/gate';
import { deliverWith, type DriverRegistry } from '../src/destinations/registry';
import type { DestinationLookup } from '../src/registry/snapshot';
import type { Logger } from '../src/telemetry/logger';
import { statusClass, type Metrics } from '../src/telemetry/metrics';
import { heldRuns, hold, lostRuns } from './hold';
import type { StatsRecorder } from '../src/stats/recorder';

/** One-off deliveries have no destination to show stats for. */
const ONE_OFF_IDS = new Set([ONE_OFF_TARGET_ID, ONE_OFF_DEAD_LETTER_ID]);

export interface DeliverDeps {
  /** Read at every attempt: URLs and secrets come from here, never from the workflow input. */
  destinations: { lookup(tenantId: string, destinationId: string): Promise<DestinationLookup> };
  drivers: DriverRegistry;
  logger: Logger;
  /** Counts and times every attempt (GET /metrics). */
  metrics?: Metrics;
  /** Pause and circuit breaker, for attempts that may be held (revision 3); absent in plain harnesses. */
  gate?: DestinationGate;
  /** Opens one-off deliveries' sealed targets; absent on a worker without the database. */
  targets?: TargetOpener;
  /** Per-destination stats (GET …/stats); absent without the database or with stats.enabled false. */
  stats?: Pick<StatsRecorder, 'record'>;
  now?: () => number;
}

/**
 * One delivery attempt. Destination trouble comes back as data, and so does a bug: a driver that
 * throws would otherwise be retried by Temporal forever while the delivery reads "delivering".
 */
export function createAttemptDelivery(deps: DeliverDeps) {
  const now = deps.now ?? Date.now;
  return async function attemptDelivery(req: AttemptRequest): Promise<AttemptRecord> {
    const lost = req.mayHold ? lostRuns() : 0;
    const started = now();
    const result =
      lost >= ATTEMPT_ACTIVITY_MAX_RUNS
        ? { outcome: 'permanent' as const, error: `the attempt could not run: ${lost} runs were lost (worker crash or timeout)` }
        : await attempt(deps, req);
    // Cut short by the worker stopping (past worker.shutdownGrace): not the destination's doing, so
    // no attempt is used; Temporal runs this one again on a worker that is up.
    if (cancellationSignal()?.aborted) throw new CancelledFailure('the worker stopped during the attempt; it runs again');
    const record: AttemptRecord = {
      attempt: req.attempt,
      startedAt: new Date(started).toISOString(),
      durationMs: now() - started,
      ...result,
    };
    annotateSpan(req, record);
    observe(deps, req, record, started);
    return record;
  };
}

/** Metrics, the destination's stats and the log line: every attempt that ran is counted each way. */
function observe(deps: DeliverDeps, req: AttemptRequest, record: AttemptRecord, started: number): void {
  const labels = { tenant: req.event.tenantId, destination: req.destinationId };
  deps.metrics?.attempts.inc({ ...labels, outcome: record.outcome, status_class: statusClass(record.statusCode) });
  deps.metrics?.attemptDuration.observe(labels, record.durationMs / 1000);
  const { outcome, durationMs, statusCode, error } = record;
  if (!ONE_OFF_IDS.has(req.destinationId))
    deps.stats?.record({
      tenantId: req.event.tenantId,
      destinationId: req.destinationId,
      outcome,
      durationMs,
      at: started,
      ...(statusCode !== undefined ? { statusCode } : {}),
      ...(error !== undefined ? { error } : {}),
    });
  const { eventId, eventType } = req.event;
  const fields = { tenant: req.event.tenantId, eventId, eventType, destination: req.destinationId, attempt: record.attempt };
  deps.logger.info({ ...fields, outcome, status: statusCode, durationMs, error }, 'delivery attempt');
}

/** The attempt's span (Temporal's activity span, in the callback's trace): ids and outcome, never a header or payload byte. */
function annotateSpan(req: AttemptRequest, record: AttemptRecord): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  span.setAttributes({
    'barrage.event_id': req.event.eventId,
    'barrage.event_type': req.event.eventType,
    'barrage.tenant': req.event.tenantId,
    'barrage.destination': req.destinationId,
    'barrage.attempt': record.attempt,
    'barrage.outcome': record.outcome,
    ...(record.statusCode !== undefined ? { 'http.response.status_code': record.statusCode } : {}),
  });
  if (record.outcome === 'delivered') return;
  // The activity itself completed (a failed attempt is an outcome, not a thrown error), and
  // Temporal's interceptor sets the span's status to OK as it returns, overriding any set here. So
  // the failure is recorded the way that survives: error.type (OTel semantic conventions) and an
  // exception event carrying the attempt's error text.
  span.setAttribute('error.type', record.statusCode !== undefined ? String(record.statusCode) : record.outcome);
  span.recordException({ name: `attempt ${record.outcome}`, message: record.error ?? record.outcome });
}

async function attempt(deps: DeliverDeps, req: AttemptRequest): Promise<DriverResult> {
  if (req.target) return oneOff(deps, { ...req, target: req.target });
  const found = await guarded(deps, req, () => deps.destinations.lookup(req.event.tenantId, req.destinationId));
  if ('outcome' in found) return found;
  if (found.kind === 'deleted') return { outcome: 'cancelled', error: 'destination deleted' };
  if (found.kind === 'missing')
    return { outcome: 'permanent', error: `destination ${req.destinationId} is no longer configured` };
  const gate = req.mayHold ? deps.gate : undefined;
  const gated = gate && gateRequest(req, found);
  // Outside `guarded`: the shared health being unreachable is our infrastructure's fault, so the
  // run fails and Temporal retries it, instead of the delivery losing an attempt.
  const pass = gated && (await gate!.admit(gated));
  if (pass && !pass.go) {
    if (pass.reason === 'end') return { outcome: 'cancelled', error: pass.error };
    hold(deps, req, pass);
  }
  const signal = cancellationSignal();
  const result = await guarded(deps, req, () =>
    deliverWith(deps.drivers, {
      ...req,
      deliveryId: deliveryIdOf(req),
      destination: found.destination,
      ...(signal ? { signal } : {}),
    }),
  );
  if (gated && pass?.go)
    await gate!
      .settle(gated, pass, result)
      .catch((err: unknown) =>
        deps.logger.warn(
          { err, tenant: req.event.tenantId, destination: req.destinationId },
          'recording the attempt at the gate failed',
        ),
      );
  return result;
}

/**
 * A one-off delivery: its own address, no registered destination, so no pause, breaker or rate
 * limit of one. Opening it needs the database (the tenant's secrets): a worker without one, or a
 * database that does not answer, fails the run, and Temporal runs it again (no attempt used). The
 * error text is the attempt's record, kept in history and shown: the address is taken out of it.
 */
async function oneOff(deps: DeliverDeps, req: AttemptRequest & { target: SealedTarget }): Promise<DriverResult> {
  if (!deps.targets) throw new Error('this worker has no database to open one-off deliveries (database.url, encryptionKey)');
  const destination = await deps.targets.open(req);
  const signal = cancellationSignal();
  const result = await guarded(deps, req, () =>
    deliverWith(deps.drivers, { ...req, deliveryId: deliveryIdOf(req), destination, ...(signal ? { signal } : {}) }),
  );
  return result.error && destination.type === 'http'
    ? { ...result, error: withoutAddress(result.error, destination.url) }
    : result;
}

/** What the gate needs to know of this attempt and its destination. */
function gateRequest(req: AttemptRequest, found: Extract<DestinationLookup, { kind: 'found' }>): GateRequest {
  const { destination, defaults } = found;
  const maxInFlight = destination.maxInFlight ?? defaults?.maxInFlight;
  const rate = destination.rateLimit ?? defaults?.rateLimit;
  return {
    tenantId: req.event.tenantId,
    destinationId: req.destinationId,
    paused: destination.paused,
    // A disabled dead-letter target still takes dead letters: it is an operator's sink.
    ...(found.disabled && !req.deadLetter ? { disabled: found.disabled } : {}),
    disabledRetentionMs: destination.disabledRetention,
    breaker: destinationBreaker(destination, defaults),
    timeoutMs: req.timeoutMs,
    holds: heldRuns(),
    ...(maxInFlight !== undefined ? { maxInFlight } : {}),
    ...(rate?.burst !== undefined ? { rateLimit: { perSecond: rate.perSecond, burst: rate.burst } } : {}),
  };
}

/** A bug (a throwing driver or lookup) becomes the attempt's result: the delivery fails with it. */
async function guarded<T>(deps: DeliverDeps, req: AttemptRequest, work: () => Promise<T>): Promise<T | DriverResult> {
  try {
    return await work();
  } catch (err) {
    deps.logger.error(
      { tenant: req.event.tenantId, eventId: req.event.eventId, destination: req.destinationId, err },
      'delivery attempt threw (a bug): the delivery fails',
    );
    return { outcome: 'permanent', error: `internal error: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * The ID of the delivery workflow this attempt runs for (a dead letter's own, a legacy delivery's
 * legacy one): the workflow built it, so it is never derived again here. Only an attempt run
 * outside a workflow has none, and then takes the ID its delivery would have.
 */
function deliveryIdOf(req: AttemptRequest): string {
  return runningWorkflowId() ?? deliveryWorkflowId(req.event.eventId, req.destinationId);
}

/** The activity's cancellation (the worker stopping); none outside an activity. */
function cancellationSignal(): AbortSignal | undefined {
  try {
    return Context.current().cancellationSignal;
  } catch {
    return undefined;
  }
}

/** Context.current() throws where no activity runs (a harness calling the function directly). */
function runningWorkflowId(): string | undefined {
  try {
    return Context.current().info.workflowExecution?.workflowId;
  } catch {
    return undefined;
  }
}
