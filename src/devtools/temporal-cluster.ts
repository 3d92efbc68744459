// A production-shaped Temporal on one machine: temporal-server (built by `npm run setup -- --cluster`
// into .tools/temporal-server) on PostgreSQL, with several history shards, optionally with TLS on
// its frontend. For `npm run cluster`, the cluster tests and `npm run bench -- --cluster`; loopback only.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { PROJECT_ROOT } from '../base/paths';
import { freePortOutsideEphemeralRange } from '../net/free-port';
import { portInUse, stopProcess } from '../temporal/dev-server';
import {
  CLUSTER_DYNAMIC_CONFIG,
  dynamicConfigYaml,
  serverConfigYaml,
  TEMPORAL_DATABASES,
  type ClusterPorts,
  type ServerConfigOptions,
} from './temporal-server-config';

const run = promisify(execFile);

export const TEMPORAL_SERVER_DIR = join(PROJECT_ROOT, '.tools', 'temporal-server');
export const TEMPORAL_SERVER_MISSING =
  'temporal-server is not built: run `npm run setup -- --cluster` (builds it from the Go module proxy, about 5 minutes once)';

/** Free loopback ports for a private cluster (every one below 32768: see `membership`). */
export async function freeClusterPorts(): Promise<ClusterPorts> {
  const taken: number[] = [];
  const next = async () => {
    const port = await freePortOutsideEphemeralRange(taken, 32_768);
    taken.push(port);
    return port;
  };
  const [frontend, frontendHttp, history, matching, worker, metrics] = [
    await next(),
    await next(),
    await next(),
    await next(),
    await next(),
    await next(),
  ];
  const membership: ClusterPorts['membership'] = [await next(), await next(), await next(), await next()];
  return { frontend, frontendHttp, history, matching, worker, membership, metrics };
}

export interface TemporalClusterOptions extends ServerConfigOptions {
  /** Config, dynamic config and the server log live here. */
  dir: string;
  /** Extra dynamic config (key → value for every namespace). */
  dynamicConfig?: Record<string, unknown>;
  readyTimeoutMs?: number;
  /** Leave the server running after this process exits (`npm run cluster -- up`). */
  detached?: boolean;
  /** With `authorization`: a token with system admin rights, for the readiness check. */
  adminApiKey?: string;
}

export interface RunningTemporalServer {
  address: string;
  /** The server's log (all its services), appended to across restarts. */
  logFile: string;
  pid(): number | undefined;
  stop(): Promise<void>;
  /** SIGKILL, as a crash would; `start()` brings it back on the same databases. */
  kill(): Promise<void>;
  start(): Promise<void>;
}

export function serverBinaries(): { server: string; sql: string } {
  const bins = { server: join(TEMPORAL_SERVER_DIR, 'server'), sql: join(TEMPORAL_SERVER_DIR, 'sql') };
  if (!existsSync(bins.server) || !existsSync(bins.sql)) throw new Error(TEMPORAL_SERVER_MISSING);
  return bins;
}

/** Creates Temporal's two databases and brings their schemas to the binary's version (idempotent). */
export async function prepareDatabases(postgresPort: number, extraDatabases: string[] = []): Promise<void> {
  const { sql } = serverBinaries();
  const base = ['--plugin', 'postgres12', '--ep', '127.0.0.1', '-p', String(postgresPort), '-u', 'postgres'];
  const tool = (db: string, args: string[]) => run(sql, [...base, '--db', db, ...args]).catch(failWithOutput(`sql ${args[0]}`));
  for (const db of extraDatabases) await tool(db, ['create-database']);
  for (const [kind, db] of Object.entries(TEMPORAL_DATABASES)) {
    await tool(db, ['create-database']);
    // setup-schema only once: on a database that has it, the versioned update alone is the upgrade.
    const fresh = await tool(db, ['update-schema', '--schema-name', `postgresql/v12/${kind}`]).then(
      () => false,
      () => true,
    );
    if (!fresh) continue;
    await tool(db, ['setup-schema', '-v', '0.0']);
    await tool(db, ['update-schema', '--schema-name', `postgresql/v12/${kind}`]);
  }
}

const failWithOutput = (what: string) => (err: { stderr?: string; message: string }) => {
  throw new Error(`temporal-sql-tool ${what} failed: ${(err.stderr ?? '').slice(-2000) || err.message}`);
};

export async function startTemporalServer(options: TemporalClusterOptions): Promise<RunningTemporalServer> {
  const { server } = serverBinaries();
  const dir = resolve(options.dir);
  mkdirSync(join(dir, 'config'), { recursive: true });
  writeFileSync(join(dir, 'dynamicconfig.yaml'), dynamicConfigYaml({ ...CLUSTER_DYNAMIC_CONFIG, ...options.dynamicConfig }));
  writeFileSync(join(dir, 'config', 'development.yaml'), serverConfigYaml(options, join(dir, 'dynamicconfig.yaml')));
  const address = `127.0.0.1:${options.ports.frontend}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    const log = openSync(join(dir, 'server.log'), 'a');
    const args = ['--root', dir, '--config', 'config', '--env', 'development', '--allow-no-auth', 'start', ...services(options)];
    child = spawn(server, args, { stdio: ['ignore', log, log], detached: options.detached });
    closeSync(log);
    if (options.detached) child.unref();
    const exited = new Promise<never>((_, reject) =>
      child!.once('exit', (code) => reject(new Error(`temporal-server exited (code ${code}); last log lines:\n${tail(dir)}`))),
    );
    exited.catch(() => undefined);
    await Promise.race([waitUntilServing(address, options, options.readyTimeoutMs ?? 90_000), exited]);
  };
  await start();
  return {
    address,
    logFile: join(dir, 'server.log'),
    pid: () => child?.pid,
    start,
    async kill() {
      child?.kill('SIGKILL');
      await new Promise((r) => (child?.exitCode === null && child.signalCode === null ? child.once('exit', r) : r(null)));
    },
    stop: async () => (child ? stopProcess(child, 15_000) : undefined),
  };
}

/** The default four, plus the internal frontend the system worker uses when calls need a token. */
function services(options: TemporalClusterOptions): string[] {
  const names = ['frontend', 'history', 'matching', 'worker', ...(options.authorization ? ['internal-frontend'] : [])];
  return names.flatMap((name) => ['--service', name]);
}

export function serverLogTail(dir: string, lines = 30): string {
  return tail(resolve(dir), lines);
}

function tail(dir: string, lines = 30): string {
  const file = join(dir, 'server.log');
  return existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '(no log)';
}

/** Serving once the frontend lists namespaces (its own system namespace is created at start). */
async function waitUntilServing(
  address: string,
  { tls, adminApiKey }: Pick<TemporalClusterOptions, 'tls' | 'adminApiKey'>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const tlsOptions = tls && {
    serverNameOverride: tls.serverName,
    serverRootCACertificate: readFileSync(tls.caFile),
    ...(tls.clientCaFile && tls.workerCertFile && tls.workerKeyFile
      ? { clientCertPair: { crt: readFileSync(tls.workerCertFile), key: readFileSync(tls.workerKeyFile) } }
      : {}),
  };
  const port = Number(address.split(':').pop());
  for (;;) {
    // Dial only once the port listens: a grpc-js channel that failed to connect keeps retrying in
    // the background and holds the process open.
    if (await portInUse('127.0.0.1', port)) {
      const connection = await Connection.connect({
        address,
        connectTimeout: 2000,
        tls: tlsOptions ?? false,
        apiKey: adminApiKey,
      }).catch(() => undefined);
      const ok = await connection?.workflowService.describeNamespace({ namespace: 'temporal-system' }).then(
        () => true,
        () => false,
      );
      await connection?.close();
      if (ok) return;
    }
    if (Date.now() > deadline) throw new Error(`temporal-server at ${address} not serving after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
