// One error type decides what a client may see: a stable code, a message, optional details.
// It lives below every folder that throws it (services, routes, the library), so none of them
// has to import the HTTP layer to say "not found".

export type ErrorCode =
  | 'invalid_json'
  | 'invalid_request'
  | 'unauthorized'
  | 'forbidden'
  | 'destination_not_allowed'
  | 'managed_by_config'
  | 'limit_reached'
  | 'database_required'
  | 'invalid_encoding'
  | 'invalid_signature'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'request_timeout'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'headers_too_large'
  | 'expectation_failed'
  | 'temporal_unavailable'
  | 'namespace_not_ready'
  | 'schema_mismatch'
  | 'unknown_event_type'
  | 'internal';

export interface IssueDetail {
  path: string;
  message: string;
  /** schema_mismatch: the JSON pointer into the event's data. */
  pointer?: string;
}

/**
 * The error every Barrage answer that is not a success stands for: `status` is the HTTP status
 * the API answers, `code` the stable machine-readable code. The library throws it as is.
 */
export class BarrageError extends Error {
  override name = 'BarrageError';

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** What caused it on our side (logged, never shown to the client). */
    cause?: unknown,
  ) {
    super(message, { cause });
  }

  toBody() {
    return {
      error: { code: this.code, message: this.message, ...(this.details !== undefined ? { details: this.details } : {}) },
    };
  }
}

/** The name the HTTP layer and the services have always used. */
export const ApiError = BarrageError;
export type ApiError = BarrageError;

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);

/** A list cursor this API did not issue (or one for another list). */
export const invalidCursor = () =>
  new ApiError(400, 'invalid_request', 'cursor is not valid', [
    { path: 'cursor', message: 'pass the nextCursor of a previous page of this list' },
  ]);

/** A 400 listing each field's problem. */
export const invalidRequest = (message: string, details: IssueDetail[]) => new ApiError(400, 'invalid_request', message, details);

interface Issue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  keys?: readonly string[];
  /** invalid_union: each alternative's own issues. */
  errors?: readonly (readonly Issue[])[];
}

/**
 * The alternative a value meant: the one whose `type` it matched (a destination of that type),
 * else the one it missed by the fewest problems.
 */
function closestAlternative(alternatives: readonly (readonly Issue[])[]): readonly Issue[] {
  const typed = alternatives.filter((issues) => !issues.some((i) => i.path.length === 1 && i.path[0] === 'type'));
  return [...(typed.length ? typed : alternatives)].sort((a, b) => a.length - b.length)[0];
}

/**
 * zod-style issues → the `details` of a 400: one entry per field. An unknown field is named as
 * one; a value that matches no alternative of a union (a destination of some type) is reported
 * by the alternative it came closest to, so the caller reads "url: required", not "invalid input".
 */
export function issueDetails(error: { issues: readonly Issue[] }, prefix: readonly PropertyKey[] = []): IssueDetail[] {
  return error.issues.flatMap((i) => {
    const path = [...prefix, ...i.path];
    const at = (extra: PropertyKey[] = []) => [...path, ...extra].map(String).join('.') || '(body)';
    if (i.code === 'unrecognized_keys' && i.keys?.length) return i.keys.map((k) => ({ path: at([k]), message: 'unknown field' }));
    if (i.code === 'invalid_union' && i.errors?.length) {
      const closest = closestAlternative(i.errors);
      if (closest.length) return issueDetails({ issues: closest }, path);
    }
    return [{ path: at(), message: i.message }];
  });
}
