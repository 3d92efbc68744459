// "Replay failed since …": a preview of how many deliveries it would send, then the replay's
// progress (a replay workflow in the tenant's namespace, paced by limits.replayPerSecond).
import { ApiError } from '../../base/api-error';
import type { PortalPage } from '../context';
import { page, redirect } from '../context';
import type { DestinationView } from '../format';
import { html, type Html } from '../html';
import { actionButton, notice, sessionPage, time } from '../layout';
import type { PortalRoute } from '../router';
import { endpointPage, endpointUrl, ownEndpoint } from './endpoint';

interface Replay {
  id: string;
  status: string;
  matched: number;
  replayed: number;
  skipped: number;
  errors: number;
  startedAt: string;
  finishedAt?: string;
  filter: { since: string; destination?: string };
}

/** A datetime-local value (no zone: read as UTC, as the form says) or an RFC 3339 time, as RFC 3339. */
export function sinceOf(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  if (!m || Number.isNaN(Date.parse(`${m[1]}${m[2] ?? ':00'}${m[4] ?? 'Z'}`)))
    throw new ApiError(400, 'invalid_request', 'give a start time like 2026-12-05T09:00 (UTC)');
  return `${m[1]}${m[2] ?? ':00'}${m[4] ?? 'Z'}`;
}

export function replayPanel(p: PortalPage, d: DestinationView, preview?: { since: string; matched: number }): Html {
  const url = endpointUrl(p, d.id);
  const defaultSince = new Date(Date.now() - 86_400_000).toISOString().slice(0, 16);
  const confirm = preview
    ? html`${notice(
        'info',
        html`Up to <strong>${preview.matched}</strong> failed deliveries since ${time(preview.since)} would be sent again.`,
      )}${preview.matched
        ? actionButton(p, `${url}/replay`, `Replay ${preview.matched}`, {
            fields: html`<input type="hidden" name="since" value="${preview.since}" />`,
          })
        : ''}`
    : '';
  return html`<section aria-labelledby="replay-h">
    <h2 id="replay-h">Replay failed deliveries</h2>
    <form method="get" action="${url}/replay" class="inline">
      <label
        >Failed since (UTC)
        <input type="datetime-local" name="since" value="${preview?.since.slice(0, 16) ?? defaultSince}" required
      /></label>
      <button type="submit">Preview</button>
    </form>
    ${confirm}
  </section>`;
}

async function previewPage(p: PortalPage) {
  const { id } = await ownEndpoint(p, 'replay');
  const since = sinceOf(p.req.query.since);
  const { matched } = await p.call<{ matched: number }>('previewReplay', {
    body: { since, destination: id, statuses: ['failed'] },
  });
  return endpointPage(p, id, { preview: { since, matched } });
}

async function start(p: PortalPage) {
  const { id } = await ownEndpoint(p, 'replay');
  const since = sinceOf(p.req.body?.since);
  const replay = await p.call<Replay>('startReplay', { body: { since, destination: id, statuses: ['failed'] } });
  return redirect(`${p.base}/replays/${encodeURIComponent(replay.id)}`);
}

async function progress(p: PortalPage) {
  const r = await p.call<Replay>('getReplay', { params: { id: p.param('id') } });
  const running = r.status === 'running';
  const endpoint = r.filter.destination;
  const body = html`<h1>Replay ${r.id}</h1>
    <p>
      ${endpoint ? html`Failed deliveries to <a href="${endpointUrl(p, endpoint)}">${endpoint}</a>` : 'Failed deliveries'} since
      ${time(r.filter.since)}.
    </p>
    <div id="replay-progress" ${running ? html` data-refresh="2"` : ''} role="status">
      <dl class="figures">
        <div>
          <dt>Status</dt>
          <dd>${r.status}</dd>
        </div>
        <div>
          <dt>Matched</dt>
          <dd>${r.matched}</dd>
        </div>
        <div>
          <dt>Sent again</dt>
          <dd>${r.replayed}</dd>
        </div>
        <div>
          <dt>Skipped</dt>
          <dd>${r.skipped}</dd>
        </div>
        <div>
          <dt>Errors</dt>
          <dd>${r.errors}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>${time(r.startedAt)}</dd>
        </div>
        <div>
          <dt>Finished</dt>
          <dd>${time(r.finishedAt)}</dd>
        </div>
      </dl>
    </div>
    ${running ? html`<p><a href="${p.base}/replays/${encodeURIComponent(r.id)}" data-refresh-link>Refresh</a></p>` : ''}`;
  return page(sessionPage(p, 'endpoints', `Replay ${r.id}`, body));
}

export const replayRoutes: PortalRoute[] = [
  { method: 'get', path: '/endpoints/:id/replay', handle: previewPage },
  { method: 'post', path: '/endpoints/:id/replay', handle: start },
  { method: 'get', path: '/replays/:id', handle: progress },
];
