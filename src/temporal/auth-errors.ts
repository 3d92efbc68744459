// Temporal refusing Barrage's credentials (temporal.apiKey, or none where the server wants one),
// said once at start with what to check instead of retried: no wait makes a wrong key right.
import { GRPC, grpcCode } from '../base/grpc';
import type { TemporalConnectionOptions } from './connection-options';

export class TemporalAuthError extends Error {
  override name = 'TemporalAuthError';
}

const REFUSED_CODES = new Set<number>([GRPC.PERMISSION_DENIED, GRPC.UNAUTHENTICATED]);
// The worker's native connection reports the status only as text.
const REFUSED_TEXT = /PERMISSION_DENIED|UNAUTHENTICATED|does not have permission|Request unauthorized|not authenticated/i;

export function isCredentialsRefusal(err: unknown): boolean {
  const code = grpcCode(err);
  if (code !== undefined) return REFUSED_CODES.has(code);
  return err instanceof Error && REFUSED_TEXT.test(err.message);
}

/**
 * The refusal behind `err` as a TemporalAuthError naming what to check, or undefined when `err` is
 * something else. `doing` says what was refused ("connecting", "registering namespace acme"); the
 * server's own words (never the key: servers do not echo it) are kept.
 */
export function credentialsRefused(
  err: unknown,
  options: Pick<TemporalConnectionOptions, 'address' | 'apiKey'>,
  doing: string,
  hint = '',
): TemporalAuthError | undefined {
  if (!isCredentialsRefusal(err)) return undefined;
  const said = serverWords(err);
  const what = options.apiKey
    ? 'check temporal.apiKey: a current key (not expired or revoked) with the rights this needs'
    : 'this server wants credentials: set temporal.apiKey (or a client certificate in temporal.tls)';
  return new TemporalAuthError(`Temporal at ${options.address} refused ${doing} (${said}): ${what}${hint ? `; ${hint}` : ''}`, {
    cause: err,
  });
}

function serverWords(err: unknown): string {
  let current = err as { details?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 5; depth++, current = current.cause as typeof current) {
    if (typeof current.details === 'string' && current.details) return current.details;
  }
  return err instanceof Error ? err.message : String(err);
}
