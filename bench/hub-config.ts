// The configs the benchmark runs Barrage with: one tenant, destinations for each scenario.
export interface HubConfigOptions {
  address: string;
  taskQueue: string;
  sinkUrl: string;
  maxFanout: number;
}

export const NAMESPACE = 'bench';
export const API_KEY = 'bench-key';
/** Scenario 15's second tenant, in a namespace of its own. */
export const TENANT_B = { id: 'bench-b', namespace: 'bench-b', apiKey: 'bench-key-b' };
export const COST_DESTINATIONS = [1, 3, 10] as const;
/** Deliveries are signed, as in production. */
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** d<i> subscribes to fan<N>.* for every N > i, and to cost<D>.* for every D > i. */
function fanDestinations(o: HubConfigOptions, fanouts: number[]) {
  return Array.from({ length: o.maxFanout }, (_, i) => ({
    id: `d${i}`,
    url: `${o.sinkUrl}/d${i}`,
    events: [
      ...fanouts.filter((n) => i < n).map((n) => `fan${n}.*`),
      ...COST_DESTINATIONS.filter((d) => i < d).map((d) => `cost${d}.*`),
    ],
    secret: SECRET,
    retry: { initialInterval: '100ms', jitter: 0 },
  }));
}

export function hubConfig(o: HubConfigOptions, fanouts: number[]) {
  return {
    server: { port: 0 },
    temporal: { address: o.address, taskQueue: o.taskQueue, manageNamespaces: true },
    security: { allowPrivateDestinations: true },
    log: { level: 'info' },
    // BENCH_FIXED_WORKFLOW_TASKS=1: the fixed slots of before issue 17's fairness work, for before/after runs.
    ...(process.env.BENCH_FIXED_WORKFLOW_TASKS ? { worker: { adaptiveWorkflowTasks: false } } : {}),
    tenants: [
      {
        id: 'bench',
        namespace: NAMESPACE,
        apiKeys: [API_KEY],
        destinations: [
          { id: 'one', url: `${o.sinkUrl}/one`, events: ['e2e.*'], secret: SECRET },
          {
            id: 'flaky',
            url: `${o.sinkUrl}/flaky`,
            events: ['retry.*'],
            secret: SECRET,
            retry: { initialInterval: '100ms', backoffCoefficient: 1, maximumAttempts: 30, jitter: 0 },
            // Scenario 6 measures retrying itself: a sink failing half its requests would open
            // the circuit breaker (5 in a row) and hold the deliveries for its cool-down.
            breaker: { enabled: false },
          },
          // Scenario 14: a rate-limited destination, and a paused one whose deliveries are held.
          { id: 'limited', url: `${o.sinkUrl}/limited`, events: ['limited.*'], secret: SECRET, rateLimit: { perSecond: 20 } },
          { id: 'paused', url: `${o.sinkUrl}/paused`, events: ['paused.*'], secret: SECRET, paused: true },
          // Scenario 15: the slow destination of tenant A's burst.
          { id: 'slow', url: `${o.sinkUrl}/slow`, events: ['burst.*'], secret: SECRET },
          ...fanDestinations(o, fanouts),
        ].filter((d) => d.events.length > 0),
      },
      {
        id: TENANT_B.id,
        namespace: TENANT_B.namespace,
        apiKeys: [TENANT_B.apiKey],
        destinations: [{ id: 'fast', url: `${o.sinkUrl}/fast`, events: ['probe.*'], secret: SECRET }],
      },
    ],
  };
}
