// The event log: filtered by status, event type, endpoint and time on Temporal visibility (the
// API's listEvents), paged by its cursor; an event id typed into the search opens that event.
import { ApiError } from '../../base/api-error';
import { DELIVERY_STATUSES } from '../../contracts';
import type { PortalPage } from '../context';
import { page, redirect } from '../context';
import { html, query } from '../html';
import { listTable, sessionPage, time } from '../layout';
import type { PortalRoute } from '../router';
import { sinceOf } from './replay';

interface EventList {
  events: { id: string; type: string; source: string; receivedAt: string; destinations: string[] }[];
  nextCursor?: string;
  /** Set by the page, not the API: why the filters were refused. */
  problem?: string;
}

const str = (v: unknown, max = 200) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

function filtersOf(p: PortalPage) {
  const q = p.req.query;
  return {
    status: DELIVERY_STATUSES.find((s) => s === q.status) ?? '',
    type: str(q.type),
    endpoint: str(q.endpoint),
    since: str(q.since, 40),
    until: str(q.until, 40),
    cursor: str(q.cursor, 5000),
  };
}

/** The API's query for the form's filters (a bad time is the API's 400, shown on the page). */
function apiQueryOf(f: ReturnType<typeof filtersOf>) {
  const time = (v: string) => {
    try {
      return sinceOf(v);
    } catch (err) {
      throw new ApiError(400, 'invalid_request', `${(err as Error).message}: "${v}"`);
    }
  };
  return {
    limit: 50,
    ...(f.status ? { status: f.status } : {}),
    ...(f.type ? { type: f.type } : {}),
    ...(f.endpoint ? { destination: f.endpoint } : {}),
    ...(f.since ? { since: time(f.since) } : {}),
    ...(f.until ? { until: time(f.until) } : {}),
    ...(f.cursor ? { cursor: f.cursor } : {}),
  };
}

async function log(p: PortalPage) {
  const id = str(p.req.query.id, 128);
  if (id) return redirect(`${p.base}/events/${encodeURIComponent(id)}`);
  const f = filtersOf(p);
  // A bad time or cursor is the API's 400: shown on the page, with the form to correct it.
  const list = await (async () => p.call<EventList>('listEvents', { query: apiQueryOf(f) }))().catch((err: unknown) => {
    if (err instanceof ApiError && err.status === 400) return { events: [], problem: err.message } as EventList;
    throw err;
  });
  const { problem } = list;
  const next = list.nextCursor ? `${p.base}/events${query({ ...f, cursor: list.nextCursor })}` : undefined;
  const rows = list.events.map(
    (e) =>
      html`<tr>
        <td><a href="${p.base}/events/${encodeURIComponent(e.id)}">${e.id}</a></td>
        <td>${e.type}</td>
        <td>${time(e.receivedAt)}</td>
        <td>${e.destinations.join(', ') || html`<span class="muted">none</span>`}</td>
      </tr>`,
  );
  const body = html`<h1>Event log</h1>
    <form method="get" action="${p.base}/events" role="search" class="filters">
      <label>Event id <input name="id" placeholder="evt_…" /></label>
      <button type="submit">Open</button>
    </form>
    <form method="get" action="${p.base}/events" class="filters">
      <label
        >Status
        <select name="status">
          <option value="">any</option>
          ${DELIVERY_STATUSES.map((s) => html`<option value="${s}" ${s === f.status ? html` selected` : ''}>${s}</option>`)}
        </select></label
      >
      <label>Event type <input name="type" value="${f.type}" /></label>
      <label>Endpoint <input name="endpoint" value="${f.endpoint}" /></label>
      <label>From (UTC) <input type="datetime-local" name="since" value="${f.since.slice(0, 16)}" /></label>
      <label>To (UTC) <input type="datetime-local" name="until" value="${f.until.slice(0, 16)}" /></label>
      <button type="submit">Filter</button>
    </form>
    ${problem ? html`<p class="notice error" role="alert">${problem}</p>` : ''}
    ${rows.length ? listTable(['Event', 'Type', 'Received', 'Endpoints'], rows) : html`<p>No events match.</p>`}
    <nav class="pager" aria-label="Pages">
      ${f.cursor ? html`<a href="${p.base}/events${query({ ...f, cursor: undefined })}">First page</a>` : ''}${next
        ? html`<a href="${next}" rel="next">Next</a>`
        : ''}
    </nav>`;
  return page(sessionPage(p, 'events', 'Event log', body));
}

export const eventLogRoutes: PortalRoute[] = [{ method: 'get', path: '/events', handle: log }];
