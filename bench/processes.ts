// The processes a benchmark run starts, each a real OS process so its memory can be read.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { PROJECT_ROOT } from '../src/config';
import { stopProcess } from '../src/temporal/dev-server';

export const CLI = join(PROJECT_ROOT, 'dist', 'src', 'cli', 'main.js');
export const FLOOR_WORKER = join(PROJECT_ROOT, 'dist', 'bench', 'floor', 'worker.js');

export interface Proc {
  name: string;
  child: ChildProcess;
  /** The first URL the process logged (a receiver's), read from its output, not its log file. */
  url?: string;
  stop(): Promise<void>;
}

/** Peak resident set (VmHWM) of a live process, in MiB. */
export function peakRssMiB(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

/** Starts a node process, logs to a file, and resolves once a line matches `ready`. */
export async function startNode(
  name: string,
  args: string[],
  logDir: string,
  ready: RegExp,
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 60_000,
): Promise<Proc> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: PROJECT_ROOT, env });
  const log = createWriteStream(join(logDir, `${name}.log`));
  let seen = '';
  const readyPromise = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} not ready in ${timeoutMs} ms:\n${seen.slice(-2000)}`)), timeoutMs);
    const onData = (d: Buffer) => {
      log.write(d);
      if (seen.length < 100_000) seen += d.toString();
      if (ready.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}):\n${seen.slice(-2000)}`)));
  });
  try {
    await readyPromise;
  } catch (err) {
    // Not ready in time: the caller never gets a handle, so nothing else would stop this child.
    child.kill('SIGKILL');
    throw err;
  }
  const url = /"url":"(http:\/\/[^"]+)"/.exec(seen)?.[1];
  return { name, child, url, stop: () => stopProcess(child, 10_000) };
}

export function writeConfig(dir: string, name: string, config: unknown): string {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, stringify(config));
  return path;
}

export const startRole = (
  role: 'worker' | 'receiver',
  config: string,
  logDir: string,
  tag: string = role,
  env: NodeJS.ProcessEnv = process.env,
) =>
  startNode(
    tag,
    [CLI, 'start', '--config', config, '--role', role],
    logDir,
    role === 'worker' ? /worker running/ : /receiver listening/,
    env,
  );

/** The log file is written asynchronously, so the URL comes from what the process printed. */
export function receiverUrl(proc: Proc): string {
  if (!proc.url) throw new Error(`${proc.name} printed no URL before it was ready`);
  return proc.url;
}

/** CPU seconds (user + system) a live process has used; /proc/<pid>/stat counts clock ticks of 1/100 s. */
export function cpuSeconds(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Measures how many cores each process used while `fn` ran: the evidence for what bounds throughput. */
export async function cpuShare<T>(
  pids: Record<string, number | undefined>,
  fn: () => Promise<T>,
  cpu: (pid: number | undefined) => number = cpuSeconds,
): Promise<{ result: T; cores: Record<string, number> }> {
  const before = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpu(pid)]));
  const selfBefore = process.cpuUsage();
  const t0 = performance.now();
  const result = await fn();
  const wall = (performance.now() - t0) / 1000;
  const self = process.cpuUsage(selfBefore);
  const cores = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, (cpu(pid) - before[k]) / wall]));
  cores['bench (load + sink)'] = (self.user + self.system) / 1e6 / wall;
  return { result, cores };
}
