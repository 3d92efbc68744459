import type { AttemptOutcome } from '../contracts';

/** Statuses that say "try again later": timeouts, rate limits and server-side trouble. */
const RETRYABLE_STATUSES = new Set([408, 425, 429]);
/** Only these may carry a Retry-After we honour. */
const RETRY_AFTER_STATUSES = new Set([429, 503]);

export interface Classification {
  outcome: AttemptOutcome;
  /** Why it was not delivered, for the attempt record. */
  reason?: string;
  honourRetryAfter: boolean;
}

/** The single place that decides what an HTTP answer means for a delivery. */
export function classifyStatus(status: number): Classification {
  if (status >= 200 && status < 300) return { outcome: 'delivered', honourRetryAfter: false };
  const honourRetryAfter = RETRY_AFTER_STATUSES.has(status);
  if (status >= 300 && status < 400) {
    return { outcome: 'permanent', reason: `redirect ${status} not followed`, honourRetryAfter };
  }
  if (status >= 500 || RETRYABLE_STATUSES.has(status)) {
    return { outcome: 'retryable', reason: `HTTP ${status}`, honourRetryAfter };
  }
  return { outcome: 'permanent', reason: `HTTP ${status}`, honourRetryAfter };
}

/** Network-level errors are retryable, except a destination our SSRF guard refuses. */
export function classifyError(err: unknown): Classification {
  const code = (err as { code?: string } | undefined)?.code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'BARRAGE_SSRF_BLOCKED') return { outcome: 'permanent', reason: message, honourRetryAfter: false };
  return { outcome: 'retryable', reason: code ? `${code}: ${message}` : message, honourRetryAfter: false };
}
