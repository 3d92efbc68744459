// An erasure (DELETE /v1/events/{id}, POST /v1/erasures): deletes every workflow of each event
// from Temporal, one page of events per activity, paced by a workflow timer like a replay. A
// worker killed in the middle resumes the page it was on; deleting what is gone already is a no-op.
import { continueAsNew, defineQuery, proxyActivities, setHandler } from '@temporalio/workflow';
import { pacedPages } from './paced-pages';
import {
  addErasureCounts,
  NO_ERASURE_COUNTS,
  QUERY,
  type ErasureActivities,
  type ErasureInput,
  type ErasureState,
} from '../src/contracts';

export const erasureStateQuery = defineQuery<ErasureState>(QUERY.erasureState);

const { erasePage } = proxyActivities<ErasureActivities>({
  startToCloseTimeout: '10m',
  heartbeatTimeout: '60s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30s', maximumAttempts: 20 },
});

export async function erasureWorkflow(input: ErasureInput): Promise<ErasureState> {
  let counts = input.counts ?? NO_ERASURE_COUNTS;
  let offset = input.offset ?? 0;
  let pageToken = input.pageToken;
  const state = (status: ErasureState['status'], finished = false): ErasureState => ({
    status,
    ...counts,
    startedAt: input.startedAt,
    ...(finished ? { finishedAt: new Date().toISOString() } : {}),
  });
  setHandler(erasureStateQuery, () => state('running'));
  const { erasureId, tenantId, target, perSecond } = input;
  const ended = await pacedPages({
    perSecond,
    next: () => erasePage({ erasureId, tenantId, target, offset, pageToken, limit: perSecond }),
    take: (page) => {
      counts = addErasureCounts(counts, page.counts);
      offset += page.size;
      pageToken = page.nextPageToken;
      return page.done;
    },
    continueAsNew: () => continueAsNew<typeof erasureWorkflow>({ ...input, counts, offset, pageToken }),
  });
  return state(ended, true);
}
