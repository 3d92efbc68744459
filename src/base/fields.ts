// Field builders shared by the source and destination schemas: ids, durations, secrets,
// JSON paths, and the queue connection settings.
import { z } from 'zod';
import { isValidSecret } from './webhook-secret';
import { parseDuration } from './duration';

export type Env = Record<string, string | undefined>;

const ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;
export const id = (what: string) =>
  z.string().regex(ID, `${what} must be lowercase letters, digits, "-" or "_" (max 63, starting with a letter or digit)`);

const API_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Ids clients choose (event and destination ids): up to 128 of letters, digits and . _ : - */
export const apiId = (what: string) => z.string().regex(API_ID, `${what} must be 1–128 characters of A–Z a–z 0–9 . _ : -`);

/**
 * parseDuration's grammar, stated for JSON Schema readers (the API document); parseDuration
 * itself is what checks it, with the message below.
 */
const DURATION_PATTERN = '^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h|d)?\\s*$';

export const duration = (description: string, max?: number, positive = false) =>
  z
    .union([
      z.string().meta({ pattern: DURATION_PATTERN }),
      z
        .number()
        .meta({ minimum: 0, ...(positive ? { exclusiveMinimum: true } : {}), ...(max !== undefined ? { maximum: max } : {}) }),
    ])
    .describe(description)
    .transform((value, ctx) => {
      const ms = parseDuration(value);
      if (ms === undefined) ctx.addIssue({ code: 'custom', message: `"${value}" is not a duration like 500ms, 10s, 5m, 1h, 7d` });
      else if (max !== undefined && ms > max) ctx.addIssue({ code: 'custom', message: `must be at most ${max} ms` });
      else if (positive && ms === 0) ctx.addIssue({ code: 'custom', message: 'must be more than 0' });
      return ms ?? 0;
    });

/** Longest ttl an event or destination may have. */
export const MAX_TTL_MS = 365 * 86_400_000;

/** An optional time to live: a duration above zero, at most a year. */
export const positiveDuration = (description: string) => duration(description, MAX_TTL_MS, true).optional();

/** A secret value: plain text, or "env:NAME" to read the environment variable NAME. */
export const secretRef = (env: Env) =>
  z
    .string()
    .min(1)
    .describe('a value, or "env:NAME" to read it from the environment')
    .transform((value, ctx) => resolveRef(value, env, ctx));

/** The same, where empty means "not set". */
export const optionalSecretRef = (env: Env) =>
  z
    .string()
    .default('')
    .transform((value, ctx) => (value === '' ? '' : resolveRef(value, env, ctx)));

function resolveRef(value: string, env: Env, ctx: z.RefinementCtx): string {
  if (!value.startsWith('env:')) return value;
  const name = value.slice(4);
  const resolved = env[name];
  if (!resolved) ctx.addIssue({ code: 'custom', message: `environment variable ${name} is not set` });
  return resolved ?? '';
}

/** An AES-256 key: 32 random bytes, base64 (or base64url). */
export const encryptionKey = (env: Env) =>
  secretRef(env).refine(
    (value) => Buffer.from(value, 'base64').length === 32,
    'must be 32 bytes, base64 (make one with: openssl rand -base64 32)',
  );

export const webhookSecret = (env: Env) =>
  secretRef(env).refine(isValidSecret, 'must be a Standard Webhooks secret: "whsec_" + base64 of at least 16 bytes');

export const retrySchema = z
  .object({
    initialInterval: duration('wait before the 2nd attempt').prefault('5s'),
    backoffCoefficient: z.number().min(1).max(10).default(2).describe('each wait is this many times the previous'),
    maximumInterval: duration('longest wait between attempts; also caps Retry-After').prefault('1h'),
    maximumAttempts: z.number().int().min(1).max(100).default(10).describe('attempts before the delivery fails'),
    jitter: z.number().min(0).max(1).default(0.2).describe('random spread of each wait, ±fraction'),
    horizon: duration('no attempt starts later than this after the first').optional(),
  })
  .strict();

export const jsonPath = z
  .string()
  .regex(/^\$(\.[A-Za-z0-9_-]+)+$/, 'use a dotted path like $.type or $.data.id')
  .describe('dotted path into a JSON body, like $.data.id');
export const fixed = z.string().min(1).describe('a constant');

/** Where SQS is and how to sign requests; credentials default to the AWS SDK's usual chain. */
export const sqsConnection = (env: Env) => ({
  queueUrl: z
    .url({ protocol: /^https?$/, error: 'must be an SQS queue URL' })
    .meta({ pattern: '^https?://' })
    .describe('the queue URL'),
  region: z.string().min(1).default('us-east-1').describe('AWS region'),
  endpoint: z
    .url({ protocol: /^https?$/ })
    .meta({ pattern: '^https?://' })
    .optional()
    .describe('SQS endpoint (default: the queue URL’s origin for non-AWS hosts, else the regional endpoint)'),
  accessKeyId: secretRef(env).optional().describe('explicit credentials (default: AWS environment/profile/role)'),
  secretAccessKey: secretRef(env).optional().describe('explicit credentials, with accessKeyId'),
});

/** Kafka bootstrap servers plus any librdkafka property (TLS, SASL…); values accept "env:NAME". */
export const kafkaConnection = (env: Env) => ({
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

export const bothOrNeitherKey = (s: { accessKeyId?: string; secretAccessKey?: string }) =>
  (s.accessKeyId === undefined) === (s.secretAccessKey === undefined);
export const KEYS_TOGETHER = { message: 'set accessKeyId and secretAccessKey together', path: ['secretAccessKey'] };

/** `type` may be left out for http, the original kind. */
export const defaultType = (value: unknown) =>
  value !== null && typeof value === 'object' && !('type' in value) ? { ...value, type: 'http' } : value;

/**
 * Any JSON value. One instance everywhere (event data, destination filters), so the OpenAPI
 * document names its recursion once (components.JsonValue).
 */
export const jsonValueSchema = z.json();
