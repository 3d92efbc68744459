// One event: its payload (pretty JSON, or the text as received), each delivery's state and next
// retry, every attempt with its response excerpt, and retry now / cancel.
import { ApiError } from '../../base/api-error';
import type { PortalPage } from '../context';
import { page, requireCapability } from '../context';
import { statusBadge } from '../format';
import { html, type Html } from '../html';
import { actionButton, listTable, notice, sessionPage, time } from '../layout';
import type { PortalRoute } from '../router';

interface EventStatus {
  id: string;
  type: string;
  source: string;
  receivedAt: string;
  status: string;
  destinations: {
    destination: string;
    status: string;
    attempts: number;
    nextAttemptAt?: string;
    expiresAt?: string;
    deadLetteredTo?: string;
    cancelReason?: string;
  }[];
}

interface Attempt {
  destination: string;
  attempt: number;
  startedAt: string;
  durationMs: number;
  outcome: string;
  statusCode?: number;
  error?: string;
  responseExcerpt?: string;
}

interface Payload {
  contentType: string;
  encoding: 'utf8' | 'base64';
  body: string;
}

const FINAL = new Set(['delivered', 'failed', 'cancelled', 'expired']);

export function payloadView(payload: Payload): Html {
  if (payload.encoding === 'base64')
    return html`<p class="muted">
        ${payload.contentType}, ${Buffer.from(payload.body, 'base64').length} bytes (not text; base64 below)
      </p>
      <pre class="payload">${payload.body}</pre>`;
  let shown = payload.body;
  if (/json/i.test(payload.contentType)) {
    try {
      shown = JSON.stringify(JSON.parse(payload.body), null, 2);
    } catch {
      // Shown as received: a body that says JSON but is not.
    }
  }
  return html`<p class="muted">${payload.contentType}</p>
    <pre class="payload">${shown}</pre>`;
}

export async function eventPage(p: PortalPage, id: string, message?: Html) {
  const params = { id };
  const [event, attempts, payload] = await Promise.all([
    p.call<EventStatus>('getEvent', { params }),
    p.call<{ attempts: Attempt[] }>('listEventAttempts', { params }),
    p.call<Payload>('getEventPayload', { params }),
  ]);
  const url = `${p.base}/events/${encodeURIComponent(event.id)}`;
  const open = event.destinations.some((d) => !FINAL.has(d.status));
  const actions = p.can('replay')
    ? html`<div class="actions">
        ${actionButton(p, `${url}/retry`, 'Retry now')}${open ? actionButton(p, `${url}/cancel`, 'Cancel', { danger: true }) : ''}
      </div>`
    : '';
  const body = html`${message ?? ''}
    <div class="title-row">
      <h1>${event.id}</h1>
      ${statusBadge(event.status)}
    </div>
    <dl class="figures">
      <div>
        <dt>Type</dt>
        <dd>${event.type}</dd>
      </div>
      <div>
        <dt>Source</dt>
        <dd>${event.source}</dd>
      </div>
      <div>
        <dt>Received</dt>
        <dd>${time(event.receivedAt)}</dd>
      </div>
    </dl>
    ${actions}
    <section aria-labelledby="deliveries-h">
      <h2 id="deliveries-h">Deliveries</h2>
      ${deliveries(p, event)}
    </section>
    <section aria-labelledby="attempts-h">
      <h2 id="attempts-h">Attempts</h2>
      ${attemptTable(attempts.attempts)}
    </section>
    <section aria-labelledby="payload-h">
      <h2 id="payload-h">Payload</h2>
      ${payloadView(payload)}
    </section>`;
  return page(sessionPage(p, 'events', event.id, body));
}

function deliveries(p: PortalPage, event: EventStatus): Html {
  if (!event.destinations.length) return html`<p>No endpoint subscribed to this event type.</p>`;
  return listTable(
    ['Endpoint', 'Status', 'Attempts', 'Next retry'],
    event.destinations.map(
      (d) =>
        html`<tr>
          <td><a href="${p.base}/endpoints/${encodeURIComponent(d.destination)}">${d.destination}</a></td>
          <td>
            ${statusBadge(d.status)}${d.cancelReason
              ? html` <span class="muted small">${d.cancelReason}</span>`
              : ''}${d.deadLetteredTo ? html` <span class="muted small">dead letter → ${d.deadLetteredTo}</span>` : ''}
          </td>
          <td>${d.attempts}</td>
          <td>${time(d.nextAttemptAt)}</td>
        </tr>`,
    ),
  );
}

function attemptTable(attempts: Attempt[]): Html {
  if (!attempts.length) return html`<p>No attempt yet.</p>`;
  return listTable(
    ['Endpoint', '#', 'Time', 'Duration', 'Status', 'Error class', 'Response'],
    attempts.map(
      (a) =>
        html`<tr>
          <td>${a.destination}</td>
          <td>${a.attempt}</td>
          <td>${time(a.startedAt)}</td>
          <td>${a.durationMs} ms</td>
          <td>${a.statusCode ?? '—'}</td>
          <td>${a.outcome}${a.error ? html`<div class="muted small">${a.error}</div>` : ''}</td>
          <td>${a.responseExcerpt ? html`<pre class="excerpt">${a.responseExcerpt}</pre>` : '—'}</td>
        </tr>`,
    ),
    'attempts',
  );
}

function eventAction(operationId: 'retryEvent' | 'cancelEvent', done: (r: Record<string, string[]>) => string) {
  return async (p: PortalPage) => {
    requireCapability(p, 'replay');
    const id = p.param('id');
    try {
      const result = await p.call<Record<string, string[]>>(operationId, { params: { id }, body: {} });
      return eventPage(p, id, notice('ok', done(result)));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) return eventPage(p, id, notice('info', err.message));
      throw err;
    }
  };
}

export const eventRoutes: PortalRoute[] = [
  { method: 'get', path: '/events/:id', handle: (p) => eventPage(p, p.param('id')) },
  {
    method: 'post',
    path: '/events/:id/retry',
    handle: eventAction('retryEvent', (r) => `Retrying: ${r.retried?.join(', ') || 'nothing to retry'}.`),
  },
  {
    method: 'post',
    path: '/events/:id/cancel',
    handle: eventAction('cancelEvent', (r) => `Cancelling: ${r.cancelled?.join(', ') || 'nothing open'}.`),
  },
];
