// Scenario 14: what protecting a destination costs and how exactly it holds. The rate limiter's
// accuracy (arrivals per second at the sink against the configured rate, after the first second's
// burst), and what a held delivery (a paused destination) adds to Temporal while it waits: history
// events (none) and looks (activity retries; each is a billed action on Temporal Cloud) per minute.
import type { Client } from '@temporalio/client';
import { deliveryWorkflowId } from '../src/contracts';
import type { Pool } from 'undici';
import { API_KEY } from './hub-config';
import { postEvent } from './scenarios';
import type { BenchSink } from './sink';

export const LIMITED_PER_SECOND = 20;

export interface RateLimitRun {
  events: number;
  seconds: number;
  /** Arrivals per second after the first second, ÷ the configured rate. */
  observedToConfigured: number;
  busiestSecond: number;
}

export interface HeldCost {
  waitedSeconds: number;
  historyEventsAtStart: number;
  historyEventsAdded: number;
  looksPerMinute: number;
}

/** Posts `events` to the rate-limited destination in batches and times their arrivals. */
export async function rateLimitAccuracy(pool: Pool, sink: BenchSink, events: number, tag: string): Promise<RateLimitRun> {
  const ids: string[] = [];
  for (let sent = 0; sent < events; sent += 100) {
    const batch = Array.from({ length: Math.min(100, events - sent) }, (_, n) => ({
      type: 'limited.item',
      data: { n: sent + n, tag },
    }));
    const res = await pool.request({
      path: '/v1/events/batch',
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: batch }),
    });
    const body = (await res.body.json()) as { results: { id: string }[] };
    ids.push(...body.results.map((r) => r.id));
  }
  const times = (await Promise.all(ids.map((id) => sink.waitFor(`${id}/limited`, 120_000)))).sort((a, b) => a - b);
  const first = times[0];
  const afterBurst = times.filter((t) => t > first + 1000);
  const span = (times[times.length - 1] - (first + 1000)) / 1000;
  return {
    events,
    seconds: (times[times.length - 1] - first) / 1000,
    observedToConfigured: afterBurst.length / span / LIMITED_PER_SECOND,
    busiestSecond: busiest(times),
  };
}

function busiest(sorted: number[]): number {
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/** One event to the paused destination: its history and its attempt's runs, `waitSeconds` apart. */
export async function heldDeliveryCost(pool: Pool, client: Client, waitSeconds: number): Promise<HeldCost> {
  const eventId = await postEvent(pool, 'paused.item');
  const handle = client.workflow.getHandle(deliveryWorkflowId(eventId, 'paused'));
  // The callback starts its deliveries after it was accepted: until then there is nothing to read.
  const look = async () => {
    try {
      const [history, description] = await Promise.all([handle.fetchHistory(), handle.describe()]);
      const runs = description.raw.pendingActivities?.[0]?.attempt ?? 0;
      return { events: history.events?.length ?? 0, runs };
    } catch {
      return { events: 0, runs: 0 };
    }
  };
  // The first hold has happened once the attempt is on its second run.
  const deadline = Date.now() + 30_000;
  let start = await look();
  while (start.runs < 2 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    start = await look();
  }
  await new Promise((r) => setTimeout(r, waitSeconds * 1000));
  const end = await look();
  return {
    waitedSeconds: waitSeconds,
    historyEventsAtStart: start.events,
    historyEventsAdded: end.events - start.events,
    looksPerMinute: ((end.runs - start.runs) * 60) / waitSeconds,
  };
}
