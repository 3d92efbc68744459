// The queue pollers' gauges, read from the pollers at scrape time: what each has handled since it
// started (a counter), what it holds right now, and the broker's own count of what still waits.
import { Counter, Gauge } from 'prom-client';
import type { PollerStats } from './poller';
import type { Logger } from '../telemetry/logger';
import type { Metrics } from '../telemetry/metrics';

/** The broker is asked at most this often per source; scrapes come every 15–60 s. */
const LAG_CACHE_MS = 10_000;
const COUNTED = ['received', 'accepted', 'duplicates', 'poison', 'retries'] as const;

interface TrackedPoller {
  sourceId: string;
  stats(): PollerStats;
  lag(): Promise<number>;
}

export function trackPollers(metrics: Metrics, pollers: readonly TrackedPoller[], logger: Logger): void {
  const registers = [metrics.registry];
  new Counter({
    name: 'barrage_poller_messages_total',
    help: 'messages a queue poller has handled since it started, by result: received, accepted, duplicates, poison, retries',
    labelNames: ['source', 'result'] as const,
    registers,
    collect() {
      this.reset();
      for (const poller of pollers) {
        const stats = poller.stats();
        for (const result of COUNTED) this.inc({ source: poller.sourceId, result }, stats[result]);
      }
    },
  });
  new Gauge({
    name: 'barrage_poller_in_flight',
    help: 'messages a queue poller has received and not yet settled (held, unacknowledged, while Temporal cannot start workflows)',
    labelNames: ['source'] as const,
    registers,
    collect() {
      for (const poller of pollers) this.set({ source: poller.sourceId }, poller.stats().inFlight);
    },
  });
  const lags = pollers.map((poller) => ({ poller, read: cachedLag(poller, logger) }));
  new Gauge({
    name: 'barrage_poller_lag_messages',
    help: 'messages waiting in the broker as it reports them (SQS ApproximateNumberOfMessages; Kafka: the group lag on the topic); every poller of a source reports the same: use max()',
    labelNames: ['source'] as const,
    registers,
    async collect() {
      this.reset();
      const values = await Promise.all(lags.map(async ({ poller, read }) => [poller.sourceId, await read()] as const));
      for (const [source, value] of values) if (value !== undefined) this.set({ source }, value);
    },
  });
}

/**
 * The last answer, for LAG_CACHE_MS, and one read at a time however often /metrics is scraped:
 * Kafka's admin calls hold threads of libuv's small pool, and a pile of them starves the consumer.
 * A failed read is logged and leaves the series out: a gap says more than a stale number.
 */
function cachedLag(poller: TrackedPoller, logger: Logger): () => Promise<number | undefined> {
  let last: { at: number; value: number | undefined } | undefined;
  let pending: Promise<number | undefined> | undefined;
  const read = () =>
    poller
      .lag()
      .catch((err: unknown) => {
        logger.warn({ source: poller.sourceId, err: String(err) }, 'cannot read the broker lag for /metrics');
        return undefined;
      })
      .then((value) => {
        last = { at: Date.now(), value };
        pending = undefined;
        return value;
      });
  return async () => (last && Date.now() - last.at < LAG_CACHE_MS ? last.value : (pending ??= read()));
}
