// Every error a request meets becomes an ApiError (../base/api-error) and one JSON answer.
import type { ErrorRequestHandler, Request, Response } from 'express';
import { ApiError } from '../base/api-error';
import { isTemporalUnavailable } from '../base/grpc';
import type { Logger } from '../telemetry/logger';

export { ApiError, notFound, type ErrorCode } from '../base/api-error';

/** What body-parser, the router and zlib attach to the errors they raise. */
interface ParserError {
  type?: string;
  status?: number;
  code?: string;
  expose?: boolean;
}

/** zlib's and brotli's codes for input that is not what its Content-Encoding says. */
const DECODE_FAILURE = /^(Z_|ERR_BROTLI|ERR__ERROR_FORMAT|ERR_ZSTD)/;

/** Maps body-parser, router, Temporal and unexpected errors onto ApiError. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (isTemporalUnavailable(err)) {
    return new ApiError(503, 'temporal_unavailable', 'Temporal is unreachable; nothing was accepted, retry later');
  }
  return clientFault(err as ParserError | undefined) ?? new ApiError(500, 'internal', 'internal error');
}

/** Errors the request itself caused: never a 5xx. */
function clientFault(err: ParserError | undefined): ApiError | undefined {
  if (err === null || typeof err !== 'object') return undefined;
  const { type, status, code } = err;
  if (type === 'entity.too.large') return new ApiError(413, 'payload_too_large', 'request body exceeds server.maxBodyBytes');
  if (type === 'entity.parse.failed') return new ApiError(400, 'invalid_json', 'request body is not valid JSON');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new ApiError(415, 'unsupported_media_type', `${(err as Error).message}; supported: gzip, deflate, br`);
  }
  if (typeof code === 'string' && DECODE_FAILURE.test(code)) {
    return new ApiError(400, 'invalid_encoding', 'request body is not valid for its Content-Encoding');
  }
  if (err instanceof URIError) return new ApiError(400, 'invalid_request', 'malformed percent-encoding in the path');
  if (type === 'request.aborted') return new ApiError(400, 'invalid_request', 'request body ended early');
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ApiError(status, status === 413 ? 'payload_too_large' : 'invalid_request', 'request could not be read');
  }
  return undefined;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    // Already answered (a body refused mid-stream by the size guard): nothing more to say.
    if (res.headersSent) return;
    sendError(req, res, toApiError(err), { logger, err });
  };
}

/** Logs one line for the rejection and answers with the error's JSON body. */
export function sendError(req: Request, res: Response, apiError: ApiError, context: { logger: Logger; err?: unknown }): void {
  const fields = { method: req.method, path: req.path, status: apiError.status, code: apiError.code };
  // A 503 keeps Temporal's own error (gRPC code, message) in the log, though the client gets ours.
  const err = apiError.cause ?? context.err;
  if (apiError.status >= 500) context.logger.error({ ...fields, err }, 'request failed');
  else context.logger.warn({ ...fields, reason: apiError.message }, 'request rejected');
  if (apiError.status === 503) res.setHeader('retry-after', '5');
  // A body not yet received (say, a declared 100 GB) would otherwise be drained before the next request.
  if (!req.complete) res.setHeader('connection', 'close');
  res.status(apiError.status).json(apiError.toBody());
}
