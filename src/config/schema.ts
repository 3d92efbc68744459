// The one configuration schema. Every field is described; defaults are the documented ones.
// Built per environment so that "env:NAME" references resolve (and fail) at load time.
import { z } from 'zod';
import { destinationSchema } from './destinations';
import { apiId, duration, encryptionKey, id, MAX_TTL_MS, optionalSecretRef, secretRef, type Env } from '../base/fields';
import { portalSchema } from './portal';
import { sourceSchema } from './sources';
import { tenantDefaultsSchema, tenantOptions } from './tenant-settings';

export { retentionField, tenantDefaultsSchema, tenantSettingsSchema } from './tenant-settings';

const temporalTlsSchema = z
  .object({
    enabled: z.boolean().default(true).describe('false: plain connections even with apiKey (a local server or a TLS proxy)'),
    caFile: z.string().min(1).optional().describe("PEM CA that signed the server's certificate (default: the system's CAs)"),
    certFile: z.string().min(1).optional().describe('PEM client certificate, for servers that require one (mTLS)'),
    keyFile: z.string().min(1).optional().describe('PEM private key of certFile'),
    serverName: z.string().min(1).optional().describe("name to verify in the server's certificate (default: the address host)"),
  })
  .strict()
  .refine((t) => !t.certFile === !t.keyFile, { message: 'certFile and keyFile go together', path: ['certFile'] });

const tenantSchema = (env: Env) =>
  z
    .object({
      id: id('tenant id').describe('tenant name; also the default namespace'),
      namespace: z.string().min(1).optional().describe('Temporal namespace (default: the tenant id)'),
      apiKeys: z
        .array(secretRef(env))
        .min(1)
        .describe('bearer keys for every tenant route: events, destinations, the tenant’s own API keys'),
      destinations: z.array(destinationSchema(env)).default([]).describe("where this tenant's events are delivered"),
      sources: z.array(sourceSchema(env)).default([]).describe('inbound callbacks: HTTP endpoints, SQS queues, Kafka topics'),
      operatorDestination: apiId('operatorDestination')
        .optional()
        .describe('destination id that receives Barrage’s own events about this tenant (barrage.destination.disabled)'),
      defaults: tenantDefaultsSchema.optional().describe('what this tenant’s destinations have when they set nothing'),
      ...tenantOptions,
    })
    .strict()
    .transform((t) => ({ ...t, namespace: t.namespace ?? t.id }));

export const configSchema = (env: Env) =>
  z
    .object({
      server: z
        .object({
          port: z.number().int().min(0).max(65535).default(8080).describe('receiver port (0 = any free port)'),
          host: z.string().default('127.0.0.1').describe('receiver bind address'),
          maxBodyBytes: z
            .number()
            .int()
            .min(1)
            .max(1_572_864)
            .default(262_144)
            .describe('largest accepted body, measured after decompression'),
          publicUrl: z.string().optional().describe('base URL used in links (default http://host:port)'),
          headersTimeout: duration('a request whose headers take longer is answered 408 and closed', 300_000).prefault('10s'),
          requestTimeout: duration('a request (headers and body) that takes longer is answered 408 and closed', 600_000).prefault(
            '30s',
          ),
        })
        .strict()
        .refine((s) => s.headersTimeout >= 1000 && s.headersTimeout <= s.requestTimeout, {
          message: 'headersTimeout must be at least 1s and not exceed requestTimeout',
          path: ['headersTimeout'],
        })
        .prefault({})
        .describe('the HTTP receiver'),
      temporal: z
        .object({
          address: z.string().default('').describe('host:port of Temporal; empty → embedded dev server'),
          taskQueue: z.string().min(1).default('barrage').describe('task queue shared by workers and starters'),
          uiUrl: z.string().optional().describe('Temporal Web UI base URL for links'),
          namespaceRetention: duration('retention of new namespaces (also the dedupe window)').prefault('7d'),
          namespaceCacheRefresh: duration(
            "the server's system.namespaceCacheRefreshInterval: after creating a namespace or adding search attributes Barrage waits this long before using them (each Temporal service reloads namespaces on its own timer; the embedded dev server reloads every 1s)",
          ).prefault('10s'),
          manageNamespaces: z
            .boolean()
            .default(true)
            .describe(
              'register namespaces and search attributes (false: they are created outside Barrage, e.g. on Temporal Cloud)',
            ),
          tls: temporalTlsSchema
            .optional()
            .describe('TLS (and mTLS) for every connection to Temporal; on by default with apiKey'),
          apiKey: optionalSecretRef(env).describe('Temporal Cloud API key sent on every connection, or "env:NAME"'),
          recordDeliveredStatus: z
            .boolean()
            .default(false)
            .describe(
              'also write BarrageStatus="delivered" when a delivery succeeds, as before issue 16 (one more billed action per delivery); off: it closes Completed still saying "delivering"',
            ),
          devServer: z
            .object({
              port: z.number().int().min(1).max(65535).default(7233).describe('gRPC port of the embedded server'),
              uiPort: z.number().int().min(1).max(65535).default(8233).describe('Web UI port of the embedded server'),
              dbFile: z.string().default('.barrage/temporal.db').describe('SQLite file; state survives restarts'),
              ip: z.string().default('127.0.0.1').describe('address the embedded server binds'),
            })
            .strict()
            .prefault({})
            .describe('the embedded dev server (used when address is empty)'),
        })
        .strict()
        .prefault({})
        .describe('where Temporal is'),
      worker: z
        .object({
          shutdownGrace: duration(
            'on stop, attempts under way get this long to finish; past it they are cancelled and run again on a worker that is up (no attempt used)',
          ).prefault('10s'),
          maxConcurrentActivities: z
            .number()
            .int()
            .min(1)
            .max(2000)
            .default(200)
            .describe('delivery attempts in flight per namespace'),
          maxConcurrentWorkflowTasks: z
            .number()
            .int()
            .min(2)
            .max(1000)
            .default(100)
            .describe('workflow tasks processed at once per namespace (the ceiling when adaptiveWorkflowTasks is on)'),
          adaptiveWorkflowTasks: z
            .boolean()
            .default(true)
            .describe(
              "while other namespaces have work too, learn each one's workflow-task limit from Temporal's round trips (2 up to maxConcurrentWorkflowTasks), so one tenant's burst does not queue ahead of the others at the server",
            ),
          maxCachedWorkflows: z
            .number()
            .int()
            .min(0)
            .max(100_000)
            .default(500)
            .describe('workflows kept in memory between tasks; bounds worker memory'),
        })
        .strict()
        .prefault({})
        .describe('worker tuning'),
      security: z
        .object({
          allowPrivateDestinations: z.boolean().default(false).describe('SSRF guard off: allow loopback/private targets'),
          adminApiKeys: z
            .array(secretRef(env))
            .default([])
            .describe('bearer keys for the admin routes (/v1/tenants…); none → those routes refuse every caller'),
          encryptionKey: encryptionKey(env)
            .optional()
            .describe('32 bytes, base64: encrypts destination secrets in the database (barrage dev makes one)'),
        })
        .strict()
        .prefault({})
        .describe('delivery safety'),
      database: z
        .object({
          url: optionalSecretRef(env).describe(
            'postgres://… for the registry; empty → barrage dev embeds PGlite, barrage start runs from this file',
          ),
          dataDir: z.string().default('.barrage/db').describe('where barrage dev keeps the embedded database'),
        })
        .strict()
        .prefault({})
        .describe('tenants, keys and destinations managed through the API'),
      stats: z
        .object({
          enabled: z
            .boolean()
            .default(true)
            .describe(
              'workers keep per-destination attempt counts and latency per minute and hour (GET …/stats); needs the database',
            ),
          flushInterval: duration(
            'how often a worker writes its counts (a killed worker loses at most this long of them)',
            60_000,
          )
            .prefault('1s')
            .refine((ms) => ms >= 100, 'must be at least 100ms'),
        })
        .strict()
        .prefault({})
        .describe('per-destination stats'),
      limits: z
        .object({
          maxTenants: z.number().int().min(1).default(1000).describe('tenants, config and API together'),
          maxDestinationsPerTenant: z.number().int().min(1).default(1000).describe('destinations of one tenant'),
          maxEventTypesPerTenant: z.number().int().min(1).default(1000).describe('event types in one tenant’s catalog'),
          replayPerSecond: z
            .number()
            .int()
            .min(1)
            .max(1000)
            .default(50)
            .describe('deliveries a bulk replay sends again per second at most (POST /v1/replays)'),
          maxScheduleAhead: duration('how far ahead an event’s deliverAt may be', MAX_TTL_MS).prefault('30d'),
        })
        .strict()
        .prefault({})
        .describe('bounds on what the management API creates, and on scheduled delivery'),
      telemetry: z
        .object({
          serviceName: z.string().min(1).optional().describe('OTEL_SERVICE_NAME when that is not set (default barrage-<role>)'),
          otlpEndpoint: z
            .string()
            .optional()
            .describe('OTEL_EXPORTER_OTLP_ENDPOINT when that is not set; neither set → no traces are exported'),
          metricsPort: z
            .number()
            .int()
            .min(0)
            .max(65535)
            .default(0)
            .describe(
              'GET /metrics for worker and pollers roles without a receiver (0 = off; the receiver serves it on its port)',
            ),
          metricsHost: z.string().default('127.0.0.1').describe('address the metrics port binds'),
        })
        .strict()
        .prefault({})
        .describe('traces (OpenTelemetry) and metrics (Prometheus)'),
      log: z
        .object({
          level: z
            .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
            .default('info')
            .describe('JSON log level'),
        })
        .strict()
        .prefault({})
        .describe('logging'),
      portal: portalSchema,
      tenants: z.array(tenantSchema(env)).default([]).describe('one Temporal namespace each; read-only through the API'),
    })
    .strict()
    .superRefine(checkReferences);

type Parsed = {
  tenants: {
    id: string;
    namespace: string;
    apiKeys: string[];
    destinations: { id: string; deadLetter?: string }[];
    sources: { id: string }[];
  }[];
};

/** Cross-field rules zod cannot express per field: uniqueness and dead-letter references. */
function checkReferences(config: Parsed, ctx: z.RefinementCtx): void {
  const seen = { tenant: new Set<string>(), namespace: new Set<string>(), source: new Set<string>() };
  const unique = (set: Set<string>, value: string, path: (string | number)[], what: string) => {
    if (set.has(value)) ctx.addIssue({ code: 'custom', path, message: `duplicate ${what} "${value}"` });
    set.add(value);
  };
  // A key is a secret: its problem names where it was first used, never the key itself.
  const firstUse = new Map<string, string>();
  config.tenants.forEach((tenant, t) => {
    unique(seen.tenant, tenant.id, ['tenants', t, 'id'], 'tenant id');
    unique(seen.namespace, tenant.namespace, ['tenants', t, 'namespace'], 'namespace');
    tenant.apiKeys.forEach((key, k) => {
      const path = `tenants.${t}.apiKeys.${k}`;
      const first = firstUse.get(key);
      if (first === undefined) return void firstUse.set(key, path);
      ctx.addIssue({
        code: 'custom',
        path: ['tenants', t, 'apiKeys', k],
        message: `same API key as ${first} (keys must identify one tenant)`,
      });
    });
    tenant.sources.forEach((s, i) =>
      unique(seen.source, s.id, ['tenants', t, 'sources', i, 'id'], 'source id (source URLs are global)'),
    );
    const ids = new Set<string>();
    tenant.destinations.forEach((d, i) => unique(ids, d.id, ['tenants', t, 'destinations', i, 'id'], 'destination id'));
    tenant.destinations.forEach((d, i) => {
      const path = ['tenants', t, 'destinations', i, 'deadLetter'];
      if (d.deadLetter === undefined) return;
      if (d.deadLetter === d.id) ctx.addIssue({ code: 'custom', path, message: 'a destination cannot be its own dead letter' });
      else if (!ids.has(d.deadLetter))
        ctx.addIssue({ code: 'custom', path, message: `no destination "${d.deadLetter}" in tenant ${tenant.id}` });
    });
  });
}

export type BarrageConfig = z.output<ReturnType<typeof configSchema>>;
export type TenantConfig = BarrageConfig['tenants'][number];
export type DestinationConfig = TenantConfig['destinations'][number];
export type SourceConfig = TenantConfig['sources'][number];
export type HttpSourceConfig = Extract<SourceConfig, { type: 'http' }>;
export type SqsSourceConfig = Extract<SourceConfig, { type: 'sqs' }>;
export type KafkaSourceConfig = Extract<SourceConfig, { type: 'kafka' }>;
export type HttpDestinationConfig = Extract<DestinationConfig, { type: 'http' }>;
export type SqsDestinationConfig = Extract<DestinationConfig, { type: 'sqs' }>;
export type KafkaDestinationConfig = Extract<DestinationConfig, { type: 'kafka' }>;
export type RetryConfig = DestinationConfig['retry'];
