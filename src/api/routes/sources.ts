// POST /v1/sources/{id}: a third party's raw callback, verified as its source says, kept byte-for-byte.
import { ApiError } from '../../base/api-error';
import type { HttpSourceConfig } from '../../config';
import { KEY_RULE } from '../../base/validation';
import { extractEventType, extractKey, verifySource, type RawRequest } from '../../sources/http/inbound';
import { lazyJson, payloadFromBytes } from '../../sources/payload';
import { answerIngest } from '../accept';
import { route } from '../route';
import { sourceParams } from '../schemas/events';
import { sourceSteering } from '../../ingest/ingest';

export const sourceRoutes = [
  route({
    method: 'post',
    path: '/v1/sources/{sourceId}',
    operationId: 'receiveSourceCallback',
    summary: 'A raw inbound callback, verified as the source is configured',
    auth: 'source',
    temporal: true,
    params: sourceParams,
    body: { kind: 'raw', description: 'any content type; delivered byte-for-byte with it' },
    answers: {
      202: { description: 'accepted', body: 'Accepted' },
      200: { description: 'duplicate', body: 'Accepted' },
      400: {
        description:
          'no valid event type, or an invalid idempotency key; data that misses its event type’s schema (schema_mismatch, details by JSON pointer); a type not in the catalog with requireKnownEventTypes (unknown_event_type)',
        codes: ['invalid_request', 'schema_mismatch', 'unknown_event_type'],
      },
      401: { description: 'signature or token did not verify', codes: ['invalid_signature'] },
      404: { description: 'unknown source', codes: ['not_found'] },
      409: { description: 'the derived id collides with a delivery of an event accepted before an upgrade', codes: ['conflict'] },
      413: { description: 'too large for Temporal with its number of destinations', codes: ['payload_too_large'] },
    },
    async handle({ ctx, source: found, body, req }) {
      const { tenant, source } = found;
      const request: RawRequest = { body, headers: req.headers, query: req.query };
      const verified = verifySource(source, request, ctx.now());
      if (!verified.ok) throw new ApiError(401, 'invalid_signature', `callback not verified: ${verified.reason}`);
      const json = lazyJson(request.body);
      const outcome = await ctx.ingest({
        tenant,
        source: source.id,
        eventType: extractEventType(source.eventType, request, json),
        idempotencyKey: idempotencyKeyOf(source.idempotencyKey, request, json),
        payload: payloadFromBytes(request.body, req.get('content-type')),
        ...sourceSteering(source),
      });
      return answerIngest(ctx, { tenant, outcome, hints: { eventType: describe(source.eventType), idempotencyKey: KEY_RULE } });
    },
  }),
];

function describe(extractor: { header: string } | { jsonPath: string } | { fixed: string }): string {
  if ('header' in extractor) return `expected in header ${extractor.header} (letters, digits, . _ : -)`;
  if ('jsonPath' in extractor) return `expected a string at ${extractor.jsonPath} of a JSON body (letters, digits, . _ : -)`;
  return 'fixed event type is not a valid event type';
}

function idempotencyKeyOf(
  extractor: HttpSourceConfig['idempotencyKey'],
  request: RawRequest,
  json: () => unknown,
): string | undefined {
  if (!extractor) return undefined;
  const found = extractKey(extractor, request, json);
  if (found.kind === 'absent') return undefined;
  if (found.kind === 'key') return found.key;
  throw new ApiError(400, 'invalid_request', 'invalid idempotency key', [{ path: 'idempotencyKey', message: found.reason }]);
}
