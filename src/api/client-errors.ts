// Requests Node's HTTP parser refuses never reach express. They get the API's JSON error shape
// too (the protocol still allows a response there), and the connection is closed.
import type { Socket } from 'node:net';
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../telemetry/logger';
import { ApiError } from './errors';

/** Node's (llhttp's) code for a request it could not parse → what the client is told. */
export function parserErrorToApiError(code: string | undefined): ApiError {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new ApiError(431, 'headers_too_large', 'request line and headers exceed the server limit (16 KiB)');
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return new ApiError(408, 'request_timeout', 'request not received within server.headersTimeout / requestTimeout');
  }
  if (code === 'HPE_INVALID_METHOD') return new ApiError(400, 'invalid_request', 'unknown request method');
  return new ApiError(400, 'invalid_request', 'malformed HTTP request');
}

export function onClientError(logger: Logger) {
  return (err: Error & { code?: string }, socket: Socket): void => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const apiError = parserErrorToApiError(err.code);
    logger.warn(
      { status: apiError.status, code: apiError.code, parserCode: err.code, remote: socket.remoteAddress },
      'request rejected',
    );
    const body = JSON.stringify(apiError.toBody());
    socket.end(
      `HTTP/1.1 ${apiError.status} ${STATUS_CODES[apiError.status]}\r\n` +
        `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
        `connection: close\r\n\r\n${body}`,
    );
  };
}

/** Node answers an Expect other than 100-continue itself, with a bare 417; this gives it the shape. */
export function onUnknownExpectation(logger: Logger) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    refuseBeforeRouting(req, res, new ApiError(417, 'expectation_failed', 'only "Expect: 100-continue" is supported'), logger);
  };
}

/**
 * Node answers "Expect: 100-continue" with 100 before any route runs, inviting the body. A declared
 * length over the limit is refused instead; anything else continues as usual.
 */
export function onExpectContinue(server: Server, maxBodyBytes: number, logger: Logger) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const declared = Number(req.headers['content-length']);
    // Only routes that read a body care; the others answer without reading it, and close.
    const readsBody = req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH';
    if (!readsBody || !(Number.isFinite(declared) && declared > maxBodyBytes)) {
      res.writeContinue();
      server.emit('request', req, res);
      return;
    }
    const apiError = new ApiError(
      413,
      'payload_too_large',
      `Content-Length ${declared} exceeds server.maxBodyBytes (${maxBodyBytes})`,
    );
    refuseBeforeRouting(req, res, apiError, logger);
  };
}

/** The answer for a request refused before express sees it: one log line, the JSON shape, closed. */
function refuseBeforeRouting(req: IncomingMessage, res: ServerResponse, apiError: ApiError, logger: Logger): void {
  logger.warn({ method: req.method, status: apiError.status, code: apiError.code }, 'request rejected');
  const body = JSON.stringify(apiError.toBody());
  res.writeHead(apiError.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    connection: 'close',
  });
  res.end(body);
}
