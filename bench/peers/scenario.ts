// Scenario 18 (`npm run bench -- --peers`): Barrage beside what teams write instead, a pg-boss and a
// BullMQ webhook dispatcher (Redis with AOF everysec and always), and the bare node:http server, on
// the same machine in one run. Measurements alternate between systems so drift hits each alike.
import type { BenchSink } from '../sink';
import type { Bounds, Throughput } from '../scenarios';
import { accepts, durability, endToEnd, retries, type Durability, type PeerEndToEnd, type PeerRetries } from './measure';
import { registry } from './registry';
import { startBare, startBarrage, startBullMq, startPgBoss, type PeerSystem, type System } from './systems';

export interface PeersContext {
  dir: string;
  logDir: string;
  cliPath: string;
  sink: BenchSink;
  runs: number;
  durationMs: number;
  concurrency: number[];
  durabilityEvents: number;
  progress: (msg: string) => void;
}

export interface PeersResults {
  systems: string[];
  runs: number;
  durationMs: number;
  accept: Record<string, Record<number, Throughput[]>>;
  e2e: Record<string, Record<1 | 3, PeerEndToEnd[]>>;
  retries: Record<string, PeerRetries[]>;
  durability: Record<string, Durability>;
}

const E2E_CONCURRENCY = 32;

export async function peersScenario(ctx: PeersContext): Promise<PeersResults> {
  const reg = registry(ctx.sink.url);
  const sctx = { dir: ctx.dir, logDir: ctx.logDir, registry: reg, cliPath: ctx.cliPath };
  ctx.progress('scenario 18: starting Barrage, pg-boss on PostgreSQL, BullMQ on Redis (everysec, always), bare node:http');
  const started: System[] = [];
  try {
    const barrage = await startBarrage(sctx).then(keep(started));
    const peers: PeerSystem[] = [];
    peers.push(await startPgBoss(sctx).then(keep(started)));
    peers.push(await startBullMq(sctx, 'everysec').then(keep(started)));
    peers.push(await startBullMq(sctx, 'always').then(keep(started)));
    const bare = await startBare(sctx).then(keep(started));
    const delivering = [barrage, ...peers];
    const results: PeersResults = {
      systems: [...delivering, bare].map((s) => s.name),
      runs: ctx.runs,
      durationMs: ctx.durationMs,
      accept: {},
      e2e: {},
      retries: {},
      durability: {},
    };
    const bounds = (concurrency: number): Bounds => ({ concurrency, durationMs: ctx.durationMs, maxOperations: 200_000 });
    await warmUp([...delivering, bare], bounds(8));
    await acceptRuns(ctx, [...delivering, bare], bounds, results);
    for (const peer of peers) await peer.deliver();
    await warmUpDelivery(delivering, ctx.sink, bounds(E2E_CONCURRENCY));
    await e2eRuns(ctx, delivering, bounds(E2E_CONCURRENCY), results);
    for (const system of delivering) {
      const r = await retries(system, ctx.sink, { ...bounds(E2E_CONCURRENCY), durationMs: Math.max(ctx.durationMs, 10_000) });
      (results.retries[system.name] ??= []).push(r);
      ctx.progress(
        `${system.name}: sink failing 50 %: ${r.deliveriesPerSecond.toFixed(0)} delivered/s, ${r.attemptsPerDelivery.toFixed(2)} attempts and ${r.cpuMsPerDelivery.toFixed(2)} CPU ms each, ${r.notReceived} not received in 30 s`,
      );
    }
    await durabilityRuns(ctx, delivering, results);
    return results;
  } finally {
    for (const s of started.reverse()) await s.stop().catch((err) => ctx.progress(`stopping ${s.name}: ${err}`));
  }
}

const keep =
  (list: System[]) =>
  <T extends System>(s: T): T => {
    list.push(s);
    return s;
  };

async function warmUp(systems: System[], b: Bounds) {
  for (const s of systems) await accepts(s, { ...b, durationMs: 1000 });
}

async function warmUpDelivery(systems: System[], sink: BenchSink, b: Bounds) {
  for (const s of systems) await endToEnd(s, sink, 1, { ...b, durationMs: 1000 });
}

async function acceptRuns(ctx: PeersContext, systems: System[], bounds: (c: number) => Bounds, results: PeersResults) {
  for (let run = 1; run <= ctx.runs; run++) {
    for (const c of ctx.concurrency) {
      const line: string[] = [];
      for (const s of systems) {
        const t = await accepts(s, bounds(c));
        ((results.accept[s.name] ??= {})[c] ??= []).push(t);
        line.push(`${s.name} ${t.perSecond.toFixed(0)}/s`);
      }
      ctx.progress(`run ${run}/${ctx.runs} accept c=${c}: ${line.join(', ')}`);
    }
  }
}

async function e2eRuns(ctx: PeersContext, systems: System[], b: Bounds, results: PeersResults) {
  for (let run = 1; run <= ctx.runs; run++) {
    for (const d of [1, 3] as const) {
      const line: string[] = [];
      for (const s of systems) {
        const r = await endToEnd(s, ctx.sink, d, b);
        ((results.e2e[s.name] ??= { 1: [], 3: [] })[d] ??= []).push(r);
        line.push(`${s.name} ${r.deliveriesPerSecond.toFixed(0)}/s ${r.cpuMsPerDeliveryTotal.toFixed(2)} CPU ms`);
      }
      ctx.progress(`run ${run}/${ctx.runs} end to end D=${d}: ${line.join(', ')}`);
    }
  }
}

async function durabilityRuns(ctx: PeersContext, systems: System[], results: PeersResults) {
  for (const s of systems) {
    ctx.progress(`${s.name}: durability, ${ctx.durabilityEvents} events × 3 destinations, worker and store killed -9 twice`);
    const d = await durability(s, ctx.sink, {
      events: ctx.durabilityEvents,
      // 1,000 events over 10 s, well under every system's accept rate; the crashes land at 30 % and 70 %.
      perSecond: ctx.durabilityEvents / 10,
      crashAtMs: [3000, 7000],
      downMs: 1500,
      sendDeadlineMs: 120_000,
      deliverDeadlineMs: 240_000,
      tag: `chaos-${s.name.replace(/\W+/g, '-')}-${Date.now()}`,
    });
    results.durability[s.name] = d;
    ctx.progress(
      `${s.name}: accepted ${d.accepted}/${d.events} (${d.clientRetries} client retries), delivered ${d.delivered}/${d.expected} owed, lost ${d.lost}, duplicated ${d.duplicated}, last delivery at ${d.secondsToLastDelivery.toFixed(0)} s; ${d.crashes.join('; ')}`,
    );
  }
}
