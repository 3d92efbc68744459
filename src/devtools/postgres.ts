// A private PostgreSQL cluster from the machine's own binaries, for tests, `npm run cluster` and
// local trials: initdb into a directory, one server on a loopback port, trust auth. A temporary
// cluster is removed at stop; one with a data directory of the caller's keeps its data and can be
// killed (SIGKILL, for chaos tests) and started again. PostgreSQL refuses to run as root, so as root
// the cluster belongs to the `postgres` user that Debian's package creates (`npm run setup` installs
// the package when the binaries are missing).
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const POSTGRES_MISSING =
  'PostgreSQL server binaries (initdb, pg_ctl) not found: run `npm run setup` as root (it installs ' +
  "Debian's postgresql package), or install PostgreSQL 14+ yourself";

/** The newest /usr/lib/postgresql/<version>/bin, where Debian puts initdb and pg_ctl. */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

export interface PostgresOptions {
  port: number;
  bin?: string;
  /** Kept across stops (initialised on first use); default: a temporary directory removed at stop. */
  dir?: string;
  /** fsync off suits throw-away test clusters; a cluster that is killed on purpose keeps it on. */
  fsync?: boolean;
}

export interface RunningPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** Stops the server (and removes a temporary cluster). */
  stop(): Promise<void>;
  /** SIGKILL to the postmaster, as a crash would; `start()` brings it back on the same data. */
  kill(): Promise<void>;
  start(): Promise<void>;
  /** The postmaster's pid while it runs (its backends are its children). */
  pid(): number | undefined;
}

export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const bin = options.bin ?? findPostgresBin();
  if (!bin) throw new Error(POSTGRES_MISSING);
  const temporary = options.dir === undefined;
  const dir = temporary ? mkdtempSync(join(tmpdir(), 'barrage-pg-')) : resolve(options.dir!);
  const data = join(dir, 'data');
  const as = asPostgresUser(bin);
  if (!existsSync(join(data, 'PG_VERSION'))) {
    mkdirSync(data, { recursive: true });
    ownForPostgres([dir, data]);
    await as('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  }
  const fsync = options.fsync ?? !temporary;
  const serverOptions = `-p ${options.port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${fsync ? 'on' : 'off'}`;
  const startOnce = () =>
    as('pg_ctl', ['-D', data, '-o', serverOptions, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  // After a SIGKILL of the postmaster its backends outlive it for a moment, and a new postmaster
  // refuses to start while they still hold the shared memory: a restart retries, as a supervisor
  // would (≤ 30 s). The first start does not: its failures are configuration, not timing.
  const start = async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        await startOnce();
        return;
      } catch (err) {
        if (attempt >= 30) throw err;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  };
  await startOnce();
  const pid = () => {
    try {
      return Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]) || undefined;
    } catch {
      return undefined;
    }
  };
  return {
    url: `postgres://postgres@127.0.0.1:${options.port}/postgres`,
    port: options.port,
    start,
    pid,
    async kill() {
      const running = pid();
      if (running) process.kill(running, 'SIGKILL');
    },
    async stop() {
      await as('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
      if (temporary) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Stops a cluster started earlier (by another process) in `dir`; false when none was running. */
export async function stopPostgres(dir: string, bin = findPostgresBin()): Promise<boolean> {
  if (!bin) throw new Error(POSTGRES_MISSING);
  const data = join(resolve(dir), 'data');
  if (!existsSync(join(data, 'postmaster.pid'))) return false;
  await asPostgresUser(bin)('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  return true;
}

function asPostgresUser(bin: string) {
  return (cmd: string, args: string[]) =>
    userInfo().uid === 0 ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]) : run(join(bin, cmd), args);
}

function ownForPostgres(dirs: string[]): void {
  if (userInfo().uid !== 0) return;
  const { uid, gid } = postgresUser();
  for (const d of dirs) chownSync(d, uid, gid);
}

/** uid and gid of the `postgres` user, from /etc/passwd. */
function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error(`no "postgres" user, and PostgreSQL cannot run as root. ${POSTGRES_MISSING}`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}
