// The loop a bulk replay and an erasure share: one page per activity, a workflow timer so that at
// most perSecond items go a second, continue-as-new every PAGES_PER_RUN pages to bound history,
// and a cancellation that ends the run as "cancelled" (what was done stays done).
import { isCancellation, sleep, workflowInfo } from '@temporalio/workflow';

const PAGES_PER_RUN = 100;

export interface PacedPages<P extends { size: number }> {
  perSecond: number;
  /** Runs the next page's activity. */
  next: () => Promise<P>;
  /** Takes the page's result in; true when it was the last page. */
  take: (page: P) => boolean;
  /** Continues as new with what was taken so far (never returns). */
  continueAsNew: () => Promise<never>;
}

/** 'completed' once a page was the last, 'cancelled' when the workflow was cancelled. */
export async function pacedPages<P extends { size: number }>(loop: PacedPages<P>): Promise<'completed' | 'cancelled'> {
  try {
    for (let pages = 1; ; pages++) {
      const started = Date.now();
      const page = await loop.next();
      if (loop.take(page)) return 'completed';
      // The page took some of its second already.
      const wait = Math.ceil((page.size * 1000) / loop.perSecond) - (Date.now() - started);
      if (wait > 0) await sleep(wait);
      if (pages >= PAGES_PER_RUN || workflowInfo().continueAsNewSuggested) await loop.continueAsNew();
    }
  } catch (err) {
    if (isCancellation(err)) return 'cancelled';
    throw err;
  }
}
