// A bulk replay (POST /v1/replays): pages through the tenant's deliveries in Temporal visibility
// and sends each match again through the manual-retry path, one page per activity, paced by a
// workflow timer to limits.replayPerSecond. Durable like any delivery: a worker killed in the
// middle resumes the page it was on, and the page activity skips what this replay already sent.
import { continueAsNew, defineQuery, proxyActivities, setHandler } from '@temporalio/workflow';
import { pacedPages } from './paced-pages';
import { addCounts, NO_COUNTS, QUERY, type ReplayActivities, type ReplayInput, type ReplayState } from '../src/contracts';

export const replayStateQuery = defineQuery<ReplayState>(QUERY.replayState);

const { replayPage } = proxyActivities<ReplayActivities>({
  startToCloseTimeout: '5m',
  heartbeatTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30s', maximumAttempts: 20 },
});

/** Pages per run before continuing as new: bounds each run's history. */
export async function replayWorkflow(input: ReplayInput): Promise<ReplayState> {
  let counts = input.counts ?? NO_COUNTS;
  let pageToken = input.pageToken;
  const state = (status: ReplayState['status'], finished = false): ReplayState => ({
    status,
    ...counts,
    startedAt: input.startedAt,
    ...(finished ? { finishedAt: new Date().toISOString() } : {}),
  });
  setHandler(replayStateQuery, () => state('running'));
  const { replayId, tenantId, filter, perSecond } = input;
  const ended = await pacedPages({
    perSecond,
    next: () => replayPage({ replayId, tenantId, filter, pageToken, limit: perSecond }),
    take: (page) => {
      counts = addCounts(counts, page.counts);
      pageToken = page.nextPageToken;
      return !pageToken;
    },
    continueAsNew: () => continueAsNew<typeof replayWorkflow>({ ...input, counts, pageToken }),
  });
  return state(ended, true);
}
