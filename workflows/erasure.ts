// An erasure (DELETE /v1/events/{id}, POST /v1/erasures): deletes every workflow of each event
// from Temporal, one page of events per activity, paced by a workflow timer like a replay. A
// worker killed in the middle resumes the page it was on; deleting what is gone already is a no-op.
import {
  continueAsNew,
  defineQuery,
  isCancellation,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
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

const PAGES_PER_RUN = 100;

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
  try {
    for (let pages = 1; ; pages++) {
      const started = Date.now();
      const { erasureId, tenantId, target, perSecond } = input;
      const page = await erasePage({ erasureId, tenantId, target, offset, pageToken, limit: perSecond });
      counts = addErasureCounts(counts, page.counts);
      offset += page.size;
      pageToken = page.nextPageToken;
      if (page.done) return state('completed', true);
      const wait = Math.ceil((page.size * 1000) / perSecond) - (Date.now() - started);
      if (wait > 0) await sleep(wait);
      if (pages >= PAGES_PER_RUN || workflowInfo().continueAsNewSuggested)
        await continueAsNew<typeof erasureWorkflow>({ ...input, counts, offset, pageToken });
    }
  } catch (err) {
    if (isCancellation(err)) return state('cancelled', true);
    throw err;
  }
}
