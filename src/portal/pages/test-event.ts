// "Send test event": a signed barrage.test through the normal path, then (back on the endpoint's
// page, ?test=<id>) its first attempt shown inline: the page waits a few seconds for it; without
// one yet, it links to the event.
import { setTimeout as sleep } from 'node:timers/promises';
import type { PortalPage } from '../context';
import { redirect } from '../context';
import type { DestinationView } from '../format';
import { statusBadge } from '../format';
import { html, type Html } from '../html';
import { actionButton, notice } from '../layout';
import type { PortalRoute } from '../router';
import { endpointUrl, ownEndpoint } from './endpoint';

const WAIT_MS = 8000;
const POLL_MS = 250;

interface Delivery {
  destination: string;
  status: string;
  lastAttempt?: { statusCode?: number; durationMs: number; error?: string; responseExcerpt?: string };
}

export interface TestResult {
  id: string;
  delivery?: Delivery;
}

export function testPanel(p: PortalPage, d: DestinationView, result?: TestResult): Html {
  return html`<section aria-labelledby="test-h">
    <h2 id="test-h">Send a test event</h2>
    <p class="muted">A signed <code>barrage.test</code> event, delivered like any other.</p>
    ${result ? testOutcome(p, result) : ''} ${actionButton(p, `${endpointUrl(p, d.id)}/test`, 'Send test event')}
  </section>`;
}

function testOutcome(p: PortalPage, r: TestResult): Html {
  const link = html`<a href="${p.base}/events/${encodeURIComponent(r.id)}">${r.id}</a>`;
  const a = r.delivery?.lastAttempt;
  if (!r.delivery || !a) return notice('info', html`Test event ${link} sent; no attempt yet.`);
  const kind = r.delivery.status === 'delivered' ? 'ok' : 'error';
  return notice(
    kind,
    html`Test event ${link}: ${statusBadge(r.delivery.status)} ${a.statusCode ? `HTTP ${a.statusCode}` : (a.error ?? '')} in
    ${a.durationMs} ms${a.responseExcerpt ? html`<pre class="excerpt">${a.responseExcerpt}</pre>` : ''}`,
  );
}

async function send(p: PortalPage) {
  const d = await ownEndpoint(p, 'send_test');
  const sent = await p.call<{ id: string }>('sendTestEvent', { params: { id: d.id } });
  return redirect(`${endpointUrl(p, d.id)}?test=${encodeURIComponent(sent.id)}`);
}

/** Bounded wait for the first attempt (or a final status) of the test delivery. */
export async function firstAttempt(p: PortalPage, eventId: string, destination: string): Promise<Delivery | undefined> {
  let found: Delivery | undefined;
  for (let waited = 0; waited <= WAIT_MS; waited += POLL_MS) {
    const event = await p.call<{ destinations: Delivery[] }>('getEvent', { params: { id: eventId } }).catch(() => undefined);
    found = event?.destinations.find((d) => d.destination === destination);
    if (found?.lastAttempt) return found;
    await sleep(POLL_MS);
  }
  return found;
}

export const testRoutes: PortalRoute[] = [{ method: 'post', path: '/endpoints/:id/test', handle: send }];
