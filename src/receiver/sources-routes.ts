import { Router } from 'express';
import { findHttpSource, type HttpSourceConfig } from '../config';
import { extractEventType, extractKey, verifySource, type RawRequest } from '../sources/http/inbound';
import { lazyJson, payloadFromBytes } from '../sources/payload';
import { rawBody } from './bodies';
import { KEY_RULE } from '../ingest/validation';
import { answerIngest } from './accept';
import type { ReceiverContext } from './context';
import { ApiError, notFound } from './errors';

/** POST /v1/sources/{id}: a third party's raw callback, verified as its source says, kept byte-for-byte. */
export function sourcesRouter(ctx: ReceiverContext): Router {
  const router = Router();
  const raw = rawBody(ctx.config.server.maxBodyBytes, ctx.logger);

  router.post(
    '/v1/sources/:sourceId',
    (req, _res, next) => {
      // Unknown sources are refused before their body is read.
      if (!findHttpSource(ctx.config, String(req.params.sourceId))) return next(notFound('source'));
      next();
    },
    ...raw,
    async (req, res) => {
      const { tenant, source } = findHttpSource(ctx.config, String(req.params.sourceId))!;
      const request: RawRequest = {
        body: req.body as Buffer,
        headers: req.headers,
        query: req.query,
      };
      const verified = verifySource(source, request, ctx.now());
      if (!verified.ok) throw new ApiError(401, 'invalid_signature', `callback not verified: ${verified.reason}`);
      const json = lazyJson(request.body);
      const outcome = await ctx.ingest({
        tenant,
        source: source.id,
        eventType: extractEventType(source.eventType, request, json),
        idempotencyKey: idempotencyKeyOf(source.idempotencyKey, request, json),
        payload: payloadFromBytes(request.body, req.get('content-type')),
      });
      answerIngest(ctx, res, { tenant, outcome, hints: { eventType: describe(source.eventType), idempotencyKey: KEY_RULE } });
    },
  );
  return router;
}

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
