// A private Redis for the BullMQ peer, from the machine's own redis-server: one server on a
// loopback port, AOF on (its durability is what the benchmark compares), no RDB snapshots. The
// data directory is the caller's, so the server can be killed -9 and started again on the same data.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, join, resolve } from 'node:path';

export const REDIS_MISSING =
  "redis-server not found: run `npm run setup -- --peers` as root (it installs Debian's redis-server package), " +
  'or put a Redis 6.2+ redis-server on PATH';

export interface RedisOptions {
  port: number;
  dir: string;
  /** 'always' fsyncs every write before answering; 'everysec' may lose the last second on a crash. */
  appendfsync: 'everysec' | 'always';
  bin?: string;
}

export interface RunningRedis {
  /** redis://127.0.0.1:<port> */
  url: string;
  port: number;
  /** Stops the server (SIGTERM: Redis flushes its AOF first). */
  stop(): Promise<void>;
  /** SIGKILL, as a crash would; `start()` brings it back on the same data. */
  kill(): Promise<void>;
  start(): Promise<void>;
  pid(): number | undefined;
}

const READY_TIMEOUT_MS = 20_000;

export function findRedisServer(): string | undefined {
  if (existsSync('/usr/bin/redis-server')) return '/usr/bin/redis-server';
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'redis-server'))) return join(dir, 'redis-server');
  }
  return undefined;
}

export async function startRedis(options: RedisOptions): Promise<RunningRedis> {
  const bin = options.bin ?? findRedisServer();
  if (!bin) throw new Error(REDIS_MISSING);
  const dir = resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  const logFile = join(dir, 'redis.log');
  // No config file: every setting is here, so Debian's /etc/redis/redis.conf plays no part.
  const args = [
    '--bind', '127.0.0.1',
    '--port', String(options.port),
    '--protected-mode', 'yes',
    '--appendonly', 'yes',
    '--appendfsync', options.appendfsync,
    '--dir', dir,
    '--save', '',
    '--daemonize', 'no',
    '--logfile', logFile,
  ]; // prettier-ignore
  let child: ChildProcess | undefined;
  const start = async () => {
    const proc = spawn(bin, args, { stdio: 'ignore' });
    child = proc;
    try {
      await waitForPong(options.port, proc);
    } catch (err) {
      proc.kill('SIGKILL');
      await exited(proc);
      const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-10).join('\n') : '';
      throw new Error(`${(err as Error).message}\n${tail}`);
    }
  };
  const signal = async (sig: NodeJS.Signals) => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill(sig);
    await exited(proc);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${options.port}`,
    port: options.port,
    start,
    pid: () => (child && child.exitCode === null && child.signalCode === null ? child.pid : undefined),
    kill: () => signal('SIGKILL'),
    async stop() {
      const proc = child;
      const timer = setTimeout(() => proc?.kill('SIGKILL'), 10_000);
      await signal('SIGTERM');
      clearTimeout(timer);
    },
  };
}

function exited(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => proc.once('exit', () => resolve()));
}

/** Polls PING until +PONG (a server still loading its AOF answers -LOADING), at most 20 s. */
async function waitForPong(port: number, proc: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      throw new Error(`redis-server exited (${proc.exitCode ?? proc.signalCode}) before answering PING`);
    }
    last = await ping(port).catch((err: Error) => err.message);
    if (last.startsWith('+PONG')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`redis-server on 127.0.0.1:${port} did not answer PING within ${READY_TIMEOUT_MS / 1000} s (${last})`);
}

function ping(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const timer = setTimeout(() => socket.destroy(new Error('PING timed out')), 1000);
    let answer = '';
    socket.on('connect', () => socket.write('*1\r\n$4\r\nPING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (answer.includes('\r\n')) {
        clearTimeout(timer);
        socket.end();
        resolve(answer.trim());
      }
    });
    socket.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
