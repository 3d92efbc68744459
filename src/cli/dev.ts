// `barrage dev`: embedded Temporal dev server + worker + receiver + example sink, one command.
import { resolve } from 'node:path';
import { findTemporalCli, TEMPORAL_CLI_MISSING, type BarrageConfig, type Env } from '../config';
import { startSink } from '../sink/listen';
import { startDevServer } from '../temporal/dev-server';
import type { Logger } from '../telemetry/logger';
import { hasQueueSources } from '../sources/registry';
import { runRoles, shutdownSignal } from './roles';

export interface DevOptions {
  config: BarrageConfig;
  configPath: string;
  env: Env;
  logger: Logger;
  sink: boolean;
  sinkPort: number;
}

export async function runDev(options: DevOptions): Promise<void> {
  const { config, logger } = options;
  const signal = shutdownSignal(logger);
  const stops: (() => Promise<void>)[] = [];
  let address = config.temporal.address;
  if (!address) {
    const cliPath = findTemporalCli(options.env);
    if (!cliPath) throw new Error(TEMPORAL_CLI_MISSING);
    const { devServer } = config.temporal;
    logger.info({ cliPath, dbFile: devServer.dbFile }, 'starting embedded Temporal dev server');
    const server = await startDevServer({
      cliPath,
      ip: devServer.ip,
      port: devServer.port,
      uiPort: devServer.uiPort,
      dbFile: resolve(devServer.dbFile),
      namespaces: config.tenants.map((t) => t.namespace),
    });
    stops.push(server.stop);
    address = server.address;
  }
  if (options.sink) {
    const sink = await startSink({
      host: '127.0.0.1',
      port: options.sinkPort,
      secrets: sinkSecrets(config, options.sinkPort),
      status: 200,
      print: (line) => console.log(`[listen] ${line}`),
    });
    stops.push(sink.close);
  }
  try {
    await runRoles({
      config,
      roles: hasQueueSources(config) ? ['receiver', 'worker', 'pollers'] : ['receiver', 'worker'],
      address,
      logger,
      signal,
      onReceiver: (receiver) => printBanner(options, receiver.url, address),
    });
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

/** The example sink checks signatures with the secrets of the destinations that point at it. */
function sinkSecrets(config: BarrageConfig, port: number): string[] {
  return config.tenants
    .flatMap((t) => t.destinations)
    .flatMap((d) =>
      d.type === 'http' && new URL(d.url).port === String(port) && d.secret !== undefined ? [d.secret].flat() : [],
    );
}

function printBanner(options: DevOptions, apiUrl: string, address: string): void {
  const { config } = options;
  const ui =
    config.temporal.uiUrl ??
    (config.temporal.address
      ? '(external Temporal)'
      : `http://${config.temporal.devServer.ip}:${config.temporal.devServer.uiPort}`);
  const lines = [
    '',
    'Barrage dev is running',
    `  API            ${apiUrl}   (config: ${options.configPath})`,
    `  Temporal       ${address}`,
    `  Temporal Web UI ${ui}`,
    options.sink
      ? `  Example sink   http://127.0.0.1:${options.sinkPort}/hooks   (deliveries print here as [listen])`
      : '  Example sink   off',
    `  Tenants        ${config.tenants.map((t) => `${t.id} (namespace ${t.namespace})`).join(', ')}`,
    ...queueSourceLines(config),
    '  Stop with Ctrl-C.',
    '',
  ];
  console.log(lines.join('\n'));
}

function queueSourceLines(config: BarrageConfig): string[] {
  return config.tenants.flatMap((t) =>
    t.sources.flatMap((s) => {
      if (s.type === 'sqs') return [`  Polling        ${s.id}: SQS ${s.queueUrl}`];
      if (s.type === 'kafka') return [`  Polling        ${s.id}: Kafka ${s.topic} @ ${s.brokers.join(',')} (group ${s.groupId})`];
      return [];
    }),
  );
}
