// What an erasure carries across the workflow boundary. Pure: workflows import it.

export const ERASURE_STATES = ['running', 'completed', 'cancelled', 'failed'] as const;
export type ErasureStatus = (typeof ERASURE_STATES)[number];

/** Which events: these ids, or those a filter matches among the events accepted in a window. */
export type ErasureTarget = { eventIds: string[] } | { filter: Record<string, unknown>; since: string; until?: string };

export interface ErasureCounts {
  /** Events whose every workflow was deleted. */
  erased: number;
  /** Ids that were not (or no longer) there. */
  notFound: number;
  /** Events the filter looked at and left (filter mode). */
  examined: number;
  errors: number;
}

export const NO_ERASURE_COUNTS: ErasureCounts = { erased: 0, notFound: 0, examined: 0, errors: 0 };

export function addErasureCounts(a: ErasureCounts, b: ErasureCounts): ErasureCounts {
  return {
    erased: a.erased + b.erased,
    notFound: a.notFound + b.notFound,
    examined: a.examined + b.examined,
    errors: a.errors + b.errors,
  };
}

export interface ErasureInput {
  erasureId: string;
  tenantId: string;
  target: ErasureTarget;
  /** At most this many events erased a second (limits.replayPerSecond when it started). */
  perSecond: number;
  startedAt: string;
  /** Carried across continue-as-new: ids done so far (id mode) or the page reached (filter mode). */
  counts?: ErasureCounts;
  offset?: number;
  pageToken?: string;
}

export interface ErasurePageRequest {
  erasureId: string;
  tenantId: string;
  target: ErasureTarget;
  /** Id mode: erase eventIds[offset, offset + limit). Filter mode: one visibility page. */
  offset: number;
  pageToken?: string;
  limit: number;
}

export interface ErasurePageResult {
  counts: ErasureCounts;
  size: number;
  /** Filter mode: the next page; id mode: absent once past the last id. */
  nextPageToken?: string;
  done: boolean;
}

export interface ErasureState extends ErasureCounts {
  status: ErasureStatus;
  startedAt: string;
  finishedAt?: string;
}

export interface ErasureActivities {
  erasePage(req: ErasurePageRequest): Promise<ErasurePageResult>;
}

export const erasureWorkflowId = (erasureId: string) => `erasure~${erasureId}`;
