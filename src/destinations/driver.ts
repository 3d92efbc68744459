import type { AttemptOutcome, EventMeta, Payload } from '../contracts';
import type { DestinationConfig } from './registry';

export type DestinationType = DestinationConfig['type'];
type ConfigOf<T extends DestinationType> = Extract<DestinationConfig, { type: T }>;

export interface DriverRequest<T extends DestinationType = DestinationType> {
  event: EventMeta;
  payload: Payload;
  attempt: number;
  timeoutMs: number;
  /**
   * The delivery's workflow ID: the same for every attempt of one delivery (a manual retry's run
   * included), its own for a dead letter. What a peer may deduplicate retries by.
   */
  deliveryId: string;
  /** Current settings, looked up at attempt time so address and secret changes apply to retries. */
  destination: ConfigOf<T>;
  /** Aborted when the worker stops and the attempt's shutdown grace is over. */
  signal?: AbortSignal;
}

/** What a driver saw; the activity adds timing and turns it into the attempt record. */
export interface DriverResult {
  outcome: AttemptOutcome;
  /** HTTP status; queue drivers leave it out. */
  statusCode?: number;
  error?: string;
  retryAfterMs?: number;
  /** What the peer answered: an HTTP body excerpt, or the queue's message id / partition and offset. */
  responseExcerpt?: string;
}

/**
 * One small interface per destination kind. Drivers never throw for destination trouble: they
 * classify it as `retryable` (the workflow backs off and tries again) or `permanent` (it fails
 * now and goes to the dead letter), the same status model for every kind.
 */
export interface DestinationDriver<T extends DestinationType = DestinationType> {
  readonly type: T;
  deliver(request: DriverRequest<T>): Promise<DriverResult>;
  close?(): Promise<void>;
}

export const RESPONSE_EXCERPT_BYTES = 4096;
