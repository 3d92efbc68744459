// Waiting between tries while a dependency (Temporal, a broker) is down: capped exponential
// backoff with jitter, cut short by shutdown so SIGTERM never waits out a long pause.

export interface Backoff {
  /** Waits before the next try; false when shutdown interrupted the wait. */
  wait(signal: AbortSignal): Promise<boolean>;
  reset(): void;
  readonly failures: number;
  /** The delay the next wait() will use, for log lines. */
  readonly nextDelayMs: number;
}

export function createBackoff(initialMs = 500, maxMs = 30_000): Backoff {
  let failures = 0;
  const delay = () => Math.min(maxMs, initialMs * 2 ** Math.min(failures, 16));
  return {
    get failures() {
      return failures;
    },
    get nextDelayMs() {
      return delay();
    },
    reset() {
      failures = 0;
    },
    async wait(signal) {
      const ms = delay() * (0.8 + Math.random() * 0.4);
      failures++;
      return sleep(ms, signal);
    },
  };
}

export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `op` until it succeeds. Between failures it waits (backoff) and reports; it gives up only
 * when shutdown begins, returning undefined so the caller leaves the message unacknowledged.
 */
export async function untilDone<T>(
  op: () => Promise<T>,
  options: { signal: AbortSignal; backoff: Backoff; onFailure: (err: unknown, retryInMs: number) => void },
): Promise<T | undefined> {
  for (;;) {
    try {
      const value = await op();
      options.backoff.reset();
      return value;
    } catch (err) {
      options.onFailure(err, Math.round(options.backoff.nextDelayMs));
      if (!(await options.backoff.wait(options.signal))) return undefined;
    }
  }
}
