import type { AttemptOutcome, EventMeta, Payload } from '../contracts';
import type { DestinationConfig } from '../config';

export interface DriverRequest {
  event: EventMeta;
  payload: Payload;
  attempt: number;
  timeoutMs: number;
  /** Current settings, looked up at attempt time so URL and secret changes apply to retries. */
  destination: DestinationConfig;
}

/** What a driver saw; the activity adds timing and turns it into the attempt record. */
export interface DriverResult {
  outcome: AttemptOutcome;
  statusCode?: number;
  error?: string;
  retryAfterMs?: number;
  responseExcerpt?: string;
}

/** One small interface per destination kind. Drivers never throw for destination trouble. */
export interface DestinationDriver {
  readonly type: DestinationConfig['type'];
  deliver(request: DriverRequest): Promise<DriverResult>;
  close?(): Promise<void>;
}

export const RESPONSE_EXCERPT_BYTES = 4096;
