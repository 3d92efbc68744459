// A workflow-task slot supplier for one namespace whose size follows a VegasLimit
// (src/base/vegas-limit.ts) while another namespace of this process has work too. The SDK reserves
// a slot before each poll, marks it used when a task arrives and releases it once the task's
// completion has been answered: that span is the round trip fed to the limit. A namespace alone
// has no one to be fair to, so it keeps the fixed ceiling (a small limit would only cost it
// throughput: the server works best with a queue when nobody else waits in it).
import type { CustomSlotSupplier, SlotPermit, WorkflowSlotInfo } from '@temporalio/worker';
import { VegasLimit, type VegasOptions } from '../base/vegas-limit';

interface Permit extends SlotPermit {
  id: number;
  sticky: boolean;
}

interface Waiter {
  sticky: boolean;
  wake: () => void;
}

/**
 * Who else has work now, asked before every workflow-task poll, so in constant time however many
 * namespaces the process serves: the namespace that had the latest workflow task, and the latest
 * task of any other namespace than that one.
 */
export class BusyNamespaces {
  private last = { namespace: '', at: -Infinity };
  private lastOther = -Infinity;

  constructor(private readonly windowMs = 5_000) {}

  touch(namespace: string): void {
    const now = performance.now();
    if (namespace !== this.last.namespace) {
      this.lastOther = this.last.at;
      this.last = { namespace, at: now };
    } else this.last.at = now;
  }

  othersBusy(namespace: string): boolean {
    const since = performance.now() - this.windowMs;
    return namespace === this.last.namespace ? this.lastOther > since : this.last.at > since;
  }
}

export interface AdaptiveSlotsOptions {
  namespace: string;
  busy: BusyNamespaces;
  vegas: VegasOptions;
  /** Told the limit in force whenever it changes (the metric). */
  onLimit: (limit: number) => void;
}

export function adaptiveWorkflowSlots(options: AdaptiveSlotsOptions): CustomSlotSupplier<WorkflowSlotInfo> {
  const { namespace, busy } = options;
  const vegas = new VegasLimit(options.vegas);
  const usedAt = new Map<number, number>();
  const held = { sticky: 0, normal: 0 };
  const waiting: Waiter[] = [];
  let nextId = 0;
  let reported = -1;

  const limit = () => {
    const now = busy.othersBusy(namespace) ? vegas.limit : options.vegas.max;
    if (now !== reported) options.onLimit((reported = now));
    return now;
  };
  // Each of the two queues (the worker's sticky one and the namespace's) keeps a poll going
  // whatever the limit: were every slot held by sticky polls, a new workflow's first task would
  // wait for them to time out, and the other way round a cached workflow's. So neither kind takes
  // the last slot, and a kind holding none may pass the limit by one.
  const fits = (sticky: boolean) => {
    const mine = held[kind(sticky)];
    const max = limit();
    return mine === 0 || (held.sticky + held.normal < max && mine < max - 1);
  };
  const grant = (sticky: boolean): Permit => {
    held[kind(sticky)]++;
    return { id: ++nextId, sticky };
  };
  const wakeNext = () => {
    for (let i = 0; i < waiting.length; ) {
      if (fits(waiting[i].sticky)) waiting.splice(i, 1)[0].wake();
      else i++;
    }
  };
  limit();

  return {
    type: 'custom',
    reserveSlot({ isSticky }, abortSignal) {
      if (fits(isSticky)) return Promise.resolve(grant(isSticky));
      if (abortSignal.aborted) return Promise.reject(abortSignal.reason);
      return new Promise<SlotPermit>((resolve, reject) => {
        const waiter: Waiter = {
          sticky: isSticky,
          wake: () => {
            abortSignal.removeEventListener('abort', abort);
            resolve(grant(isSticky));
          },
        };
        const abort = () => {
          waiting.splice(waiting.indexOf(waiter), 1);
          reject(abortSignal.reason);
        };
        abortSignal.addEventListener('abort', abort, { once: true });
        waiting.push(waiter);
      });
    },
    tryReserveSlot({ isSticky }) {
      // Eager tasks (handed back with a completion) never pass the limit.
      return held.sticky + held.normal < limit() && fits(isSticky) ? grant(isSticky) : null;
    },
    markSlotUsed({ permit }) {
      busy.touch(namespace);
      usedAt.set((permit as Permit).id, performance.now());
    },
    releaseSlot({ permit }) {
      const { id, sticky } = permit as Permit;
      held[kind(sticky)]--;
      const started = usedAt.get(id);
      if (started !== undefined) {
        usedAt.delete(id);
        vegas.sample(performance.now() - started, usedAt.size + 1);
      }
      wakeNext();
    },
  };
}

const kind = (sticky: boolean): 'sticky' | 'normal' => (sticky ? 'sticky' : 'normal');
