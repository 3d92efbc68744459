// One event: its payload (pretty JSON, or the text as received), each delivery's state and next
// retry, every attempt with its response excerpt, and retry now / cancel.
import { ApiError } from '../../base/api-error';
import type { PortalPage } from '../context';
import { page, redirect, requireCapability } from '../context';
import { statusBadge } from '../format';
import { html, query, type Html } from '../html';
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
    // The payload comes from the event's history: if that read fails, the rest is still worth showing.
    p.call<Payload>('getEventPayload', { params }).catch((err: unknown) => err as Error),
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
      ${payload instanceof Error ? html`<p class="muted">The payload could not be read just now.</p>` : payloadView(payload)}
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

const IDS = /^[A-Za-z0-9._:-]{1,128}(,[A-Za-z0-9._:-]{1,128}){0,200}$/;

/** What a retry or cancel did, from the query it redirected with (destination ids only). */
function doneMessage(p: PortalPage): Html | undefined {
  const said = (key: string) =>
    typeof p.req.query[key] === 'string' && IDS.test(p.req.query[key]) ? p.req.query[key] : undefined;
  const retried = said('retried');
  const cancelled = said('cancelled');
  if (retried !== undefined) return notice('ok', `Retrying: ${retried.split(',').join(', ')}.`);
  if (cancelled !== undefined) return notice('ok', `Cancelling: ${cancelled.split(',').join(', ')}.`);
  if (p.req.query.none === 'retry') return notice('info', 'Nothing to retry: every delivery is delivered or in progress.');
  return undefined;
}

function eventAction(operationId: 'retryEvent' | 'cancelEvent') {
  return async (p: PortalPage) => {
    // Looked up first: another tenant's event is 404 whatever the session may do.
    const { id } = await p.call<EventStatus>('getEvent', { params: { id: p.param('id') } });
    requireCapability(p, 'replay');
    const url = `${p.base}/events/${encodeURIComponent(id)}`;
    try {
      const result = await p.call<{ retried?: string[]; cancelled?: string[] }>(operationId, { params: { id }, body: {} });
      const ids = result.retried ?? result.cancelled ?? [];
      if (!ids.length) return redirect(`${url}?none=retry`);
      return redirect(`${url}${query({ [operationId === 'retryEvent' ? 'retried' : 'cancelled']: ids.join(',') })}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) return eventPage(p, id, notice('info', err.message));
      throw err;
    }
  };
}

export const eventRoutes: PortalRoute[] = [
  { method: 'get', path: '/events/:id', handle: (p) => eventPage(p, p.param('id'), doneMessage(p)) },
  { method: 'post', path: '/events/:id/retry', handle: eventAction('retryEvent') },
  { method: 'post', path: '/events/:id/cancel', handle: eventAction('cancelEvent') },
];
