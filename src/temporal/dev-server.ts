// The embedded Temporal dev server for `barrage dev` and the tests: the real server, one process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from '../contracts';

export interface DevServerOptions {
  cliPath: string;
  ip: string;
  port: number;
  uiPort?: number;
  /** SQLite file; omitted → in memory. */
  dbFile?: string;
  /** Created at launch with our search attributes, so they are usable at once. */
  namespaces: string[];
  headless?: boolean;
  readyTimeoutMs?: number;
  onOutput?: (line: string) => void;
}

export interface DevServer {
  address: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Dynamic config the CLI's defaults get wrong for Barrage. `forceSearchAttributesCacheRefreshOnRead`
 * is a debug setting the CLI turns on: every start with search attributes (all of Barrage's) reads
 * them from the database again. Namespaces reload every second (default 10 s), so a tenant added
 * at run time is usable everywhere soon (see temporal.namespaceCacheRefresh). One partition per task queue: a dev server has one matching host,
 * and four partitions only make a poller miss tasks that wait in another one.
 */
export const DEV_DYNAMIC_CONFIG: Record<string, unknown> = {
  'system.forceSearchAttributesCacheRefreshOnRead': false,
  'system.namespaceCacheRefreshInterval': '1s',
  'matching.numTaskqueueReadPartitions': 1,
  'matching.numTaskqueueWritePartitions': 1,
  // A deleted closed workflow (an erasure) is removed once its queues acknowledge its close: every
  // 30 s by default, so an erasure would wait that long; 1 s here.
  'history.transferProcessorUpdateAckInterval': '1s',
  'history.visibilityProcessorUpdateAckInterval': '1s',
  'history.timerProcessorUpdateAckInterval': '1s',
};

export function devServerArgs(options: DevServerOptions): string[] {
  const args = ['server', 'start-dev', '--ip', options.ip, '--port', String(options.port), '--log-level', 'warn'];
  if (options.headless) args.push('--headless');
  else args.push('--ui-port', String(options.uiPort ?? options.port + 1000), '--ui-disable-news-fetch');
  // WAL with synchronous=NORMAL survives a crash of any process (only an OS crash or power loss
  // can drop the last transactions) and more than doubles the dev server's write throughput.
  if (options.dbFile)
    args.push('--db-filename', options.dbFile, '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal');
  for (const ns of options.namespaces) args.push('--namespace', ns);
  for (const sa of Object.values(SEARCH_ATTRIBUTES)) args.push('--search-attribute', `${sa.name}=${sa.type}`);
  for (const [key, value] of Object.entries(DEV_DYNAMIC_CONFIG))
    args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  return args;
}

/** True when something accepts connections on ip:port. */
export function portInUse(ip: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: ip, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  // Without this check the readiness probe would happily talk to whatever already listens there.
  if (await portInUse(options.ip, options.port)) {
    throw new Error(`port ${options.ip}:${options.port} is already in use: stop what runs there or set temporal.devServer.port`);
  }
  if (options.dbFile) mkdirSync(dirname(options.dbFile), { recursive: true });
  const child = spawn(options.cliPath, devServerArgs(options), { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const collect = (data: Buffer) => {
    for (const line of data.toString().split('\n').filter(Boolean)) {
      output.push(line);
      if (output.length > 50) output.shift();
      options.onOutput?.(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const address = `${options.ip}:${options.port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`Temporal dev server exited (code ${code}):\n${output.join('\n')}`))),
  );
  exited.catch(() => undefined);
  try {
    await Promise.race([waitForServer(address, options.readyTimeoutMs ?? 60_000), exited]);
  } catch (err) {
    // Not ready in time: stopped, not left running beside the process that gave up on it.
    await stopProcess(child);
    throw err;
  }
  return {
    address,
    process: child,
    stop: () => stopProcess(child),
  };
}

async function waitForServer(address: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`Temporal dev server at ${address} not ready after ${timeoutMs} ms: ${err}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
