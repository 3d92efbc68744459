// Holding an attempt without using one: the activity fails with a benign, retryable "held" error
// that names when to look again, and Temporal retries it then. Retries of a running activity
// write no history events, so a wait of a day costs the delivery's history nothing.
import { Context } from '@temporalio/activity';
import { ApplicationFailure, ApplicationFailureCategory } from '@temporalio/common';
import type { AttemptRequest } from '../src/contracts';
import type { GateDecision } from '../src/protection/gate';
import type { Logger } from '../src/telemetry/logger';
import type { Metrics } from '../src/telemetry/metrics';

/** The failure type a held run ends with (what the Web UI shows as the pending activity's last failure). */
export const HELD_FAILURE = 'BarrageAttemptHeld';

/** Kept in the activity's heartbeat details, which Temporal hands to the next run. */
interface HeldRuns {
  holds: number;
}

/** Runs of this attempt held so far (none where no activity runs: a harness calling it directly). */
export function heldRuns(): number {
  try {
    const details = Context.current().info.heartbeatDetails as HeldRuns | undefined;
    return details?.holds ?? 0;
  } catch {
    return 0;
  }
}

/** Earlier runs of this attempt that neither were held nor finished: a worker died, or one timed out. */
export function lostRuns(): number {
  return Context.current().info.attempt - 1 - heldRuns();
}

const HELD_MESSAGES = {
  paused: 'destination paused',
  disabled: 'destination disabled',
  circuit_open: 'circuit open',
  in_flight: 'destination at maxInFlight',
  rate_limited: 'destination at its rateLimit burst',
};

export function hold(
  deps: { logger: Logger; metrics?: Metrics },
  req: AttemptRequest,
  decision: Extract<GateDecision, { retryInMs: number }>,
): never {
  const labels = { tenant: req.event.tenantId, destination: req.destinationId };
  deps.metrics?.attemptsHeld.inc({ ...labels, reason: decision.reason });
  Context.current().heartbeat({ holds: heldRuns() + 1 } satisfies HeldRuns);
  deps.logger.debug({ ...labels, eventId: req.event.eventId, attempt: req.attempt, ...decision }, 'delivery attempt held');
  throw ApplicationFailure.create({
    type: HELD_FAILURE,
    message: HELD_MESSAGES[decision.reason],
    details: [{ reason: decision.reason, retryInMs: decision.retryInMs }],
    nextRetryDelay: decision.retryInMs,
    category: ApplicationFailureCategory.BENIGN,
  });
}
