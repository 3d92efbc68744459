// Closed-loop load: C virtual users each repeat one operation until the time or count bound.
export interface LoadResult {
  completed: number;
  errors: number;
  elapsedMs: number;
  latenciesMs: number[];
  firstError?: string;
}

export interface LoadOptions {
  concurrency: number;
  durationMs: number;
  /** Hard bound on operations, whatever the duration. */
  maxOperations: number;
}

export async function closedLoop(options: LoadOptions, operation: (i: number) => Promise<void>): Promise<LoadResult> {
  const result: LoadResult = { completed: 0, errors: 0, elapsedMs: 0, latenciesMs: [] };
  const start = performance.now();
  const end = start + options.durationMs;
  let issued = 0;
  const user = async () => {
    while (performance.now() < end && issued < options.maxOperations) {
      const i = issued++;
      const t0 = performance.now();
      try {
        await operation(i);
        result.latenciesMs.push(performance.now() - t0);
        result.completed++;
      } catch (err) {
        result.errors++;
        result.firstError ??= err instanceof Error ? err.message : String(err);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, user));
  result.elapsedMs = performance.now() - start;
  return result;
}

export const perSecond = (r: LoadResult) => (r.completed * 1000) / r.elapsedMs;
