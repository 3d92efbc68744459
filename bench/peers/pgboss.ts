// The pg-boss reference dispatcher: one PostgreSQL transaction per accepted event, one job per
// destination, pg-boss's own retry/backoff and dead-letter queue.
import PgBoss from 'pg-boss';
import { Pool, type PoolClient } from 'pg';
import { listenPeerApi, type PeerApi } from './api';
import { deliver, errorText, log, type PeerDestination, type JobData, type PeerSettings, type PeerWorker } from './settings';

const QUEUE = 'webhooks';
const DEAD = 'webhooks-dead';

async function ensureQueues(boss: PgBoss, settings: PeerSettings): Promise<void> {
  const options = {
    name: QUEUE,
    retryLimit: settings.retry.maxAttempts - 1,
    // Whole seconds; pg-boss doubles it per retry and adds its own jitter.
    retryDelay: settings.retry.initialSeconds,
    retryBackoff: true,
    deadLetter: DEAD,
    // A job left active by a worker or database crash is retried once it expires; the default
    // (15 minutes) would hold it far longer than any delivery can take.
    expireInSeconds: Math.max(30, Math.ceil((3 * settings.timeoutMs) / 1000)),
  };
  // The dead-letter queue must exist before a queue names it (foreign key).
  await boss.createQueue(DEAD, { name: DEAD });
  // createQueue does nothing when the queue exists; updateQueue applies changed settings.
  await boss.createQueue(QUEUE, options);
  await boss.updateQueue(QUEUE, options);
}

function newBoss(settings: PeerSettings, role: string, extra: PgBoss.ConstructorOptions = {}): PgBoss {
  const boss = new PgBoss({ connectionString: settings.storeUrl, application_name: `peer-${role}`, ...extra });
  // A killed PostgreSQL surfaces here (pool and maintenance errors); pg's pool reconnects on the
  // next query, so logging is all there is to do.
  boss.on('error', (err) => log(`peer ${role} store error`, { error: errorText(err) }));
  return boss;
}

/**
 * Dedupe and enqueue in one transaction: a row in a dedupe table keyed by event id, then the jobs
 * through pg-boss's own `insert` on the same connection (its `db` option). pg-boss's insert cannot
 * tell a conflict from an insert (it returns nothing), so the dedupe table decides; a concurrent
 * identical POST waits on that row's unique index and then sees it as a duplicate. The table keeps
 * ids forever (pg-boss archives and drops jobs, which would reopen the window).
 */
async function enqueueOnce(pool: Pool, boss: PgBoss, job: { eventId: string; body: string; destinationIds: string[] }) {
  const client: PoolClient = await pool.connect();
  let broken = false;
  // pg's pool listens for errors on idle clients only: a checked-out one whose server dies would
  // emit an unhandled 'error' and end the process (the query itself rejects as well).
  const onError = () => (broken = true);
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const seen = await client.query('INSERT INTO peer_events (id) VALUES ($1) ON CONFLICT DO NOTHING', [job.eventId]);
    if (seen.rowCount === 0) {
      await client.query('ROLLBACK');
      return 'duplicate' as const;
    }
    if (job.destinationIds.length) {
      const jobs = job.destinationIds.map((destinationId) => ({
        name: QUEUE,
        data: { eventId: job.eventId, destinationId, body: job.body } satisfies JobData,
      }));
      await boss.insert(jobs, { db: { executeSql: (text, values) => client.query(text, values) } });
    }
    await client.query('COMMIT');
    return 'new' as const;
  } catch (err) {
    broken = true;
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    // A connection that failed mid-transaction may be dead (PostgreSQL killed): drop it from the
    // pool, keeping the listener for what its closing socket still reports.
    if (!broken) client.off('error', onError);
    client.release(broken);
  }
}

export async function startPeerApi(settings: PeerSettings): Promise<PeerApi> {
  // The api only inserts: no maintenance or cron loops of its own (the worker's boss runs them).
  const boss = newBoss(settings, 'api', { supervise: false, schedule: false, max: 2 });
  await boss.start();
  await ensureQueues(boss, settings);
  const pool = new Pool({ connectionString: settings.storeUrl, max: 20, application_name: 'peer-api' });
  pool.on('error', (err) => log('peer api store error', { error: errorText(err) }));
  await pool.query('CREATE TABLE IF NOT EXISTS peer_events (id text PRIMARY KEY, created_on timestamptz NOT NULL DEFAULT now())');
  const api = await listenPeerApi(settings, (eventId, body, destinationIds) =>
    enqueueOnce(pool, boss, { eventId, body, destinationIds }),
  );
  return {
    url: api.url,
    async close() {
      await api.close();
      await boss.stop({ graceful: false, wait: true });
      await pool.end();
    },
  };
}

export async function startPeerWorker(settings: PeerSettings): Promise<PeerWorker> {
  // Maintenance (expiring jobs a crash left active) every 15 s instead of 2 minutes, so a crashed
  // delivery is retried soon after its expiry.
  const boss = newBoss(settings, 'worker', { maintenanceIntervalSeconds: 15, max: 10 });
  await boss.start();
  await ensureQueues(boss, settings);
  const destinations = new Map(settings.destinations.map((d) => [d.id, d]));
  let workerId = '';
  // One poller fetching `concurrency` jobs at a time, delivered concurrently. pg-boss 10 completes
  // or fails a batch as a whole by the handler's outcome, which would retry a batch's successes
  // along with its one failure; so each job's outcome is recorded here (fail() the failures,
  // complete() the rest) and the handler returns normally: pg-boss's own complete() then finds no
  // job still active. One poller per slot (batchSize 1) would avoid the batch's wait for its
  // slowest delivery, but costs `concurrency` polling queries every interval while idle.
  workerId = await boss.work<JobData>(QUEUE, { batchSize: settings.concurrency, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    const outcomes = await Promise.allSettled(jobs.map((job) => deliverJob(destinations.get(job.data.destinationId), job.data)));
    const done = jobs.filter((_, i) => outcomes[i].status === 'fulfilled').map((j) => j.id);
    const failures = jobs.flatMap((job, i) => {
      const outcome = outcomes[i];
      return outcome.status === 'rejected' ? [boss.fail(QUEUE, job.id, { message: errorText(outcome.reason) })] : [];
    });
    await Promise.all([...failures, done.length ? boss.complete(QUEUE, done) : undefined]);
    // A full batch means a backlog: fetch again at once rather than sleep out the polling interval.
    if (jobs.length === settings.concurrency) boss.notifyWorker(workerId);
  });
  log('peer worker running', { kind: 'pgboss', concurrency: settings.concurrency });
  return {
    async close() {
      // Jobs still in flight are failed (and so retried) by stop() after the grace period.
      await boss.stop({ graceful: true, timeout: settings.timeoutMs + 1000, wait: true });
    },
  };

  function deliverJob(dest: PeerDestination | undefined, data: JobData) {
    if (!dest) return Promise.reject(new Error(`unknown destination ${data.destinationId}`));
    return deliver(dest, { id: data.eventId, body: data.body }, settings.timeoutMs);
  }
}
