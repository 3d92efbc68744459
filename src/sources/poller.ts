// The one interface every queue source implements, and what pollers share besides intake.
import { GRPC, grpcCode } from '../base/grpc';
import type { Logger } from '../telemetry/logger';
import { createBackoff, untilDone } from './backoff';
import type { Intake, IntakeOutcome, QueueMessage } from './message';

export interface QueuePoller {
  readonly sourceId: string;
  /**
   * Polls until the signal aborts; then stops fetching, finishes starting what it fetched,
   * acknowledges it, and resolves. Never rejects for broker or Temporal trouble: it backs off.
   */
  run(signal: AbortSignal): Promise<void>;
  stats(): PollerStats;
  /** Messages waiting in the broker, as it reports them (asked at scrape time). */
  lag(): Promise<number>;
}

/** Counted since start; logged at shutdown and readable by tests and operators. */
export interface PollerStats {
  received: number;
  accepted: number;
  duplicates: number;
  poison: number;
  /** Left unacknowledged at shutdown: they will be received again. */
  abandoned: number;
  /** Workflow starts that failed and were tried again later (Temporal unavailable). */
  retries: number;
  /** Now: received and not yet settled (held while Temporal cannot start workflows). */
  inFlight: number;
}

export const emptyStats = (): PollerStats => ({
  received: 0,
  accepted: 0,
  duplicates: 0,
  poison: 0,
  abandoned: 0,
  retries: 0,
  inFlight: 0,
});

/** Trouble that passes by itself; anything else needs a person, and the log says so louder. */
const TRANSIENT = new Set<number>([GRPC.UNAVAILABLE, GRPC.DEADLINE_EXCEEDED, GRPC.RESOURCE_EXHAUSTED, 10 /* ABORTED */]);

/**
 * Runs intake for one message until it has an answer, holding the message (unacknowledged)
 * while Temporal cannot start workflows. Resolves undefined only when shutdown interrupts a wait.
 */
export function createSettler(options: { intake: Intake; stats: PollerStats; logger: Logger }) {
  const { intake, stats, logger } = options;
  const report = throttled(5000, (err: unknown, retryInMs: number) => {
    const code = grpcCode(err);
    const transient = code !== undefined && TRANSIENT.has(code);
    // Never poison and never acknowledge on our own faults: a wrong namespace or search attribute
    // is fixed by an operator, and the held messages then flow.
    logger[transient ? 'warn' : 'error'](
      { err: errorText(err), grpcCode: code, retryInMs },
      transient
        ? 'cannot start callbacks (Temporal unavailable?); holding messages'
        : 'cannot start callbacks (needs attention: not a transient error); holding messages',
    );
  });
  return async function settle(message: QueueMessage, signal: AbortSignal): Promise<IntakeOutcome | undefined> {
    stats.received++;
    stats.inFlight++;
    const outcome = await untilDone(() => intake(message), {
      signal,
      backoff: createBackoff(),
      onFailure: (err, retryInMs) => {
        stats.retries++;
        report(err, retryInMs);
      },
    }).finally(() => stats.inFlight--);
    if (outcome === undefined) stats.abandoned++;
    else if (outcome.kind === 'accepted') stats.accepted++;
    else if (outcome.kind === 'duplicate') stats.duplicates++;
    return outcome;
  };
}

/** Logs at most once per interval: an outage must not turn into a log flood. */
export function throttled<A extends unknown[]>(intervalMs: number, log: (...args: A) => void): (...args: A) => void {
  let last = 0;
  return (...args) => {
    if (Date.now() - last < intervalMs) return;
    last = Date.now();
    log(...args);
  };
}

/** Runs `fn` over items with at most `limit` in flight, keeping results in input order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** How many leading items are settled: only that prefix may be acknowledged in an ordered log. */
export function settledPrefix(settled: boolean[]): number {
  const gap = settled.indexOf(false);
  return gap === -1 ? settled.length : gap;
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export type { Logger };
