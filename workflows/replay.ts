// A bulk replay (POST /v1/replays): pages through the tenant's deliveries in Temporal visibility
// and sends each match again through the manual-retry path, one page per activity, paced by a
// workflow timer to limits.replayPerSecond. Durable like any delivery: a worker killed in the
// middle resumes the page it was on, and the page activity skips what this replay already sent.
import {
  continueAsNew,
  defineQuery,
  isCancellation,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import { addCounts, NO_COUNTS, QUERY, type ReplayActivities, type ReplayInput, type ReplayState } from '../src/contracts';

export const replayStateQuery = defineQuery<ReplayState>(QUERY.replayState);

const { replayPage } = proxyActivities<ReplayActivities>({
  startToCloseTimeout: '5m',
  heartbeatTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30s', maximumAttempts: 20 },
});

/** Pages per run before continuing as new: bounds each run's history. */
const PAGES_PER_RUN = 100;

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
  try {
    for (let pages = 1; ; pages++) {
      const started = Date.now();
      const page = await replayPage({
        replayId: input.replayId,
        tenantId: input.tenantId,
        filter: input.filter,
        pageToken,
        limit: input.perSecond,
      });
      counts = addCounts(counts, page.counts);
      pageToken = page.nextPageToken;
      if (!pageToken) return state('completed', true);
      // At most perSecond sent a second: the page took some of its second already.
      const wait = Math.ceil((page.size * 1000) / input.perSecond) - (Date.now() - started);
      if (wait > 0) await sleep(wait);
      if (pages >= PAGES_PER_RUN || workflowInfo().continueAsNewSuggested)
        await continueAsNew<typeof replayWorkflow>({ ...input, counts, pageToken });
    }
  } catch (err) {
    if (isCancellation(err)) return state('cancelled', true);
    throw err;
  }
}
