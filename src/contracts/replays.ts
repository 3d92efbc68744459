// What a bulk replay carries across the workflow boundary. Pure: workflows import it.

/** Final delivery statuses a replay may send again. */
export const REPLAYABLE_STATUSES = ['failed', 'cancelled', 'expired', 'delivered'] as const;
export type ReplayableStatus = (typeof REPLAYABLE_STATUSES)[number];

export const REPLAY_STATES = ['running', 'completed', 'cancelled', 'failed'] as const;
export type ReplayStatus = (typeof REPLAY_STATES)[number];

export interface ReplayFilter {
  /** RFC 3339: deliveries whose latest run started in [since, until]. */
  since: string;
  until?: string;
  statuses: ReplayableStatus[];
  destination?: string;
  /** Event-type patterns ("order.*"); none: every type. */
  eventTypes?: string[];
}

export interface ReplayCounts {
  /** Deliveries in the window whose latest run has one of the statuses. */
  matched: number;
  replayed: number;
  /** Matched but not sent again: changed since it matched, or its destination is gone. */
  skipped: number;
  errors: number;
}

export const NO_COUNTS: ReplayCounts = { matched: 0, replayed: 0, skipped: 0, errors: 0 };

export function addCounts(a: ReplayCounts, b: ReplayCounts): ReplayCounts {
  return {
    matched: a.matched + b.matched,
    replayed: a.replayed + b.replayed,
    skipped: a.skipped + b.skipped,
    errors: a.errors + b.errors,
  };
}

export interface ReplayInput {
  replayId: string;
  tenantId: string;
  filter: ReplayFilter;
  /** limits.replayPerSecond when it started: at most this many deliveries sent again a second. */
  perSecond: number;
  startedAt: string;
  /** Carried across continue-as-new. */
  counts?: ReplayCounts;
  pageToken?: string;
}

export interface ReplayPageRequest {
  replayId: string;
  tenantId: string;
  filter: ReplayFilter;
  pageToken?: string;
  limit: number;
}

export interface ReplayPageResult {
  counts: ReplayCounts;
  /** How many executions the page held (the pacing counts these). */
  size: number;
  nextPageToken?: string;
}

export interface ReplayState extends ReplayCounts {
  status: ReplayStatus;
  startedAt: string;
  finishedAt?: string;
}

/** A replay's workflow ID: "~" never appears in an event id, so no event can take it. */
export const replayWorkflowId = (replayId: string) => `replay~${replayId}`;

/** The replay workflow's activity, as the workflow sees it. */
export interface ReplayActivities {
  replayPage(req: ReplayPageRequest): Promise<ReplayPageResult>;
}
