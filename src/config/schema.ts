// The one configuration schema. Every field is described; defaults are the documented ones.
// Built per environment so that "env:NAME" references resolve (and fail) at load time.
import { z } from 'zod';
import { isValidSecret } from '../delivery/signature';
import { parseDuration } from './duration';

type Env = Record<string, string | undefined>;

const ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const id = (what: string) =>
  z.string().regex(ID, `${what} must be lowercase letters, digits, "-" or "_" (max 63, starting with a letter or digit)`);

const duration = (description: string, max?: number) =>
  z
    .union([z.string(), z.number()])
    .describe(description)
    .transform((value, ctx) => {
      const ms = parseDuration(value);
      if (ms === undefined) ctx.addIssue({ code: 'custom', message: `"${value}" is not a duration like 500ms, 10s, 5m, 1h, 7d` });
      else if (max !== undefined && ms > max) ctx.addIssue({ code: 'custom', message: `must be at most ${max} ms` });
      return ms ?? 0;
    });

/** A secret value: plain text, or "env:NAME" to read the environment variable NAME. */
const secretRef = (env: Env) =>
  z
    .string()
    .min(1)
    .describe('a value, or "env:NAME" to read it from the environment')
    .transform((value, ctx) => {
      if (!value.startsWith('env:')) return value;
      const name = value.slice(4);
      const resolved = env[name];
      if (!resolved) ctx.addIssue({ code: 'custom', message: `environment variable ${name} is not set` });
      return resolved ?? '';
    });

const webhookSecret = (env: Env) =>
  secretRef(env).refine(isValidSecret, 'must be a Standard Webhooks secret: "whsec_" + base64 of at least 16 bytes');

const retrySchema = z
  .object({
    initialInterval: duration('wait before the 2nd attempt').prefault('5s'),
    backoffCoefficient: z.number().min(1).max(10).default(2).describe('each wait is this many times the previous'),
    maximumInterval: duration('longest wait between attempts; also caps Retry-After').prefault('1h'),
    maximumAttempts: z.number().int().min(1).max(100).default(10).describe('attempts before the delivery fails'),
    jitter: z.number().min(0).max(1).default(0.2).describe('random spread of each wait, ±fraction'),
    horizon: duration('no attempt starts later than this after the first').optional(),
  })
  .strict();

// Fields every destination kind shares: routing, timeout, retry and dead letter.
const deliveryFields = {
  id: id('destination id').describe('unique within the tenant; used in workflow IDs'),
  events: z.array(z.string().min(1)).min(1).default(['*']).describe('event types: exact, "prefix.*", or "*"'),
  timeout: duration('per-attempt timeout (max 2m)', 120_000).prefault('10s'),
  retry: retrySchema.prefault({}).describe('backoff between attempts'),
  deadLetter: id('deadLetter').optional().describe('destination id that receives events this one failed'),
};

const jsonPath = z
  .string()
  .regex(/^\$(\.[A-Za-z0-9_-]+)+$/, 'use a dotted path like $.type or $.data.id')
  .describe('dotted path into a JSON body, like $.data.id');
const fixed = z.string().min(1).describe('a constant');

/** Where SQS is and how to sign requests; credentials default to the AWS SDK's usual chain. */
const sqsConnection = (env: Env) => ({
  queueUrl: z.url({ protocol: /^https?$/, error: 'must be an SQS queue URL' }).describe('the queue URL'),
  region: z.string().min(1).default('us-east-1').describe('AWS region'),
  endpoint: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe('SQS endpoint (default: the queue URL’s origin for non-AWS hosts, else the regional endpoint)'),
  accessKeyId: secretRef(env).optional().describe('explicit credentials (default: AWS environment/profile/role)'),
  secretAccessKey: secretRef(env).optional().describe('explicit credentials, with accessKeyId'),
});

/** Kafka bootstrap servers plus any librdkafka property (TLS, SASL…); values accept "env:NAME". */
const kafkaConnection = (env: Env) => ({
  brokers: z
    .array(z.string().regex(/^[^\s:]+:\d{1,5}$/, 'use host:port'))
    .min(1)
    .describe('bootstrap servers, host:port'),
  clientId: z.string().min(1).default('barrage').describe('client.id shown in broker logs and quotas'),
  librdkafka: z
    .record(z.string(), z.union([secretRef(env), z.number(), z.boolean()]))
    .default({})
    .describe('extra librdkafka properties, e.g. security.protocol, sasl.mechanisms, sasl.username'),
});

const bothOrNeitherKey = (s: { accessKeyId?: string; secretAccessKey?: string }) =>
  (s.accessKeyId === undefined) === (s.secretAccessKey === undefined);
const KEYS_TOGETHER = { message: 'set accessKeyId and secretAccessKey together', path: ['secretAccessKey'] };

const httpDestination = (env: Env) =>
  z
    .object({
      ...deliveryFields,
      type: z.literal('http').describe('destination kind: http (default), sqs or kafka'),
      url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).describe('where deliveries are POSTed'),
      secret: z
        .union([webhookSecret(env), z.array(webhookSecret(env)).min(1)])
        .optional()
        .describe('Standard Webhooks signing secret; a list signs with each while rotating'),
      headers: z.record(z.string(), z.string()).default({}).describe('extra request headers'),
    })
    .strict();

const sqsDestination = (env: Env) =>
  z
    .object({
      ...deliveryFields,
      type: z.literal('sqs'),
      ...sqsConnection(env),
      messageGroupId: z
        .union([z.object({ jsonPath }).strict(), z.object({ fixed }).strict(), z.object({ eventType: z.literal(true) }).strict()])
        .optional()
        .describe('FIFO queues: where MessageGroupId comes from (required for .fifo queue URLs)'),
    })
    .strict()
    .refine(bothOrNeitherKey, KEYS_TOGETHER)
    .refine((d) => !d.queueUrl.endsWith('.fifo') || d.messageGroupId !== undefined, {
      message: 'a FIFO queue (.fifo) needs messageGroupId: { jsonPath } | { fixed } | { eventType: true }',
      path: ['messageGroupId'],
    });

const kafkaDestination = (env: Env) =>
  z
    .object({
      ...deliveryFields,
      type: z.literal('kafka'),
      ...kafkaConnection(env),
      topic: z.string().min(1).describe('topic to produce to (must exist)'),
      key: z
        .union([
          z.object({ eventId: z.literal(true) }).strict(),
          z.object({ jsonPath }).strict(),
          z.object({ fixed }).strict(),
          z.object({ idempotencyKey: z.literal(true) }).strict(),
        ])
        .default({ eventId: true })
        .describe('message key (partitioning): the event id by default'),
    })
    .strict();

/** `type` may be left out for http, the original kind. */
const defaultType = (value: unknown) =>
  value !== null && typeof value === 'object' && !('type' in value) ? { ...value, type: 'http' } : value;

const destinationSchema = (env: Env) =>
  z.preprocess(
    defaultType,
    z.discriminatedUnion('type', [httpDestination(env), sqsDestination(env), kafkaDestination(env)], {
      error: 'type must be http, sqs or kafka',
    }),
  );

const extractor = z.union([z.object({ header: z.string().min(1) }).strict(), z.object({ jsonPath }).strict()]);

const contentType = z.string().min(1).default('application/json').describe('content type the payload is delivered with');

const httpSource = (env: Env) =>
  z
    .object({
      id: id('source id').describe('globally unique: the URL is POST /v1/sources/{id}'),
      type: z.literal('http').describe('source kind: http (default), sqs or kafka'),
      eventType: z.union([extractor, z.object({ fixed }).strict()]).describe('where the event type comes from'),
      idempotencyKey: extractor.optional().describe('where the dedupe key comes from; none → every call is new'),
      verify: z
        .discriminatedUnion('type', [
          z
            .object({
              type: z.literal('hmac-sha256'),
              header: z.string().min(1),
              secret: secretRef(env),
              encoding: z.enum(['base64', 'hex']).default('base64').describe('how the header encodes the HMAC'),
            })
            .strict(),
          z
            .object({ type: z.literal('standard-webhooks'), secret: z.union([webhookSecret(env), z.array(webhookSecret(env))]) })
            .strict(),
        ])
        .optional()
        .describe('signature check; omitted → the URL must carry ?token=<token>'),
      token: secretRef(env).optional().describe('the ?token= value an unsigned source must carry (required without verify)'),
    })
    .strict()
    // A tenant API key in a third party's URL would hand it full access: unsigned sources get
    // a token of their own.
    .refine((s) => s.verify !== undefined || s.token !== undefined, {
      message: 'a source without verify needs its own token (it is checked as ?token= on the source URL)',
      path: ['token'],
    });

const sqsSource = (env: Env) =>
  z
    .object({
      id: id('source id').describe('globally unique; recorded as the callback source'),
      type: z.literal('sqs'),
      ...sqsConnection(env),
      eventType: z
        .union([
          z.object({ attribute: z.string().min(1) }).strict(),
          z.object({ jsonPath }).strict(),
          z.object({ fixed }).strict(),
        ])
        .describe('where the event type comes from: a message attribute, the JSON body, or a constant'),
      idempotencyKey: z
        .union([
          z.object({ messageId: z.literal(true) }).strict(),
          z.object({ attribute: z.string().min(1) }).strict(),
          z.object({ jsonPath }).strict(),
        ])
        .default({ messageId: true })
        .describe('dedupe key: the SQS message id (default), a message attribute, or a body field'),
      contentType,
      waitTimeSeconds: z.number().int().min(0).max(20).default(20).describe('long-poll wait per receive'),
      maxMessages: z.number().int().min(1).max(10).default(10).describe('messages per receive'),
      visibilityTimeout: z
        .number()
        .int()
        .min(1)
        .max(43_200)
        .optional()
        .describe('seconds a received message stays hidden (default: the queue’s setting)'),
    })
    .strict()
    .refine(bothOrNeitherKey, KEYS_TOGETHER);

const kafkaSource = (env: Env) =>
  z
    .object({
      id: id('source id').describe('globally unique; recorded as the callback source'),
      type: z.literal('kafka'),
      ...kafkaConnection(env),
      topic: z.string().min(1).describe('topic to consume'),
      groupId: z.string().min(1).optional().describe('consumer group (default: barrage-<source id>)'),
      eventType: z
        .union([z.object({ header: z.string().min(1) }).strict(), z.object({ jsonPath }).strict(), z.object({ fixed }).strict()])
        .describe('where the event type comes from: a record header, the JSON value, or a constant'),
      idempotencyKey: z
        .union([
          z.object({ offset: z.literal(true) }).strict(),
          z.object({ header: z.string().min(1) }).strict(),
          z.object({ key: z.literal(true) }).strict(),
        ])
        .default({ offset: true })
        .describe('dedupe key: topic/partition/offset (default), a record header, or the record key'),
      contentType,
      deadLetterTopic: z
        .string()
        .min(1)
        .optional()
        .describe('where records that can never be accepted go, with the error as a header (default: <topic>.dead-letter)'),
      fromBeginning: z.boolean().default(true).describe('a new consumer group starts at the earliest offset'),
    })
    .strict()
    .transform((s) => ({
      ...s,
      groupId: s.groupId ?? `barrage-${s.id}`,
      deadLetterTopic: s.deadLetterTopic ?? `${s.topic}.dead-letter`,
    }));

const sourceSchema = (env: Env) =>
  z.preprocess(
    defaultType,
    z.discriminatedUnion('type', [httpSource(env), sqsSource(env), kafkaSource(env)], {
      error: 'type must be http, sqs or kafka',
    }),
  );

const tenantSchema = (env: Env) =>
  z
    .object({
      id: id('tenant id').describe('tenant name; also the default namespace'),
      namespace: z.string().min(1).optional().describe('Temporal namespace (default: the tenant id)'),
      apiKeys: z.array(secretRef(env)).min(1).describe('bearer keys for POST /v1/events'),
      destinations: z.array(destinationSchema(env)).default([]).describe("where this tenant's events are delivered"),
      sources: z.array(sourceSchema(env)).default([]).describe('inbound callbacks: HTTP endpoints, SQS queues, Kafka topics'),
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
          maxBodyBytes: z.number().int().min(1).max(1_572_864).default(262_144).describe('largest accepted body'),
          publicUrl: z.string().optional().describe('base URL used in links (default http://host:port)'),
        })
        .strict()
        .prefault({})
        .describe('the HTTP receiver'),
      temporal: z
        .object({
          address: z.string().default('').describe('host:port of Temporal; empty → embedded dev server'),
          taskQueue: z.string().min(1).default('barrage').describe('task queue shared by workers and starters'),
          uiUrl: z.string().optional().describe('Temporal Web UI base URL for links'),
          namespaceRetention: duration('retention of new namespaces (also the dedupe window)').prefault('7d'),
          manageNamespaces: z.boolean().default(true).describe('register namespaces and search attributes at start-up'),
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
            .describe('workflow tasks processed at once per namespace'),
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
        })
        .strict()
        .prefault({})
        .describe('delivery safety'),
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
      tenants: z.array(tenantSchema(env)).min(1).describe('one Temporal namespace each'),
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
  const seen = { tenant: new Set<string>(), namespace: new Set<string>(), apiKey: new Set<string>(), source: new Set<string>() };
  const unique = (set: Set<string>, value: string, path: (string | number)[], what: string) => {
    if (set.has(value)) ctx.addIssue({ code: 'custom', path, message: `duplicate ${what} "${value}"` });
    set.add(value);
  };
  config.tenants.forEach((tenant, t) => {
    unique(seen.tenant, tenant.id, ['tenants', t, 'id'], 'tenant id');
    unique(seen.namespace, tenant.namespace, ['tenants', t, 'namespace'], 'namespace');
    tenant.apiKeys.forEach((key, k) =>
      unique(seen.apiKey, key, ['tenants', t, 'apiKeys', k], 'API key (keys must identify one tenant)'),
    );
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
