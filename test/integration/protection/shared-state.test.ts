// The breaker's shared health and the maxInFlight leases on both engines: a change written by one
// process's connection reaches another's copy through NOTIFY; leases cap across connections and a
// dead worker's lease expires; a burst bucket hands out its tokens exactly once.
import { CLOSED, DEFAULT_BREAKER, settle, type Health } from '../../../src/protection/breaker';
import { createGate } from '../../../src/protection/gate';
import { databaseHealthStore, type HealthRow } from '../../../src/protection/health-store';
import { databaseLeases } from '../../../src/protection/in-flight';
import { databaseTokens } from '../../../src/protection/tokens';
import { openDatabase, type Database } from '../../../src/store/database';
import { createLogger } from '../../../src/telemetry/logger';
import { createTestDatabase } from '../../helpers/postgres';
import { eventually } from '../../helpers/sink';

const key = { tenantId: 't', destinationId: 'd' };
const fail = (h: Health) => settle(h, { ok: false, probe: false, error: 'HTTP 503' }, Date.now(), DEFAULT_BREAKER);

describe.each([
  ['PostgreSQL', async () => createTestDatabase('protection')],
  ['PGlite', async () => ''],
])('on %s', (_name, url) => {
  const opened: Database[] = [];
  const open = async (u: string) => {
    const db = await openDatabase({ url: u, dataDir: u ? '' : 'memory://' });
    opened.push(db);
    return db;
  };
  afterAll(async () => {
    for (const db of opened) await db.close();
  });

  test('a written health is read back, announced to watchers, and opens the circuit at 5 failures', async () => {
    const u = await url();
    const writer = databaseHealthStore(await open(u));
    const reader = u ? databaseHealthStore(await open(u)) : writer;
    const heard: HealthRow[] = [];
    const unwatch = await reader.watch((row) => heard.push(row));
    for (let i = 0; i < 5; i++) await writer.update(key, (h) => ({ next: fail(h), value: undefined }));
    expect((await reader.read(key)).state).toBe('open');
    await eventually(async () => (heard.length === 5 ? true : undefined), 5_000, 'five notifications');
    expect(heard.map((r) => r.health.state)).toEqual(['closed', 'closed', 'closed', 'closed', 'open']);
    expect(await reader.readAll()).toEqual([
      expect.objectContaining({ ...key, health: expect.objectContaining({ state: 'open' }) }),
    ]);
    expect(await reader.read({ tenantId: 't', destinationId: 'never' })).toEqual(CLOSED);
    await unwatch();
  });

  test('a gate on another connection holds attempts once the circuit it shares is open', async () => {
    const u = await url();
    const logger = createLogger('silent');
    const first = await createGate(databaseHealthStore(await open(u)), { logger });
    const second = await createGate(databaseHealthStore(u ? await open(u) : opened[opened.length - 1]), { logger });
    const req = {
      ...key,
      destinationId: 'g',
      paused: false,
      disabledRetentionMs: 1,
      breaker: DEFAULT_BREAKER,
      timeoutMs: 1_000,
      holds: 0,
    };
    expect(await second.admit(req)).toEqual({ go: true, probe: false });
    for (let i = 0; i < 5; i++) await first.settle(req, { probe: false }, { outcome: 'retryable', error: 'HTTP 503' });
    const held = await eventually(
      async () => {
        const d = await second.admit(req);
        return d.go ? undefined : d;
      },
      5_000,
      'the second gate to hold',
    );
    expect(held).toMatchObject({ go: false, reason: 'circuit_open' });
    expect(second.health(req)).toMatchObject({ state: 'open', lastError: 'HTTP 503' });
    await first.close();
    await second.close();
  });

  test('leases cap attempts in flight across connections and expire', async () => {
    const u = await url();
    const a = databaseLeases(await open(u));
    const b = u ? databaseLeases(await open(u)) : a;
    const lk = { tenantId: 't', destinationId: 'leased' };
    const first = await a.acquire(lk, 2, 60_000);
    // Long enough to outlast the next four calls on a loaded PGlite (300 ms once did not).
    const second = await b.acquire(lk, 2, 2_000);
    expect(first && second).toBeTruthy();
    expect(await a.acquire(lk, 2, 60_000)).toBeUndefined();
    await a.release(first!);
    const third = await b.acquire(lk, 2, 60_000);
    expect(third).toBeTruthy();
    expect(await a.acquire(lk, 2, 60_000)).toBeUndefined();
    // `second` was taken for 2 s, as by a worker that then died: its place comes back.
    await new Promise((r) => setTimeout(r, 2_100));
    expect(await a.acquire(lk, 2, 60_000)).toBeTruthy();
  });

  test('a burst bucket hands out exactly burst tokens to racing connections, then refills at the rate', async () => {
    const u = await url();
    const a = databaseTokens(await open(u));
    const b = u ? databaseTokens(await open(u)) : a;
    const tk = { tenantId: 't', destinationId: 'bursty' };
    // 1 token a second: the 40 takes below (well under a second) can refill at most one.
    const taken = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).take(tk, 1, 5)));
    expect(taken.filter(Boolean).length).toBeGreaterThanOrEqual(5);
    expect(taken.filter(Boolean).length).toBeLessThanOrEqual(6);
    const fast = { tenantId: 't', destinationId: 'refill' };
    // 4 a second: a token comes back after 250 ms, longer than four takes on a loaded machine.
    for (let i = 0; i < 3; i++) expect(await a.take(fast, 4, 3)).toBe(true);
    expect(await b.take(fast, 4, 3)).toBe(false);
    await new Promise((r) => setTimeout(r, 400));
    expect(await b.take(fast, 4, 3)).toBe(true);
  });
});
