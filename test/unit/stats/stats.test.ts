import fc from 'fast-check';
import { createLogger } from '../../../src/telemetry/logger';
import { createStatsRecorder, type StatsSink } from '../../../src/stats/recorder';
import { byDestination, series, totals, windowRange } from '../../../src/stats/report';
import { addTo, BUCKET_BOUNDS, bucketOf, emptySketch, quantile } from '../../../src/stats/sketch';
import type { LastAttempt, StatsDelta } from '../../../src/store/stats';
import type { DestinationStatsRow } from '../../../src/store/tables';

describe('latency sketch', () => {
  test('a value lands in the bucket whose bounds hold it', () => {
    for (const ms of [0, 0.5, 1, 1.1, 7, 100, 999, 60_000, 120_000]) {
      const i = bucketOf(ms);
      expect(ms <= BUCKET_BOUNDS[i]).toBe(true);
      if (i > 0) expect(ms > BUCKET_BOUNDS[i - 1]).toBe(true);
    }
    expect(bucketOf(10 ** 9)).toBe(BUCKET_BOUNDS.length - 1);
  });

  test('percentiles are within one bucket (19 %) of the exact ones (fast-check, fixed seed)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 100_000, noNaN: true }), { minLength: 20, maxLength: 400 }), (values) => {
        const sketch = emptySketch();
        for (const v of values) addTo(sketch, v);
        const sorted = [...values].sort((a, b) => a - b);
        for (const q of [0.5, 0.95, 0.99]) {
          const exact = sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
          const estimate = quantile(sketch, q)!;
          expect(estimate).toBeGreaterThanOrEqual(exact / 1.2 - 0.1);
          expect(estimate).toBeLessThanOrEqual(exact * 1.2 + 0.1);
        }
      }),
      { seed: 20_261_205, numRuns: 200 },
    );
    expect(quantile(emptySketch(), 0.5)).toBeUndefined();
  });
});

describe('the worker’s recorder', () => {
  const at = Date.parse('2026-12-05T10:07:30Z');
  function sink(fail = 0) {
    const batches: { deltas: StatsDelta[]; lasts: LastAttempt[] }[] = [];
    let failures = fail;
    const s: StatsSink = {
      async add(deltas, lasts) {
        if (failures-- > 0) throw new Error('database down');
        batches.push({ deltas: [...deltas], lasts: [...lasts] });
      },
      prune: async () => 0,
    };
    return { s, batches };
  }
  const attempt = (over = {}) => ({
    tenantId: 't',
    destinationId: 'd',
    outcome: 'delivered' as const,
    durationMs: 40,
    at,
    ...over,
  });

  test('attempts add up per minute and hour; one batch per flush; the newest attempt is the last', async () => {
    const { s, batches } = sink();
    const recorder = createStatsRecorder({ sink: s, logger: createLogger('silent'), flushMs: 60_000, now: () => at });
    recorder.record(attempt());
    recorder.record(attempt({ outcome: 'retryable', statusCode: 503, error: 'HTTP 503', at: at + 1000, durationMs: 900 }));
    recorder.record(attempt({ outcome: 'cancelled' }));
    recorder.record(attempt({ destinationId: 'e', at: at + 60_000 }));
    await recorder.flush();
    expect(batches).toHaveLength(1);
    const d = batches[0].deltas.filter((x) => x.destinationId === 'd');
    expect(d.map((x) => [x.granularity, x.bucket.toISOString(), x.attempts, x.delivered, x.failed])).toEqual([
      ['minute', '2026-12-05T10:07:00.000Z', 2, 1, 1],
      ['hour', '2026-12-05T10:00:00.000Z', 2, 1, 1],
    ]);
    expect(d[0].latency.reduce((a, b) => a + b, 0)).toBe(2);
    expect(batches[0].lasts.find((l) => l.destinationId === 'd')).toMatchObject({
      outcome: 'retryable',
      statusCode: 503,
      error: 'HTTP 503',
    });
    await recorder.flush();
    expect(batches).toHaveLength(1);
    await recorder.close();
  });

  test('a failed flush is kept and written with the next one; close writes what is left', async () => {
    const { s, batches } = sink(1);
    const recorder = createStatsRecorder({ sink: s, logger: createLogger('silent'), flushMs: 60_000, now: () => at });
    recorder.record(attempt());
    await recorder.flush();
    expect(batches).toEqual([]);
    recorder.record(attempt());
    await recorder.close();
    expect(batches).toHaveLength(1);
    expect(batches[0].deltas.find((x) => x.granularity === 'minute')?.attempts).toBe(2);
  });
});

describe('the stats answer', () => {
  const now = Date.parse('2026-12-05T10:07:30Z');
  const row = (destination: string, bucket: string, attempts: number, delivered: number, ms: number): DestinationStatsRow => {
    const latency = emptySketch();
    for (let i = 0; i < attempts; i++) addTo(latency, ms);
    return {
      tenant_id: 't',
      destination_id: destination,
      granularity: 'minute',
      bucket: new Date(bucket),
      attempts,
      delivered,
      failed: attempts - delivered,
      latency,
    };
  };
  const rows = [row('a', '2026-12-05T10:07:00Z', 4, 3, 100), row('b', '2026-12-05T09:10:00Z', 10, 10, 20)];

  test('a 1h window has 60 minute points ending with the current one; rows land on theirs', () => {
    const range = windowRange('1h', now);
    expect(range.from.toISOString()).toBe('2026-12-05T09:08:00.000Z');
    const points = series(rows, range);
    expect(points).toHaveLength(60);
    expect(points[59]).toMatchObject({ at: '2026-12-05T10:07:00.000Z', attempts: 4, delivered: 3, failed: 1 });
    expect(points[2]).toMatchObject({ at: '2026-12-05T09:10:00.000Z', attempts: 10 });
    expect(points.reduce((sum, p) => sum + p.attempts, 0)).toBe(14);
    expect(windowRange('7d', now)).toMatchObject({ granularity: 'hour', points: 168 });
  });

  test('totals and per destination', () => {
    const t = totals(rows);
    expect(t).toMatchObject({ attempts: 14, delivered: 13, failed: 1, successRatio: 0.9286 });
    expect(t.latencyMs!.p50).toBeGreaterThan(16);
    expect(t.latencyMs!.p50).toBeLessThan(24);
    expect(t.latencyMs!.p99).toBeGreaterThan(80);
    expect(totals([])).toEqual({ attempts: 0, delivered: 0, failed: 0, successRatio: null });
    expect(byDestination(rows).map((d) => [d.id, d.attempts, d.successRatio])).toEqual([
      ['b', 10, 1],
      ['a', 4, 0.75],
    ]);
  });
});
