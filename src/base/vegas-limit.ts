// How many workflow tasks a namespace may have in flight, learned from their round trips (TCP
// Vegas, as in Netflix's concurrency-limits): a task's slot is held from the moment it is handed to
// the worker until Temporal has answered its completion, so the time grows with whatever queues
// in between (the server's persistence above all). The limit grows while that time stays near its
// no-load value and shrinks once tasks start to queue. Each namespace has its own, so a tenant whose
// burst keeps the server busy holds only a few tasks in its queues at a time, and another tenant's
// task waits behind those few instead of behind a hundred (docs/ARCHITECTURE.md, "Fairness").
// Pure: the slot supplier feeds it round trips and asks it for the limit.

export interface VegasOptions {
  /** The limit never goes below this (two: one sticky and one normal poll can each hold a slot). */
  min: number;
  /** Nor above this: `worker.maxConcurrentWorkflowTasks`. */
  max: number;
  initial: number;
  /** Tasks estimated to be queued (beyond what the round trip itself needs) below which it grows. */
  alpha: number;
  /** … and above which it shrinks. */
  beta: number;
  /** Round trips averaged per decision: single tasks differ too much (a fan-out does more than a timer). */
  window: number;
  /** Windows after which the no-load round trip is learned again (the server may have become slower). */
  relearnAfter: number;
}

export const VEGAS_DEFAULTS: Omit<VegasOptions, 'max'> = {
  min: 2,
  initial: 4,
  alpha: 0.5,
  beta: 1.5,
  window: 5,
  relearnAfter: 200,
};

export class VegasLimit {
  private current: number;
  private baseline = Infinity;
  private samples: number[] = [];
  private windows = 0;

  constructor(private readonly options: VegasOptions) {
    this.current = clamp(options.initial, options.min, options.max);
  }

  get limit(): number {
    return this.current;
  }

  /** One task's round trip (ms), with how many tasks were in flight when it ended (itself included). */
  sample(roundTripMs: number, inFlight: number): void {
    this.samples.push(Math.max(roundTripMs, 0.1));
    if (this.samples.length < this.options.window) return;
    const average = this.samples.reduce((a, b) => a + b, 0) / this.samples.length;
    this.samples = [];
    if (++this.windows >= this.options.relearnAfter) {
      this.windows = 0;
      this.baseline = average;
    }
    this.baseline = Math.min(this.baseline, average);
    this.current = this.next(average, inFlight);
  }

  private next(average: number, inFlight: number): number {
    const { min, max, alpha, beta } = this.options;
    const queued = this.current * (1 - this.baseline / average);
    // Fewer tasks than the limit in flight says nothing about whether more would queue.
    if (queued < alpha && inFlight * 2 >= this.current) return clamp(this.current + 1, min, max);
    // Half the excess at once: a burst after a quiet spell must not take hundreds of tasks to tame.
    if (queued > beta) return clamp(this.current - Math.max(1, Math.floor((queued - beta) / 2)), min, max);
    return this.current;
  }
}

const clamp = (n: number, min: number, max: number) => Math.min(Math.max(n, min), max);
