#!/usr/bin/env node
// `barrage` — one binary, several roles. Exit codes: 0 ok, 1 runtime failure, 2 bad config/usage.
// The roles (express, undici, the Temporal SDK) are loaded only after tracing has started, so
// OpenTelemetry's instrumentation applies to them: keep those imports dynamic.
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig, PROJECT_ROOT, resolveConfigPath, temporalAddress } from '../config';
import { configReferenceMarkdown } from '../config/reference';
import { startSink } from '../sink/listen';
import { createLogger } from '../telemetry/logger';
import { VERSION } from '../version';
import { RegistrySetupError } from '../registry/open';
import { startTracing } from '../telemetry/tracing';
import { managementCommands } from './manage';
import { parseRoles, shutdownSignal } from './role-names';

const EXAMPLE_CONFIG = join(PROJECT_ROOT, 'docs', 'examples', 'barrage.yaml');
const env = process.env;

function intOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port/number 0–65535');
  return n;
}

function load(flag: string | undefined, fallback?: string) {
  const path = resolveConfigPath(flag, env, fallback);
  if (!path) throw new ConfigError('(none)', [{ path: '--config', message: 'pass --config FILE or set BARRAGE_CONFIG' }]);
  return { path, config: loadConfig(path, env) };
}

const program = new Command('barrage').version(VERSION).description('Callback hub on Temporal');
// Usage mistakes exit 2 (commander's own default is 1, which scripts would read as an API error).
program.exitOverride((err) => {
  process.exit(err.exitCode === 0 ? 0 : 2);
});

program
  .command('dev')
  .description('embedded Temporal dev server + worker + receiver + example sink (the laptop setup)')
  .option('-c, --config <file>', 'config file (default: BARRAGE_CONFIG or the shipped example)')
  .option('--no-sink', 'do not start the example sink')
  .option('--sink-port <port>', 'port of the example sink', intOption, 9000)
  .action(async (opts: { config?: string; sink: boolean; sinkPort: number }) => {
    const { path, config } = load(opts.config, EXAMPLE_CONFIG);
    startTracing(config, 'dev');
    const logger = createLogger(config.log.level);
    const { runDev } = await import('./dev');
    await runDev({ config, configPath: path, env, logger, sink: opts.sink, sinkPort: opts.sinkPort });
  });

program
  .command('start')
  .description('run roles against the Temporal at temporal.address (the scale-out path)')
  .option('-c, --config <file>', 'config file (default: BARRAGE_CONFIG)')
  .option('-r, --role <roles>', 'comma-separated: receiver, worker, pollers', 'receiver,worker')
  .action(async (opts: { config?: string; role: string }) => {
    const { config } = load(opts.config);
    const roles = parseRoles(opts.role);
    startTracing(config, roles.join('-'));
    const logger = createLogger(config.log.level);
    const [{ runRoles }, { openRegistry }] = await Promise.all([import('./roles'), import('../registry/open')]);
    const address = temporalAddress(config);
    const signal = shutdownSignal(logger);
    const opened = await openRegistry(config, 'start', logger);
    logger.info({ roles, address, registry: opened.describe }, 'starting');
    try {
      await runRoles({
        config,
        registry: opened.registry,
        roles,
        address,
        logger,
        signal,
        onReceiver: (r) => logger.info({ url: r.url }, 'receiver listening'),
        onWorkerRunning: (namespaces) => logger.info({ namespaces }, 'worker running'),
      });
    } finally {
      await opened.close();
    }
  });

const configCommand = program.command('config').description('configuration tools');

configCommand
  .command('reference')
  .description('print every config key with type, default and description (Markdown)')
  .action(() => console.log(configReferenceMarkdown()));

configCommand
  .command('check')
  .description('validate a config file and list every problem by path')
  .option('-c, --config <file>', 'config file (default: BARRAGE_CONFIG)')
  .action((opts: { config?: string }) => {
    const { path, config } = load(opts.config);
    const destinations = config.tenants.reduce((n, t) => n + t.destinations.length, 0);
    const sources = config.tenants.reduce((n, t) => n + t.sources.length, 0);
    console.log(`${path}: OK (${config.tenants.length} tenant(s), ${destinations} destination(s), ${sources} source(s))`);
  });

program
  .command('listen')
  .description('a local sink that prints each delivery and verifies its signature')
  .option('-p, --port <port>', 'port to listen on', intOption, 9000)
  .option('--host <host>', 'address to bind', '127.0.0.1')
  .option('-s, --secret <secret...>', 'Standard Webhooks secret(s) to verify with')
  .option('--status <code>', 'HTTP status to answer', intOption, 200)
  .action(async (opts: { port: number; host: string; secret?: string[]; status: number }) => {
    const sink = await startSink({
      host: opts.host,
      port: opts.port,
      secrets: opts.secret ?? [],
      status: opts.status,
      print: (l) => console.log(l),
    });
    console.log(`listening on ${sink.url} — point a destination here; Ctrl-C to stop`);
    await new Promise<void>((resolve) => shutdownSignal(createLogger('warn')).addEventListener('abort', () => resolve()));
    await sink.close();
  });

managementCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof RegistrySetupError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(`barrage: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
