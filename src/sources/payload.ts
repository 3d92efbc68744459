// What every source does with a body: parse it as JSON at most once, and keep it byte-for-byte.
import type { Payload } from '../contracts';
import { parseJsonOrUndefined } from '../delivery/json-path';

/** A lazily parsed JSON body, so header-only sources accept any content type. */
export function lazyJson(body: Buffer): () => unknown {
  let parsed: { value: unknown } | undefined;
  return () => (parsed ??= { value: parseJsonOrUndefined(body.toString('utf8')) }).value;
}

/** The event type: a header's trimmed value or a JSON string (a number there is not one). */
/** Bodies are kept byte-for-byte: as text when that round-trips, else base64. */
export function payloadFromBytes(body: Buffer, contentType: string | undefined): Payload {
  const text = body.toString('utf8');
  const roundTrips = Buffer.from(text, 'utf8').equals(body);
  return {
    contentType: contentType ?? 'application/octet-stream',
    body: roundTrips ? text : body.toString('base64'),
    encoding: roundTrips ? 'utf8' : 'base64',
  };
}
