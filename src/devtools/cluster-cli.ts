#!/usr/bin/env node
// `npm run cluster -- up | down | status`: a production-shaped Temporal on this machine
// (temporal-server on a private PostgreSQL cluster, 8 history shards by default) that keeps running
// in the background between commands. Loopback only; a trial and test tool, not a deployment.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { findPostgresBin, startPostgres, stopPostgres } from './postgres';
import { prepareDatabases, serverLogTail, startTemporalServer } from './temporal-cluster';
import { DEFAULT_CLUSTER_PORTS, TEMPORAL_DATABASES, type ClusterPorts } from './temporal-server-config';
import { portInUse } from '../temporal/dev-server';

interface ClusterState {
  pid: number;
  address: string;
  postgresPort: number;
  shards: number;
  ports: ClusterPorts;
}

const BARRAGE_DATABASE = 'barrage';
const stateFile = (dir: string) => join(dir, 'cluster.json');
const readState = (dir: string): ClusterState | undefined =>
  existsSync(stateFile(dir)) ? (JSON.parse(readFileSync(stateFile(dir), 'utf8')) as ClusterState) : undefined;
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const say = (msg: string) => console.log(`[cluster] ${msg}`);

const program = new Command('cluster').description('temporal-server on PostgreSQL, in the background, for trials and tests');
const dirOption = ['--dir <dir>', 'where the cluster keeps its databases, config and log', '.barrage/cluster'] as const;

program
  .command('up')
  .description('start PostgreSQL and temporal-server (creating databases and schemas the first time)')
  .option(...dirOption)
  .option('--port <port>', 'Temporal frontend gRPC port', String(DEFAULT_CLUSTER_PORTS.frontend))
  .option('--pg-port <port>', 'PostgreSQL port', '5432')
  .option('--shards <n>', 'history shards (fixed once the database exists)', '8')
  .action(async (opts: { dir: string; port: string; pgPort: string; shards: string }) => {
    const dir = resolve(opts.dir);
    const previous = readState(dir);
    if (previous && alive(previous.pid)) return say(`already running: temporal.address ${previous.address}`);
    const shards = Number(opts.shards);
    if (previous && previous.shards !== shards)
      throw new Error(`the databases in ${dir} have ${previous.shards} shards; a shard count cannot change (down --purge first)`);
    const ports: ClusterPorts = { ...DEFAULT_CLUSTER_PORTS, frontend: Number(opts.port) };
    const postgresPort = Number(opts.pgPort);
    for (const [what, port] of [
      ['Temporal frontend', ports.frontend],
      ['PostgreSQL', postgresPort],
    ] as const) {
      if (await portInUse('127.0.0.1', port))
        throw new Error(`${what} port ${port} is in use (barrage dev's embedded Temporal or a system PostgreSQL?); pick another`);
    }
    say(`starting PostgreSQL on 127.0.0.1:${postgresPort} (data in ${join(dir, 'postgres')})…`);
    const postgres = await startPostgres({ port: postgresPort, dir: join(dir, 'postgres') });
    say(
      `databases ${TEMPORAL_DATABASES.temporal}, ${TEMPORAL_DATABASES.visibility} (schemas by temporal-sql-tool) and ${BARRAGE_DATABASE}…`,
    );
    await prepareDatabases(postgresPort, [BARRAGE_DATABASE]);
    say(`starting temporal-server (${shards} history shards)…`);
    const server = await startTemporalServer({ dir: join(dir, 'temporal'), postgresPort, ports, shards, detached: true }).catch(
      async (err: unknown) => {
        await postgres.stop();
        throw err;
      },
    );
    const state: ClusterState = { pid: server.pid()!, address: server.address, postgresPort, shards, ports };
    writeFileSync(stateFile(dir), JSON.stringify(state, null, 2));
    printWhere(dir, state);
  });

program
  .command('down')
  .description('stop temporal-server and PostgreSQL (their data stays unless --purge)')
  .option(...dirOption)
  .option('--purge', 'also delete the databases, config and log')
  .action(async (opts: { dir: string; purge?: boolean }) => {
    const dir = resolve(opts.dir);
    const state = readState(dir);
    if (state && alive(state.pid)) {
      say(`stopping temporal-server (pid ${state.pid})…`);
      await terminate(state.pid);
    }
    if (existsSync(join(dir, 'postgres')) && findPostgresBin() && (await stopPostgres(join(dir, 'postgres'))))
      say('PostgreSQL stopped');
    if (opts.purge) {
      rmSync(dir, { recursive: true, force: true });
      say(`removed ${dir}`);
    }
    say('down');
  });

program
  .command('status')
  .description('is it running, and where')
  .option(...dirOption)
  .action((opts: { dir: string }) => {
    const dir = resolve(opts.dir);
    const state = readState(dir);
    const serving = !!state && alive(state.pid);
    const postgres = existsSync(join(dir, 'postgres', 'data', 'postmaster.pid'));
    say(
      `temporal-server: ${serving ? `running (pid ${state!.pid})` : 'stopped'}; PostgreSQL: ${postgres ? 'running' : 'stopped'}`,
    );
    if (serving) printWhere(dir, state!);
    else if (state) console.log(`last log lines:\n${serverLogTail(join(dir, 'temporal'), 10)}`);
    process.exitCode = serving && postgres ? 0 : 3;
  });

function printWhere(dir: string, state: ClusterState): void {
  say(`ready: temporal-server on PostgreSQL, ${state.shards} history shards`);
  console.log(`  temporal.address   ${state.address}`);
  console.log(`  database.url       postgres://postgres@127.0.0.1:${state.postgresPort}/${BARRAGE_DATABASE}`);
  console.log(`  server metrics     http://127.0.0.1:${state.ports.metrics}/metrics`);
  console.log(`  server log         ${join(dir, 'temporal', 'server.log')}`);
  console.log('  stop with          npm run cluster -- down');
}

async function terminate(pid: number): Promise<void> {
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 20_000;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(`cluster: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
