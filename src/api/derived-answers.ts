// The answers a route gives because of what it is, not what it does: every route can meet the
// HTTP server's own limits, a keyed route can meet a bad key, a route with a body a bad body.
// The OpenAPI document lists them beside the route's own answers, so none is restated by hand.
import type { Answer, Route } from './route';

/** What the HTTP server itself may answer to any request, before a route sees it. */
const TRANSPORT: Record<number, Answer> = {
  408: { description: 'request not received within server.headersTimeout / requestTimeout', codes: ['request_timeout'] },
  417: { description: 'an Expect header other than 100-continue', codes: ['expectation_failed'] },
  431: { description: 'request line and headers over 16 KiB', codes: ['headers_too_large'] },
};

const BAD_KEY: Answer = { description: 'missing, unknown or revoked key', codes: ['unauthorized'] };
const WRONG_KIND: Answer = {
  description: 'the wrong kind of key (a tenant key on an admin route, or the reverse)',
  codes: ['forbidden'],
};

function authAnswers(route: Route): Record<number, Answer> {
  switch (route.auth) {
    case 'tenant':
    case 'admin':
      return { 401: BAD_KEY, 403: WRONG_KIND };
    case 'adminOrTenant':
      return { 401: BAD_KEY };
    default:
      return {};
  }
}

function inputAnswers(route: Route): Record<number, Answer>[] {
  const answers: Record<number, Answer>[] = [];
  if (route.params) answers.push({ 400: { description: 'malformed percent-encoding in the path', codes: ['invalid_request'] } });
  if (route.query) answers.push({ 400: { description: 'an invalid query parameter', codes: ['invalid_request'] } });
  const { body } = route;
  if (body?.kind === 'json') {
    answers.push({
      400: {
        description: 'invalid JSON, nesting over 64 levels, a body that does not match the schema or its Content-Encoding',
        codes: ['invalid_json', 'invalid_request', 'invalid_encoding'],
      },
      415: {
        description:
          body.contentType === 'any'
            ? 'an unsupported charset or Content-Encoding (gzip, deflate, br are supported)'
            : 'not Content-Type: application/json, or an unsupported charset or Content-Encoding (gzip, deflate, br)',
        codes: ['unsupported_media_type'],
      },
    });
  }
  if (body?.kind === 'raw') {
    answers.push({
      400: { description: 'a body that does not match its Content-Encoding', codes: ['invalid_encoding'] },
      415: {
        description: 'an unsupported Content-Encoding (gzip, deflate, br are supported)',
        codes: ['unsupported_media_type'],
      },
    });
  }
  if (body) {
    answers.push({
      413: { description: 'body (declared or decompressed) over server.maxBodyBytes', codes: ['payload_too_large'] },
    });
  } else if (route.method === 'post' || route.method === 'patch') {
    const description = 'a declared body over server.maxBodyBytes (Expect: 100-continue); this route reads none';
    answers.push({ 413: { description, codes: ['payload_too_large'] } });
  }
  return answers;
}

/** Every answer of a route: its own, then what it is, merged status by status. */
export function allAnswers(route: Route): Record<number, Answer> {
  const parts: Record<number, Answer>[] = [route.answers, authAnswers(route), ...inputAnswers(route)];
  if (route.database) parts.push({ 501: { description: 'no database: set database.url', codes: ['database_required'] } });
  if (route.temporal) {
    const description = 'Temporal unreachable or too slow; nothing changed, retry (Retry-After)';
    parts.push({ 503: { description, codes: ['temporal_unavailable'] } });
  }
  parts.push(TRANSPORT);
  const merged: Record<number, Answer> = {};
  for (const part of parts) {
    for (const [status, answer] of Object.entries(part)) merged[Number(status)] = merge(merged[Number(status)], answer);
  }
  return merged;
}

function merge(a: Answer | undefined, b: Answer): Answer {
  if (!a) return b;
  const codes = [...new Set([...(a.codes ?? []), ...(b.codes ?? [])])];
  return { ...a, description: `${a.description}; or ${b.description}`, ...(codes.length ? { codes } : {}) };
}
