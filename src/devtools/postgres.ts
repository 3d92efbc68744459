// A private PostgreSQL cluster from the machine's own binaries, for tests and local trials: initdb
// into a fresh directory, one server on a loopback port, trust auth, stopped and removed at the
// end. PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user
// that Debian's package creates (`npm run setup` installs the package when the binaries are missing).
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
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

export interface RunningPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  stop(): Promise<void>;
}

export async function startPostgres(options: { port: number; bin?: string }): Promise<RunningPostgres> {
  const bin = options.bin ?? findPostgresBin();
  if (!bin) throw new Error(POSTGRES_MISSING);
  const dir = mkdtempSync(join(tmpdir(), 'barrage-pg-'));
  const data = join(dir, 'data');
  mkdirSync(data);
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const { uid, gid } = postgresUser();
    for (const d of [dir, data]) chownSync(d, uid, gid);
  }
  const as = (cmd: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]) : run(join(bin, cmd), args);
  await as('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const serverOptions = `-p ${options.port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  await as('pg_ctl', ['-D', data, '-o', serverOptions, '-l', join(dir, 'server.log'), '-w', '-t', '30', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${options.port}/postgres`,
    async stop() {
      await as('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
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
