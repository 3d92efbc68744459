import { isIP } from 'node:net';
import { request, type Dispatcher } from 'undici';
import { classifyError, classifyStatus } from '../../delivery/classify';
import { parseRetryAfter } from '../../delivery/retry-after';
import { signatureHeader } from '../../delivery/signature';
import { isPrivateAddress, SsrfBlockedError } from '../../delivery/ssrf';
import { RESPONSE_EXCERPT_BYTES, type DestinationDriver, type DriverRequest, type DriverResult } from '../driver';
import { createDeliveryAgent } from './guarded-agent';

export interface HttpDriverOptions {
  allowPrivateDestinations: boolean;
  userAgent: string;
  now?: () => number;
  dispatcher?: Dispatcher;
}

export function createHttpDriver(options: HttpDriverOptions): DestinationDriver<'http'> {
  const now = options.now ?? Date.now;
  const dispatcher = options.dispatcher ?? createDeliveryAgent(options.allowPrivateDestinations);
  return {
    type: 'http',
    async deliver(req) {
      try {
        if (!options.allowPrivateDestinations) refuseLiteralPrivateHost(req.destination.url);
        const target = withoutCredentials(req.destination.url);
        // Encoded once: the signature covers exactly the bytes that are sent.
        const body = Buffer.from(req.payload.body, req.payload.encoding);
        const headers = buildHeaders(req, body, now(), options.userAgent);
        if (target.authorization) headers.authorization = target.authorization;
        return await post(req, { url: target.url, dispatcher, headers, body, now });
      } catch (err) {
        const { outcome, reason } = classifyError(err);
        return { outcome, error: reason };
      }
    },
    async close() {
      if (!options.dispatcher) await dispatcher.close();
    },
  };
}

/** IP literals never go through DNS, so the connect-time guard cannot see them. */
function refuseLiteralPrivateHost(url: string): void {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && isPrivateAddress(host)) throw new SsrfBlockedError(host, host);
}

/** Userinfo in the URL is sent as Basic auth, as curl does; undici would silently drop it. */
export function withoutCredentials(url: string): { url: string; authorization?: string } {
  const parsed = new URL(url);
  if (!parsed.username && !parsed.password) return { url };
  const credentials = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.toString(), authorization: `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}` };
}

function buildHeaders(req: DriverRequest<'http'>, body: Buffer, nowMs: number, userAgent: string): Record<string, string> {
  const timestampSeconds = Math.floor(nowMs / 1000);
  const headers: Record<string, string> = {
    ...lowerKeys(req.destination.headers),
    'content-type': req.payload.contentType,
    'user-agent': userAgent,
    'webhook-id': req.event.eventId,
    'webhook-timestamp': String(timestampSeconds),
    'barrage-event-type': req.event.eventType,
    'barrage-attempt': String(req.attempt),
  };
  const secrets = req.destination.secret === undefined ? [] : [req.destination.secret].flat();
  if (secrets.length) {
    headers['webhook-signature'] = signatureHeader(secrets, {
      id: req.event.eventId,
      timestampSeconds,
      body,
    });
  }
  return headers;
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

interface PostContext {
  url: string;
  dispatcher: Dispatcher;
  headers: Record<string, string>;
  body: Buffer;
  now: () => number;
}

async function post(req: DriverRequest<'http'>, ctx: PostContext): Promise<DriverResult> {
  const res = await request(ctx.url, {
    method: 'POST',
    dispatcher: ctx.dispatcher,
    headers: ctx.headers,
    body: ctx.body,
    headersTimeout: req.timeoutMs,
    bodyTimeout: req.timeoutMs,
    signal: req.signal ? AbortSignal.any([AbortSignal.timeout(req.timeoutMs), req.signal]) : AbortSignal.timeout(req.timeoutMs),
  });
  const responseExcerpt = await readExcerpt(res.body);
  const { outcome, reason, honourRetryAfter } = classifyStatus(res.statusCode);
  const retryAfterHeader = res.headers['retry-after'];
  const retryAfterMs = honourRetryAfter
    ? parseRetryAfter(Array.isArray(retryAfterHeader) ? retryAfterHeader[0] : retryAfterHeader, ctx.now())
    : undefined;
  return {
    outcome,
    statusCode: res.statusCode,
    ...(reason && outcome !== 'delivered' ? { error: reason } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(responseExcerpt ? { responseExcerpt } : {}),
  };
}

/** Keeps at most RESPONSE_EXCERPT_BYTES; drains a little more so the connection can be reused. */
async function readExcerpt(body: Dispatcher.ResponseData['body']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    if (size < RESPONSE_EXCERPT_BYTES) chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8');
}
