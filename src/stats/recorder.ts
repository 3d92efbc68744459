// The worker's side of per-destination stats: each attempt is added to in-memory counts and
// sketches, and every flush interval (1 s) they go to PostgreSQL in one transaction. A worker
// killed between flushes loses at most that interval's counts; a flush that fails is kept and
// tried again with the next one (up to a bound, so a long database outage cannot grow memory).
import type { AttemptOutcome } from '../contracts';
import type { Granularity, LastAttempt, StatsDelta } from '../store/stats';
import type { Logger } from '../telemetry/logger';
import { addTo, emptySketch, merge } from './sketch';

export interface AttemptStat {
  tenantId: string;
  destinationId: string;
  outcome: AttemptOutcome;
  statusCode?: number;
  durationMs: number;
  error?: string;
  at: number;
}

export interface StatsRecorder {
  record(attempt: AttemptStat): void;
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface StatsSink {
  add(deltas: readonly StatsDelta[], lasts: readonly LastAttempt[]): Promise<void>;
  prune(minutesBefore: Date, hoursBefore: Date): Promise<number>;
}

export const MINUTES_KEPT_MS = 2 * 3_600_000;
export const HOURS_KEPT_MS = 8 * 86_400_000;
const PRUNE_EVERY_MS = 10 * 60_000;
/** Keys held back after failed flushes before the oldest counts are dropped (and logged). */
const MAX_PENDING = 50_000;

const floorTo = (at: number, g: Granularity) => {
  const size = g === 'minute' ? 60_000 : 3_600_000;
  return new Date(Math.floor(at / size) * size);
};

export function createStatsRecorder(deps: {
  sink: StatsSink;
  logger: Logger;
  flushMs: number;
  now?: () => number;
}): StatsRecorder {
  const recorder = new Recorder(deps.sink, deps.logger, deps.now ?? Date.now);
  const timer = setInterval(() => void recorder.flush(), deps.flushMs);
  timer.unref();
  return {
    record: (attempt) => recorder.record(attempt),
    flush: () => recorder.flush(),
    async close() {
      clearInterval(timer);
      await recorder.flush();
    },
  };
}

interface Batch {
  deltas: Map<string, StatsDelta>;
  lasts: Map<string, LastAttempt>;
}

const emptyBatch = (): Batch => ({ deltas: new Map(), lasts: new Map() });

class Recorder {
  private pending = emptyBatch();
  private lastPrune = 0;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly sink: StatsSink,
    private readonly logger: Logger,
    private readonly now: () => number,
  ) {}

  record(a: AttemptStat): void {
    if (a.outcome === 'cancelled') return;
    for (const granularity of ['minute', 'hour'] as const) addDelta(this.pending.deltas, a, granularity);
    const key = `${a.tenantId}\u0000${a.destinationId}`;
    const previous = this.pending.lasts.get(key);
    if (!previous || previous.at.getTime() <= a.at) this.pending.lasts.set(key, lastOf(a));
  }

  /** One flush at a time: a slow database never has two batches of one worker racing. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.flushOnce());
    return this.flushing;
  }

  private async flushOnce(): Promise<void> {
    const batch = this.pending;
    this.pending = emptyBatch();
    // An idle worker asks nothing of the database.
    if (batch.deltas.size > 0 || batch.lasts.size > 0) await this.write(batch);
    if (this.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = this.now();
    await this.sink
      .prune(new Date(this.now() - MINUTES_KEPT_MS), new Date(this.now() - HOURS_KEPT_MS))
      .catch((err: unknown) => this.logger.warn({ err }, 'pruning destination stats failed'));
  }

  private async write(batch: Batch): Promise<void> {
    try {
      await this.sink.add([...batch.deltas.values()], [...batch.lasts.values()]);
    } catch (err) {
      this.keep(batch);
      this.logger.warn({ err, pending: this.pending.deltas.size }, 'destination stats not written; kept for the next flush');
    }
  }

  /** Back into the next batch, up to MAX_PENDING keys (older counts beyond it are dropped). */
  private keep(batch: Batch): void {
    for (const [key, d] of batch.deltas) {
      const current = this.pending.deltas.get(key);
      if (current) combine(current, d);
      else if (this.pending.deltas.size < MAX_PENDING) this.pending.deltas.set(key, d);
    }
    for (const [key, l] of batch.lasts) if (!this.pending.lasts.has(key)) this.pending.lasts.set(key, l);
  }
}

function lastOf(a: AttemptStat): LastAttempt {
  return {
    tenantId: a.tenantId,
    destinationId: a.destinationId,
    at: new Date(a.at),
    outcome: a.outcome,
    ...(a.statusCode !== undefined ? { statusCode: a.statusCode } : {}),
    ...(a.error !== undefined ? { error: a.error.slice(0, 500) } : {}),
  };
}

function addDelta(deltas: Map<string, StatsDelta>, a: AttemptStat, granularity: Granularity): void {
  const bucket = floorTo(a.at, granularity);
  const key = `${a.tenantId}\u0000${a.destinationId}\u0000${granularity}\u0000${bucket.getTime()}`;
  let d = deltas.get(key);
  if (!d) {
    d = {
      tenantId: a.tenantId,
      destinationId: a.destinationId,
      granularity,
      bucket,
      attempts: 0,
      delivered: 0,
      failed: 0,
      latency: emptySketch(),
    };
    deltas.set(key, d);
  }
  d.attempts++;
  if (a.outcome === 'delivered') d.delivered++;
  else d.failed++;
  addTo(d.latency as number[], a.durationMs);
}

function combine(into: StatsDelta, other: StatsDelta): void {
  into.attempts += other.attempts;
  into.delivered += other.delivered;
  into.failed += other.failed;
  merge(into.latency as number[], other.latency);
}
