// Request bodies. body-parser reads them (size limit on the decoded bytes, so a small gzip bomb
// stops at maxBodyBytes; Content-Encoding gzip, deflate, br; charset). A declared Content-Length
// over the limit is refused before reading. JSON nesting depth is checked on the text before
// JSON.parse, because everything after the parse (zod, JSON.stringify, logging) recurses, and a
// few KB of "[[[[…" would overflow the stack.
import express, { type RequestHandler } from 'express';
import type { Logger } from '../telemetry/logger';
import { ApiError, sendError } from './errors';

/** Deep enough for any real callback payload (they rarely pass 10), shallow enough to be safe. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 34;
const BACKSLASH = 92;
const OPENERS = new Set([91, 123]); // [ {
const CLOSERS = new Set([93, 125]); // ] }

/** True when arrays/objects nest deeper than `max`; a linear scan that never recurses. */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (OPENERS.has(c)) {
      if (++depth > max) return true;
    } else if (CLOSERS.has(c)) depth--;
  }
  return false;
}

/** Parses a JSON text that has passed the depth check; throws the API's own 400s. */
export function parseJsonText(text: string): unknown {
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    throw new ApiError(400, 'invalid_request', `JSON nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'request body is not valid JSON');
  }
}

/**
 * body-parser answers 413 only after it has read (drained) the whole body: a declared 100 GB, or
 * a chunked stream that never ends. A declared length over the limit is refused before reading;
 * a stream is refused the moment its bytes on the wire pass the limit, and the connection closed.
 */
function sizeGuard(limit: number, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.get('content-length'));
    if (Number.isFinite(declared) && declared > limit) {
      return next(new ApiError(413, 'payload_too_large', `Content-Length ${declared} exceeds server.maxBodyBytes (${limit})`));
    }
    let seen = 0;
    const count = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen <= limit || res.headersSent) return;
      req.off('data', count);
      res.once('finish', () => req.socket.destroy());
      sendError(req, res, new ApiError(413, 'payload_too_large', `request body exceeds server.maxBodyBytes (${limit})`), {
        logger,
      });
    };
    req.on('data', count);
    next();
  };
}

/** The raw bytes of any body, as a Buffer (empty when there is none). */
export function rawBody(limit: number, logger: Logger): RequestHandler[] {
  const raw = express.raw({ limit, type: () => true });
  const ensureBuffer: RequestHandler = (req, _res, next) => {
    if (!Buffer.isBuffer(req.body)) req.body = Buffer.alloc(0);
    next();
  };
  return [sizeGuard(limit, logger), raw, ensureBuffer];
}

/** Reads any body as JSON; an absent or blank body leaves `req.body` undefined. */
export function jsonBody(limit: number, logger: Logger): RequestHandler[] {
  const text = express.text({ limit, type: () => true, defaultCharset: 'utf-8' });
  const read: RequestHandler = (req, res, next) => {
    try {
      text(req, res, next);
    } catch {
      // body-parser throws synchronously only while parsing the Content-Type header.
      next(new ApiError(400, 'invalid_request', 'malformed Content-Type header'));
    }
  };
  const parse: RequestHandler = (req, _res, next) => {
    const body: unknown = req.body;
    req.body = typeof body === 'string' && body.trim() !== '' ? parseJsonText(body) : undefined;
    next();
  };
  return [sizeGuard(limit, logger), read, parse];
}

/** POST /v1/events and the batch take JSON only (a source takes any content type). */
export const requireJson: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) {
    next(new ApiError(415, 'unsupported_media_type', `${req.method} ${req.path} takes Content-Type: application/json`));
  } else next();
};
