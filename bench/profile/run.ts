// `npm run bench:profile`: where Barrage's CPU goes under load. Starts a Temporal dev server, the
// bench sink and Barrage's roles under `node --cpu-prof`, drives closed-loop load end to end (or
// accepts only), stops the roles so they write their .cpuprofile files, and prints per process and
// thread how much of the busy time is Barrage's own code. The profiles stay under --out to open in
// Chrome DevTools or speedscope.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { findTemporalCli, PROJECT_ROOT, TEMPORAL_CLI_MISSING } from '../../src/config';
import { freePort } from '../../src/net/free-port';
import { startDevServer, type DevServer } from '../../src/temporal/dev-server';
import { hubConfig, NAMESPACE } from '../hub-config';
import { closedLoop } from '../load';
import { CLI, cpuSeconds, receiverUrl, startNode, writeConfig, type Proc } from '../processes';
import { httpAccepts, httpPool, postEvent, type Bounds } from '../scenarios';
import { startBenchSink, type BenchSink } from '../sink';
import { analyzeProfile, formatAnalysis, type CpuProfile, type Window } from './analyze';
import { createLocator } from './locate';

interface Options {
  seconds: number;
  concurrency: number;
  acceptOnly: boolean;
  out: string;
}

type Role = 'receiver' | 'worker';

const progress = (msg: string) => console.log(`[profile ${new Date().toISOString().slice(11, 19)}] ${msg}`);
/** The clock V8 stamps profile samples with, so the load window can be cut out of every profile. */
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

function parseOptions(): Options {
  const positive = (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`not a positive integer: ${v}`);
    return n;
  };
  return new Command('bench:profile')
    .option('--seconds <n>', 'seconds of profiled load', positive, 30)
    .option('--concurrency <n>', 'callbacks in flight', positive, 32)
    .option('--accept-only', 'the receiver alone, to a task queue no worker polls', false)
    .option('--out <dir>', 'where the .cpuprofile files go', join(PROJECT_ROOT, 'bench', 'out', 'profile'))
    .parse()
    .opts<Options>();
}

/** One request of the load: accepted and delivered to the sink, or only accepted. */
function operation(opts: Options, receiver: Proc, sink: BenchSink) {
  const pool = httpPool(receiverUrl(receiver), opts.concurrency * 2);
  const endToEnd = async () => {
    const id = await postEvent(pool, 'e2e.profile');
    await sink.waitFor(`${id}/one`, 60_000);
  };
  // httpAccepts runs its own loop, so accept-only hands back the whole run, not one operation.
  const run = (bounds: Bounds) => (opts.acceptOnly ? httpAccepts(pool, bounds) : closedLoop(bounds, endToEnd));
  return { run, close: () => pool.close() };
}

/** Warms up (JIT, connections, Temporal's caches) outside the window the tables count, then loads. */
async function drive(opts: Options, procs: Proc[], sink: BenchSink): Promise<Window> {
  const load = operation(opts, procs[0], sink);
  try {
    progress('warm-up: 3 s at concurrency 8');
    await load.run({ concurrency: 8, durationMs: 3000, maxOperations: 500 });
    progress(`load: ${opts.seconds} s at concurrency ${opts.concurrency}`);
    const cpu0 = procs.map((p) => cpuSeconds(p.child.pid));
    const fromUs = nowUs();
    const r = await load.run({ concurrency: opts.concurrency, durationMs: opts.seconds * 1000, maxOperations: 1_000_000 });
    const toUs = nowUs();
    // A role that died has no profile to write, and the errors would be timing the dead process.
    const dead = procs.find((p) => p.child.exitCode !== null || p.child.signalCode !== null);
    if (dead) throw new Error(`${dead.name} exited during the load (${dead.child.exitCode ?? dead.child.signalCode})`);
    if (r.errors > 0) progress(`warning: ${r.errors} operations failed${'firstError' in r ? `, first: ${r.firstError}` : ''}`);
    const wall = (toUs - fromUs) / 1e6;
    const cores = procs.map((p, i) => `${p.name} ${((cpuSeconds(p.child.pid) - cpu0[i]) / wall).toFixed(2)}`);
    progress(`${r.completed} done (${(r.completed / wall).toFixed(0)}/s), ${r.errors} errors; cores: ${cores.join(', ')}`);
    return { fromUs, toUs };
  } finally {
    await load.close();
  }
}

/** Pushes each role onto `procs` as soon as it runs, so a later failure still stops it. */
async function startRoles(
  opts: Options,
  server: DevServer,
  sink: BenchSink,
  dirs: { tmp: string; out: string },
  procs: Proc[],
): Promise<void> {
  const hub = hubConfig({ address: server.address, taskQueue: 'barrage-bench', sinkUrl: sink.url, maxFanout: 10 }, []);
  // As bench/run.ts's accept-only receiver: starts go to a queue nothing polls, so no worker runs.
  const config = opts.acceptOnly ? { ...hub, temporal: { ...hub.temporal, taskQueue: 'accept-only' } } : hub;
  const path = writeConfig(dirs.tmp, 'hub', config);
  const roles: Role[] = opts.acceptOnly ? ['receiver'] : ['receiver', 'worker'];
  for (const role of roles) {
    const profileDir = join(dirs.out, role);
    const args = ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, CLI, 'start', '--config', path, '--role', role];
    const ready = role === 'worker' ? /worker running/ : /receiver listening/;
    procs.push(await startNode(role, args, join(dirs.tmp, 'logs'), ready));
    progress(`${role} started, profiling to ${profileDir}`);
  }
}

/** Everything is stopped whatever failed, roles first so they write their profiles while the server is up. */
async function profileRun(opts: Options, out: string): Promise<Window> {
  const cliPath = findTemporalCli(process.env);
  if (!cliPath) throw new Error(TEMPORAL_CLI_MISSING);
  const tmp = mkdtempSync(join(tmpdir(), 'barrage-profile-'));
  mkdirSync(join(tmp, 'logs'));
  progress(`logs in ${join(tmp, 'logs')}`);
  let server: DevServer | undefined;
  let sink: BenchSink | undefined;
  const procs: Proc[] = [];
  try {
    const port = await freePort();
    server = await startDevServer({
      cliPath,
      ip: '127.0.0.1',
      port,
      headless: true,
      dbFile: join(tmp, 'temporal.db'),
      namespaces: [NAMESPACE],
    });
    sink = await startBenchSink();
    await startRoles(opts, server, sink, { tmp, out }, procs);
    return await drive(opts, procs, sink);
  } finally {
    for (const p of procs.reverse()) await p.stop();
    await sink?.close();
    await server?.stop();
    progress('stopped roles, sink and dev server');
  }
}

/** Thread 0 is the main thread; the worker's workflow thread is the one running the bundle. */
function threadName(role: string, file: string, profile: CpuProfile): string {
  const thread = /\.(\d+)\.\d+\.cpuprofile$/.exec(file)?.[1] ?? '?';
  if (thread === '0') return `${role} main thread`;
  const sandbox = profile.nodes.some((n) => n.callFrame.url.endsWith('workflow-bundle.js'));
  return `${role} thread ${thread}${sandbox ? ' (workflow sandbox)' : ''}`;
}

function report(out: string, window: Window): string {
  const locate = createLocator();
  const tables: string[] = [];
  for (const role of readdirSync(out).filter((d) => d === 'receiver' || d === 'worker')) {
    for (const file of readdirSync(join(out, role))
      .filter((f) => f.endsWith('.cpuprofile'))
      .sort()) {
      const profile = JSON.parse(readFileSync(join(out, role, file), 'utf8')) as CpuProfile;
      tables.push(formatAnalysis(threadName(role, file, profile), analyzeProfile(profile, window, locate)));
    }
  }
  return tables.length > 0 ? tables.join('\n\n') : `no .cpuprofile files in ${out}`;
}

async function main(): Promise<void> {
  const opts = parseOptions();
  // A directory per run, so a run never mixes its profiles with an earlier one's.
  const out = join(opts.out, `${new Date().toISOString().replace(/[:.]/g, '-')}${opts.acceptOnly ? '-accept' : ''}`);
  mkdirSync(out, { recursive: true });
  const window = await profileRun(opts, out);
  const text = report(out, window);
  writeFileSync(join(out, 'tables.txt'), `${text}\n`);
  console.log(`\n${text}\n`);
  progress(`profiles and tables.txt in ${out}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
