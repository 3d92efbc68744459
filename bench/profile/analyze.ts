// Where a process's CPU went while the load ran: self and inclusive time per group (Barrage's own
// code, @temporalio, other libraries, node internals, GC), and Barrage's busiest functions.
// Self time says what to optimise; inclusive time says how much Barrage's calls set off in the
// libraries and node below them, which is what a change to Barrage can actually save.
import type { CallFrame, Group, Locator } from './locate';

export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  /** Microseconds on the monotonic clock, the same one process.hrtime reads. */
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The load window in microseconds of the monotonic clock (process.hrtime.bigint() / 1000). */
export interface Window {
  fromUs: number;
  toUs: number;
}

export interface Analysis {
  windowUs: number;
  /** Sampled time that was not idle. */
  busyUs: number;
  self: Map<Group, number>;
  /** Time with at least one frame of the group on the stack. */
  inclusive: Map<Group, number>;
  ownSelf: Map<string, number>;
  ownInclusive: Map<string, number>;
}

const add = <K>(m: Map<K, number>, k: K, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/** Self time per node id, counting only samples inside the window. */
function selfTimes(p: CpuProfile, w: Window): Map<number, number> {
  const self = new Map<number, number>();
  let ts = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    ts += p.timeDeltas[i];
    if (ts < w.fromUs || ts > w.toUs) continue;
    // A sample stands for the time until the next one, as DevTools counts it.
    add(self, p.samples[i], Math.max(0, p.timeDeltas[i + 1] ?? 0));
  }
  return self;
}

/** Each node's group and, if its own, its name: looked up once, as stacks share most of their frames. */
function frameInfo(p: CpuProfile, locate: Locator) {
  const info = new Map<number, { group: Group; name?: string }>();
  for (const { id, callFrame } of p.nodes) {
    const group = locate.group(callFrame);
    info.set(id, { group, name: group === 'own' ? locate.describe(callFrame) : undefined });
  }
  return (id: number) => info.get(id)!;
}

/** Pure over its inputs: the profile, the window, and how frames are classified and named. */
export function analyzeProfile(p: CpuProfile, w: Window, locate: Locator): Analysis {
  const frame = frameInfo(p, locate);
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const a: Analysis = {
    windowUs: Math.min(p.endTime, w.toUs) - Math.max(p.startTime, w.fromUs),
    busyUs: 0,
    self: new Map(),
    inclusive: new Map(),
    ownSelf: new Map(),
    ownInclusive: new Map(),
  };
  for (const [id, t] of selfTimes(p, w)) {
    const { group: g, name } = frame(id);
    if (g === 'idle' || t === 0) continue;
    a.busyUs += t;
    add(a.self, g, t);
    if (name) add(a.ownSelf, name, t);
    // Each group and function counts once per sample however often it recurs on the stack.
    const groups = new Set<Group>();
    const fns = new Set<string>();
    // Up to but not including (root), which is on every stack and belongs to no group.
    for (let cur = id; parent.has(cur); cur = parent.get(cur)!) {
      const up = frame(cur);
      groups.add(up.group);
      if (up.name) fns.add(up.name);
    }
    for (const cg of groups) add(a.inclusive, cg, t);
    for (const fn of fns) add(a.ownInclusive, fn, t);
  }
  return a;
}

const GROUP_NAMES: [Group, string][] = [
  ['own', "Barrage's own code"],
  ['temporal', '@temporalio (SDK, workflow sandbox)'],
  ['library', 'other libraries (express, undici, pino, …)'],
  ['node', 'node internals and native'],
  ['gc', 'GC'],
  ['program', '(program): V8 outside JS'],
];

const pct = (x: number, of: number) => `${((100 * x) / (of || 1)).toFixed(1)}%`.padStart(6);
const secs = (us: number) => `${(us / 1e6).toFixed(2)} s`;

function top(title: string, m: Map<string, number>, other: Map<string, number>, otherName: string, a: Analysis) {
  const lines = [`  ${title}  (% of busy; ${otherName} beside it)`];
  const rows = [...m].sort((x, y) => y[1] - x[1]).slice(0, 15);
  for (const [fn, t] of rows) lines.push(`    ${pct(t, a.busyUs)} ${pct(other.get(fn) ?? 0, a.busyUs)}  ${fn}`);
  if (rows.length === 0) lines.push('    (none sampled)');
  return lines;
}

/** The printed table of one process or thread. */
export function formatAnalysis(title: string, a: Analysis): string {
  const lines = [
    `== ${title}: busy ${secs(a.busyUs)} of ${secs(a.windowUs)} under load (${pct(a.busyUs, a.windowUs).trim()} of one core)`,
    `  ${'group'.padEnd(44)}  self  inclusive`,
  ];
  // A thread that barely ran (the worker's spare sandbox thread) has percentages of nothing.
  if (a.busyUs < 0.01 * a.windowUs) return `${lines[0]}: idle, no table`;
  for (const [g, name] of GROUP_NAMES) {
    lines.push(`  ${name.padEnd(44)}${pct(a.self.get(g) ?? 0, a.busyUs)} ${pct(a.inclusive.get(g) ?? 0, a.busyUs)}`);
  }
  lines.push(...top('own functions by self', a.ownSelf, a.ownInclusive, 'inclusive', a));
  lines.push(...top('own functions by inclusive', a.ownInclusive, a.ownSelf, 'self', a));
  return lines.join('\n');
}
