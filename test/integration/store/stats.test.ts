// Destination stats in the registry database, on both engines: batches add up (counts and latency
// sketches element by element), the newest last attempt wins, and pruning keeps the windows.
import { openDatabase, type Database, type Engine } from '../../../src/store/database';
import { createStatsStore, type StatsDelta } from '../../../src/store/stats';
import { emptySketch } from '../../../src/stats/sketch';
import { createTestDatabase } from '../../helpers/postgres';

const engines: Engine[] = ['postgres', 'pglite'];

describe.each(engines)('destination stats on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    const url = engine === 'postgres' ? await createTestDatabase('stats') : '';
    database = await openDatabase({ url, dataDir: 'memory://' });
  }, 60_000);
  afterAll(() => database?.close());

  const minute = new Date('2026-12-05T10:07:00Z');
  const delta = (over: Partial<StatsDelta> = {}): StatsDelta => {
    const latency = emptySketch();
    latency[3] = 2;
    latency[10] = 1;
    return {
      tenantId: 't',
      destinationId: 'd',
      granularity: 'minute',
      bucket: minute,
      attempts: 3,
      delivered: 2,
      failed: 1,
      latency,
      ...over,
    };
  };

  test('two batches for one minute add up, sketches element by element', async () => {
    const stats = createStatsStore(database.db);
    await stats.add([delta(), delta({ destinationId: 'other' })], []);
    await stats.add([delta({ attempts: 1, delivered: 1, failed: 0 })], []);
    const rows = await stats.range({ tenantId: 't', destinationId: 'd', granularity: 'minute', since: new Date(0) });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ attempts: 4, delivered: 3, failed: 1 });
    expect(rows[0].latency[3]).toBe(4);
    expect(rows[0].latency[10]).toBe(2);
    expect(rows[0].latency.reduce((a, b) => a + b, 0)).toBe(6);
    expect(await stats.range({ tenantId: 't', granularity: 'minute', since: new Date(0) })).toHaveLength(2);
    expect(await stats.range({ tenantId: 't', granularity: 'minute', since: new Date(minute.getTime() + 60_000) })).toEqual([]);
  });

  test('the newest last attempt wins, whatever order batches land in', async () => {
    const stats = createStatsStore(database.db);
    const at = (s: number) => new Date(minute.getTime() + s * 1000);
    await stats.add(
      [],
      [{ tenantId: 't', destinationId: 'd', at: at(5), outcome: 'retryable', statusCode: 503, error: 'HTTP 503' }],
    );
    await stats.add([], [{ tenantId: 't', destinationId: 'd', at: at(2), outcome: 'delivered', statusCode: 200 }]);
    expect(await stats.lastAttempts('t', 'd')).toEqual([
      expect.objectContaining({ at: at(5), outcome: 'retryable', status_code: 503, error: 'HTTP 503' }),
    ]);
    await stats.add([], [{ tenantId: 't', destinationId: 'd', at: at(9), outcome: 'delivered', statusCode: 204 }]);
    expect(await stats.lastAttempts('t', 'd')).toEqual([
      expect.objectContaining({ outcome: 'delivered', status_code: 204, error: null }),
    ]);
  });

  test('pruning drops minutes and hours past their windows only', async () => {
    const stats = createStatsStore(database.db);
    const old = new Date('2026-11-01T00:00:00Z');
    await stats.add(
      [delta({ bucket: old, destinationId: 'p' }), delta({ bucket: old, destinationId: 'p', granularity: 'hour' })],
      [],
    );
    const deleted = await stats.prune(new Date('2026-12-01T00:00:00Z'), new Date('2026-10-01T00:00:00Z'));
    expect(deleted).toBe(1);
    expect(await stats.range({ tenantId: 't', destinationId: 'p', granularity: 'hour', since: new Date(0) })).toHaveLength(1);
    expect(await stats.range({ tenantId: 't', destinationId: 'p', granularity: 'minute', since: new Date(0) })).toEqual([]);
  });
});
