// Inbound third-party callbacks (POST /v1/sources/{id}): verification and field extraction,
// as pure functions of the raw request so they are testable without a server.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { HttpSourceConfig } from './config';
import { readJsonString, valueAtJsonPath } from '../../delivery/json-path';
import { verify as verifyStandard } from '../../delivery/signature';

export interface RawRequest {
  body: Buffer;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, unknown>;
}

export type VerifyOutcome = { ok: true } | { ok: false; reason: string };

function header(req: RawRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function verifySource(source: HttpSourceConfig, req: RawRequest, nowMs: number): VerifyOutcome {
  const check = source.verify;
  if (!check) {
    const token = typeof req.query.token === 'string' ? req.query.token : undefined;
    if (!token) return { ok: false, reason: 'missing ?token= (this source has no signature check)' };
    return source.token !== undefined && safeEqual(source.token, token) ? { ok: true } : { ok: false, reason: 'wrong token' };
  }
  if (check.type === 'hmac-sha256') {
    const offered = header(req, check.header);
    if (!offered) return { ok: false, reason: `missing ${check.header} header` };
    const expected = createHmac('sha256', check.secret).update(req.body).digest(check.encoding);
    return safeEqual(offered.trim(), expected) ? { ok: true } : { ok: false, reason: 'signature mismatch' };
  }
  const id = header(req, 'webhook-id');
  const timestamp = Number(header(req, 'webhook-timestamp'));
  const signature = header(req, 'webhook-signature');
  if (!id || !Number.isFinite(timestamp) || !signature) {
    return { ok: false, reason: 'missing webhook-id, webhook-timestamp or webhook-signature' };
  }
  return verifyStandard([check.secret].flat(), {
    id,
    timestampSeconds: timestamp,
    body: req.body,
    signatureHeader: signature,
    nowSeconds: Math.floor(nowMs / 1000),
  });
}

type Extractor = { header: string } | { jsonPath: string } | { fixed: string };

export function extractEventType(extractor: Extractor, req: RawRequest, json: () => unknown): string | undefined {
  if ('fixed' in extractor) return extractor.fixed;
  if ('header' in extractor) return header(req, extractor.header)?.trim() || undefined;
  return readJsonString(json(), extractor.jsonPath);
}

/** absent: no key, every call is a new event. invalid: the place exists but holds no usable key. */
export type KeyOutcome = { kind: 'absent' } | { kind: 'key'; key: string } | { kind: 'invalid'; reason: string };

/** A key that is there but blank (or an object) is refused, never silently dropped. */
export function extractKey(
  extractor: { header: string } | { jsonPath: string },
  req: RawRequest,
  json: () => unknown,
): KeyOutcome {
  if ('header' in extractor) {
    const value = header(req, extractor.header);
    if (value === undefined) return { kind: 'absent' };
    return value.trim() ? { kind: 'key', key: value.trim() } : { kind: 'invalid', reason: `header ${extractor.header} is blank` };
  }
  const value = valueAtJsonPath(json(), extractor.jsonPath);
  if (value === undefined) return { kind: 'absent' };
  if ((typeof value === 'string' && value !== '') || Number.isSafeInteger(value)) return { kind: 'key', key: String(value) };
  return { kind: 'invalid', reason: `${extractor.jsonPath} must be a non-empty string or an integer` };
}
