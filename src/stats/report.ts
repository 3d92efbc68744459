// What GET …/stats answers, built from the stored aggregates: totals, latency percentiles from the
// merged sketches, and a series for a chart (per minute for 1h, per hour for 24h and 7d).
import type { Granularity } from '../store/stats';
import type { DestinationStatsRow, LastAttemptRow } from '../store/tables';
import { emptySketch, merge, quantile } from './sketch';

export const STATS_WINDOWS = ['1h', '24h', '7d'] as const;
export type StatsWindow = (typeof STATS_WINDOWS)[number];

const WINDOWS: Record<StatsWindow, { granularity: Granularity; points: number; stepMs: number }> = {
  '1h': { granularity: 'minute', points: 60, stepMs: 60_000 },
  '24h': { granularity: 'hour', points: 24, stepMs: 3_600_000 },
  '7d': { granularity: 'hour', points: 168, stepMs: 3_600_000 },
};

/** The buckets a window reads: the current one and those before it, `points` in all. */
export function windowRange(
  window: StatsWindow,
  now: number,
): { granularity: Granularity; from: Date; stepMs: number; points: number } {
  const { granularity, points, stepMs } = WINDOWS[window];
  const current = Math.floor(now / stepMs) * stepMs;
  return { granularity, stepMs, points, from: new Date(current - (points - 1) * stepMs) };
}

interface Counts {
  attempts: number;
  delivered: number;
  failed: number;
}

export function totals(rows: readonly DestinationStatsRow[]) {
  const sketch = emptySketch();
  const counts: Counts = { attempts: 0, delivered: 0, failed: 0 };
  for (const row of rows) {
    add(counts, row);
    merge(sketch, row.latency);
  }
  return { ...counts, successRatio: ratio(counts), ...latency(sketch) };
}

export function series(rows: readonly DestinationStatsRow[], range: ReturnType<typeof windowRange>) {
  const points = Array.from({ length: range.points }, (_, i) => ({
    at: new Date(range.from.getTime() + i * range.stepMs).toISOString(),
    attempts: 0,
    delivered: 0,
    failed: 0,
    sketch: emptySketch(),
  }));
  for (const row of rows) {
    const point = points[Math.round((row.bucket.getTime() - range.from.getTime()) / range.stepMs)];
    if (!point) continue;
    add(point, row);
    merge(point.sketch, row.latency);
  }
  return points.map(({ sketch, ...p }) => {
    const p95 = quantile(sketch, 0.95);
    return { ...p, ...(p95 !== undefined ? { p95Ms: p95 } : {}) };
  });
}

/** Per destination, busiest first (the tenant-wide answer). */
export function byDestination(rows: readonly DestinationStatsRow[]) {
  const counts = new Map<string, Counts>();
  for (const row of rows) {
    const c = counts.get(row.destination_id) ?? { attempts: 0, delivered: 0, failed: 0 };
    add(c, row);
    counts.set(row.destination_id, c);
  }
  return [...counts.entries()]
    .map(([id, c]) => ({ id, ...c, successRatio: ratio(c) }))
    .sort((a, b) => b.attempts - a.attempts || (a.id < b.id ? -1 : 1));
}

export function lastAttemptView(row: LastAttemptRow | undefined) {
  if (!row) return undefined;
  return {
    at: row.at.toISOString(),
    outcome: row.outcome,
    ...(row.status_code !== null ? { statusCode: row.status_code } : {}),
    ...(row.error !== null ? { error: row.error } : {}),
  };
}

function add(into: Counts, row: Counts): void {
  into.attempts += row.attempts;
  into.delivered += row.delivered;
  into.failed += row.failed;
}

const ratio = (c: Counts) => (c.attempts === 0 ? null : Math.round((c.delivered / c.attempts) * 10_000) / 10_000);

function latency(sketch: number[]) {
  const p50 = quantile(sketch, 0.5);
  if (p50 === undefined) return {};
  return { latencyMs: { p50, p95: quantile(sketch, 0.95)!, p99: quantile(sketch, 0.99)! } };
}
