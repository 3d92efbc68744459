// A one-off delivery as an event like any other: a callback with one planned delivery (and maybe
// a dead letter), whose address is sealed into the plan instead of looked up in the registry.
import { ApiError, invalidRequest, issueDetails, type IssueDetail } from '../base/api-error';
import { ONE_OFF_DEAD_LETTER_ID, ONE_OFF_SOURCE, ONE_OFF_TARGET_ID, type DeliveryPlan, type Payload } from '../contracts';

const TARGET_ID = ONE_OFF_TARGET_ID;
const DEAD_LETTER_ID = ONE_OFF_DEAD_LETTER_ID;
import { deliveryPlan } from '../config/derived';
import { isRefusedUrlHost } from '../delivery/ssrf';
import type { IngestRequest } from './ingest';
import { eventIdFor, requestKey } from './ids';
import { parseSpec } from '../registry/load';
import type { LiveTenant } from '../registry/snapshot';
import type { SecretBox } from '../store/secret-box';
import { sealTarget } from '../deliveries/targets';

export { ONE_OFF_SOURCE, ONE_OFF_TARGET_ID as TARGET_ID, ONE_OFF_DEAD_LETTER_ID as DEAD_LETTER_ID };
export const DEFAULT_TYPE = 'delivery';

interface Target {
  url: string;
  headers?: Record<string, string>;
  timeout?: string | number;
}

/** The request as sent (already checked against DeliveryRequest's shape). */
export interface OneOffBody {
  id?: string;
  type?: string;
  to: Target;
  data?: unknown;
  payload?: { body: string; contentType?: string; encoding?: 'utf8' | 'base64' };
  retry?: Record<string, unknown>;
  deadLetter?: string | Target;
}

export interface OneOffContext {
  tenant: LiveTenant;
  box: SecretBox;
  allowPrivateDestinations: boolean;
  /** The Idempotency-Key header. */
  idempotencyKey?: string;
}

export function oneOffRequest(body: OneOffBody, ctx: OneOffContext): IngestRequest {
  const key = requestKey(body.id, ctx.idempotencyKey);
  const eventId = body.id ?? eventIdFor(ctx.tenant.id, ONE_OFF_SOURCE, key);
  const issues: IssueDetail[] = [];
  const plan = targetPlan(body.to, TARGET_ID, body.retry, eventId, ctx, issues);
  const deadLetter = body.deadLetter === undefined ? undefined : deadLetterPlan(body.deadLetter, eventId, ctx, issues);
  const payload = payloadOf(body);
  if (issues.length || !plan) throw invalidRequest('the delivery is not valid', issues);
  return {
    tenant: ctx.tenant,
    source: ONE_OFF_SOURCE,
    eventType: body.type ?? DEFAULT_TYPE,
    eventId,
    ...(key !== undefined ? { idempotencyKey: key } : {}),
    payload,
    destinations: [{ ...plan, ...(deadLetter ? { deadLetter } : {}) }],
  };
}

/** A target checked by the http destination schema (and the SSRF rule), sealed into a plan. */
function targetPlan(
  target: Target,
  id: string,
  retry: Record<string, unknown> | undefined,
  eventId: string,
  ctx: OneOffContext,
  issues: IssueDetail[],
): DeliveryPlan | undefined {
  const at = id === TARGET_ID ? 'to' : 'deadLetter';
  const spec = { type: 'http', url: target.url, headers: target.headers ?? {}, timeout: target.timeout, retry };
  const parsed = parseSpec(id, Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined)));
  if (!parsed.success) {
    for (const issue of issueDetails(parsed.error))
      issues.push({ ...issue, path: issue.path.startsWith('retry') ? issue.path : `${at}.${issue.path}` });
    return undefined;
  }
  const config = parsed.data;
  if (config.type !== 'http') return undefined;
  if (!ctx.allowPrivateDestinations && isRefusedUrlHost(new URL(config.url).hostname))
    throw new ApiError(400, 'destination_not_allowed', 'the URL points at a loopback, private or internal address', [
      { path: `${at}.url`, message: 'refused while security.allowPrivateDestinations is false' },
    ]);
  // Its own retry and timeout only: a tenant's rate limit and ttl belong to its destinations.
  const { retry: planRetry, timeoutMs } = deliveryPlan(config);
  const sealed = sealTarget(ctx.box, config, [ctx.tenant.id, eventId, id]);
  return { destinationId: id, retry: planRetry, timeoutMs, target: sealed };
}

function deadLetterPlan(deadLetter: string | Target, eventId: string, ctx: OneOffContext, issues: IssueDetail[]) {
  if (typeof deadLetter === 'object') return targetPlan(deadLetter, DEAD_LETTER_ID, undefined, eventId, ctx, issues);
  const entry = ctx.tenant.entries.get(deadLetter);
  if (!entry) {
    issues.push({ path: 'deadLetter', message: `no destination "${deadLetter}"` });
    return undefined;
  }
  const { deadLetter: _own, ...plan } = deliveryPlan(entry.config, ctx.tenant);
  return plan;
}

function payloadOf(body: OneOffBody): Payload {
  if (!body.payload) return { contentType: 'application/json', body: JSON.stringify(body.data), encoding: 'utf8' };
  const { body: text, encoding = 'utf8' } = body.payload;
  const contentType = body.payload.contentType ?? (encoding === 'base64' ? 'application/octet-stream' : 'text/plain');
  return { contentType, body: text, encoding };
}
