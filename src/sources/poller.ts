// The one interface every queue source implements, and what pollers share besides intake.
import type { Logger } from '../telemetry/logger';

export interface QueuePoller {
  readonly sourceId: string;
  /**
   * Polls until the signal aborts; then stops fetching, finishes starting what it fetched,
   * acknowledges it, and resolves. Never rejects for broker or Temporal trouble: it backs off.
   */
  run(signal: AbortSignal): Promise<void>;
  stats(): PollerStats;
}

/** Counted since start; logged at shutdown and readable by tests and operators. */
export interface PollerStats {
  received: number;
  accepted: number;
  duplicates: number;
  poison: number;
  /** Left unacknowledged at shutdown: they will be received again. */
  abandoned: number;
}

export const emptyStats = (): PollerStats => ({ received: 0, accepted: 0, duplicates: 0, poison: 0, abandoned: 0 });

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

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export type { Logger };
