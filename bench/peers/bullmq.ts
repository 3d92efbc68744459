// The BullMQ reference dispatcher: one job per destination added in one MULTI, BullMQ's own
// attempts/backoff, and its failed set as the dead-letter queue.
import { Queue, Worker, type JobsOptions, type RedisOptions } from 'bullmq';
import { listenPeerApi, type PeerApi } from './api';
import { deliver, errorText, log, type JobData, type PeerSettings, type PeerWorker } from './settings';

const QUEUE = 'webhooks';

function redisOptions(settings: PeerSettings): RedisOptions {
  const url = new URL(settings.storeUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    // Reconnect forever, at most 2 s apart: a killed Redis that comes back is used again within
    // seconds (BullMQ's own default backs off to 20 s).
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  };
}

function jobOptions(settings: PeerSettings): JobsOptions {
  return {
    attempts: settings.retry.maxAttempts,
    backoff: { type: 'exponential', delay: settings.retry.initialSeconds * 1000, jitter: 0.5 },
    // Completed jobs stay an hour, so their ids still mark the event as seen for the dedupe check.
    removeOnComplete: { age: 3600 },
    // The failed set is the dead-letter queue: exhausted jobs stay there, inspectable and
    // retryable with job.retry(), and their ids keep answering duplicate. A separate queue would
    // need a second write that a crash could separate from the failure.
    removeOnFail: false,
  };
}

export async function startPeerApi(settings: PeerSettings): Promise<PeerApi> {
  const queue = new Queue<JobData, void, 'deliver'>(QUEUE, {
    connection: {
      ...redisOptions(settings),
      // While Redis is down, commands fail at once (the api answers 503) instead of queueing in
      // memory until it returns; one in flight when it dies gives up after 5 s.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 5000,
    },
    defaultJobOptions: jobOptions(settings),
  });
  queue.on('error', (err) => log('peer api store error', { error: errorText(err) }));
  await queue.waitUntilReady();
  const api = await listenPeerApi(settings, async (eventId, body, destinationIds) => {
    // Custom job ids may not contain ':' (BullMQ's key separator); event ids are hex.
    const ids = destinationIds.map((d) => `${eventId}.${d}`);
    // BullMQ's add ignores a job whose id exists but returns a Job either way, so whether the
    // event was seen is checked first. Two identical POSTs racing between this check and the
    // MULTI both answer 202, but BullMQ's jobId dedupe still leaves one job per destination: only
    // the duplicate flag is wrong, never the deliveries. An event routed nowhere stores nothing
    // and so is never reported as a duplicate.
    const existing = await Promise.all(ids.map((id) => queue.getJob(id)));
    if (existing.some((job) => job !== undefined)) return 'duplicate';
    if (ids.length) {
      await queue.addBulk(
        ids.map((jobId, i) => ({
          name: 'deliver',
          data: { eventId, destinationId: destinationIds[i], body },
          opts: { jobId },
        })),
      );
    }
    return 'new';
  });
  return {
    url: api.url,
    async close() {
      await api.close();
      await queue.close();
    },
  };
}

export async function startPeerWorker(settings: PeerSettings): Promise<PeerWorker> {
  const destinations = new Map(settings.destinations.map((d) => [d.id, d]));
  const worker = new Worker<JobData>(
    QUEUE,
    async (job) => {
      const dest = destinations.get(job.data.destinationId);
      if (!dest) throw new Error(`unknown destination ${job.data.destinationId}`);
      await deliver(dest, { id: job.data.eventId, body: job.data.body }, settings.timeoutMs);
    },
    {
      // Blocking commands wait for Redis to return rather than fail (BullMQ requires null here).
      connection: { ...redisOptions(settings), maxRetriesPerRequest: null },
      concurrency: settings.concurrency,
    },
  );
  // Connection errors while Redis is down: the worker reconnects by itself; an unhandled 'error'
  // event would end the process instead.
  worker.on('error', (err) => log('peer worker store error', { error: errorText(err) }));
  await worker.waitUntilReady();
  log('peer worker running', { kind: 'bullmq', concurrency: settings.concurrency });
  return {
    // Waits for the deliveries in flight; BullMQ returns unfinished ones to the queue when their lock lapses.
    close: () => worker.close(),
  };
}
