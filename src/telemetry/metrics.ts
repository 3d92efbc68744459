// Barrage's Prometheus metrics: one registry per process, read by GET /metrics. Labels are
// bounded (tenants, sources and destinations are configured or limited; outcomes and statuses
// are fixed lists): never an event id, a URL or free text.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds: from a fast local sink to a destination near its timeout. */
const ATTEMPT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
/** Seconds: a first-attempt delivery takes well under a second, a retried one minutes to days. */
const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21600, 86400];
/** Seconds: accept is one Temporal start. */
const ACCEPT_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'barrage_' });
  const registers = [registry];
  return {
    registry,
    /** Other Prometheus endpoints of this process to append (the Temporal SDK's). */
    sources: [] as string[],
    eventsReceived: new Counter({
      name: 'barrage_events_received_total',
      help: 'callbacks offered to ingest, by result: accepted, duplicate, conflict, invalid, too_large, unavailable',
      labelNames: ['tenant', 'source', 'result'] as const,
      registers,
    }),
    acceptDuration: new Histogram({
      name: 'barrage_accept_duration_seconds',
      help: 'time to accept one callback (validation and the Temporal start)',
      labelNames: ['tenant', 'source'] as const,
      buckets: ACCEPT_BUCKETS,
      registers,
    }),
    attempts: new Counter({
      name: 'barrage_delivery_attempts_total',
      help: 'delivery attempts, by outcome (delivered, retryable, permanent, cancelled) and status class (2xx…5xx, none)',
      labelNames: ['tenant', 'destination', 'outcome', 'status_class'] as const,
      registers,
    }),
    attemptDuration: new Histogram({
      name: 'barrage_delivery_attempt_duration_seconds',
      help: 'duration of one delivery attempt',
      labelNames: ['tenant', 'destination'] as const,
      buckets: ATTEMPT_BUCKETS,
      registers,
    }),
    deliveries: new Counter({
      name: 'barrage_deliveries_total',
      help: 'deliveries that ended, by final status: delivered, failed, cancelled',
      labelNames: ['tenant', 'destination', 'status'] as const,
      registers,
    }),
    deadLetters: new Counter({
      name: 'barrage_dead_letters_total',
      help: 'dead letters that ended, by dead-letter destination and final status: delivered, failed, cancelled (its target deleted); anything but delivered is a failure no dead-letter destination has',
      labelNames: ['tenant', 'destination', 'status'] as const,
      registers,
    }),
    circuitState: new Gauge({
      name: 'barrage_circuit_state',
      help: "a destination's circuit breaker as this process last saw it: 0 closed, 1 half open, 2 open (destinations that never failed are absent)",
      labelNames: ['tenant', 'destination'] as const,
      registers,
    }),
    circuitTransitions: new Counter({
      name: 'barrage_circuit_transitions_total',
      help: 'circuit breaker changes made by this process, by the state entered: open, half_open, closed',
      labelNames: ['tenant', 'destination', 'to'] as const,
      registers,
    }),
    attemptsHeld: new Counter({
      name: 'barrage_attempts_held_total',
      help: 'attempts held back without a request (no attempt used), by reason: paused, disabled, circuit_open, in_flight, rate_limited',
      labelNames: ['tenant', 'destination', 'reason'] as const,
      registers,
    }),
    workflowTaskLimit: new Gauge({
      name: 'barrage_workflow_task_limit',
      help: "workflow tasks a namespace may have in flight in this process, as learned from Temporal's round trips (worker.adaptiveWorkflowTasks)",
      labelNames: ['namespace'] as const,
      registers,
    }),
    deliveryLatency: new Histogram({
      name: 'barrage_delivery_latency_seconds',
      help: 'from the callback accepted to the destination having it (delivered deliveries)',
      labelNames: ['tenant', 'destination'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** This process's metrics: Barrage's registry, then each other source's text (a missing one is skipped). */
export async function metricsText(metrics: Metrics): Promise<string> {
  const own = await metrics.registry.metrics();
  const others = await Promise.all(
    metrics.sources.map((url) =>
      fetch(url, { signal: AbortSignal.timeout(2_000) })
        .then((r) => (r.ok ? r.text() : ''))
        .catch(() => ''),
    ),
  );
  return [own, ...others].filter(Boolean).join('\n');
}

/** "2xx" … "5xx", or "none" when no HTTP status came back (a queue, a timeout, a refused connection). */
export const statusClass = (status: number | undefined) => (status === undefined ? 'none' : `${Math.floor(status / 100)}xx`);
