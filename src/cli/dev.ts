// `barrage dev`: embedded Temporal dev server + worker + receiver + example sink, one command.
import type { BarrageConfig, Env } from '../config';
import { startSink } from '../sink/listen';
import { embeddedTemporal } from '../temporal/embedded';
import type { Logger } from '../telemetry/logger';
import { hasQueueSources } from '../roles/pollers';
import { openRegistry } from '../registry/open';
import type { RegistrySnapshot } from '../registry/snapshot';
import { mintSession } from '../management/portal-sessions';
import type { Registry } from '../registry/live';
import { runRoles } from './roles';
import { shutdownSignal } from './role-names';

export interface DevOptions {
  config: BarrageConfig;
  configPath: string;
  env: Env;
  logger: Logger;
  sink: boolean;
  sinkPort: number;
}

export async function runDev(input: DevOptions): Promise<void> {
  // The tenant portal is on in dev unless the config says otherwise.
  const options = {
    ...input,
    config: { ...input.config, portal: { ...input.config.portal, enabled: input.config.portal.enabled ?? true } },
  };
  const { config, logger } = options;
  const signal = shutdownSignal(logger);
  const stops: (() => Promise<void>)[] = [];
  const temporal = await embeddedTemporal(config, options.env, logger);
  if (temporal.stop) stops.push(temporal.stop);
  const { address } = temporal;
  const opened = await openRegistry(config, 'dev', logger);
  stops.push(opened.close);
  if (options.sink) {
    const sink = await startSink({
      host: '127.0.0.1',
      port: options.sinkPort,
      secrets: () => sinkSecrets(opened.registry.current(), options.sinkPort),
      status: 200,
      print: (line) => console.log(`[listen] ${line}`),
    });
    stops.push(sink.close);
  }
  try {
    await runRoles({
      config,
      registry: opened.registry,
      roles: hasQueueSources(config) ? ['receiver', 'worker', 'pollers'] : ['receiver', 'worker'],
      address,
      logger,
      signal,
      onReceiver: (receiver) =>
        portalLink(config, opened.registry, receiver.url)
          .catch((err: unknown) => logger.warn({ err }, 'minting the dev portal link failed'))
          .then((portal) => printBanner(options, receiver.url, address, opened.describe, portal)),
    });
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

/** The example sink checks signatures with the secrets of the destinations that point at it. */
function sinkSecrets(snapshot: RegistrySnapshot, port: number): string[] {
  return snapshot.tenants
    .flatMap((t) => [...t.entries.values()])
    .flatMap((e) =>
      e.config.type === 'http' && new URL(e.config.url).port === String(port) ? e.secrets.map((s) => s.secret) : [],
    );
}

/** A portal session for the first tenant, so the banner can offer a link that opens it. */
async function portalLink(config: BarrageConfig, registry: Registry, apiUrl: string): Promise<string | undefined> {
  const tenant = config.tenants[0];
  const stores = registry.stores;
  if (!config.portal.enabled || !tenant || !stores) return undefined;
  const deps = {
    store: stores.portalSessions,
    portal: config.portal,
    publicUrl: config.server.publicUrl ?? apiUrl,
    now: Date.now,
  };
  const { url } = await mintSession(deps, tenant.id, {}, 'barrage dev');
  return `${url}   (tenant ${tenant.id}; opens once, within 5 minutes: mint another with POST /v1/portal-sessions)`;
}

function printBanner(options: DevOptions, apiUrl: string, address: string, registry: string, portal: string | void): void {
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
    `  Tenants        ${config.tenants.map((t) => `${t.id} (namespace ${t.namespace})`).join(', ') || '(none in the config)'}`,
    `  Registry       ${registry}   (${adminKeys(config)})`,
    ...(portal ? [`  Tenant portal  ${portal}`] : []),
    ...queueSourceLines(config),
    '  Stop with Ctrl-C.',
    '',
  ];
  console.log(lines.join('\n'));
}

function adminKeys(config: BarrageConfig): string {
  const n = config.security.adminApiKeys.length;
  return n ? `${n} admin key${n > 1 ? 's' : ''} for /v1/tenants` : 'no admin key: set security.adminApiKeys to manage tenants';
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
