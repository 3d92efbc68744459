// Endpoints: the tenant's destinations with their state, 24 h success ratio and last attempt;
// searched and filtered on the server, so the page works without script.
import type { PortalPage } from '../context';
import { page } from '../context';
import { endpointStatus, percent, target, type DestinationView, type LastAttempt } from '../format';
import { html, query } from '../html';
import { listTable, sessionPage, time } from '../layout';
import type { PortalRoute } from '../router';

const PAGE_SIZE = 50;
const STATUSES = ['all', 'active', 'paused', 'disabled', 'circuit-open'] as const;

interface TenantStats {
  destinations: { id: string; attempts: number; successRatio: number | null }[];
  lastAttempts: (LastAttempt & { destination: string })[];
}

/** Every destination of the tenant (the registry holds them in memory; pages of 500). */
export async function allEndpoints(p: PortalPage, health: boolean): Promise<DestinationView[]> {
  const all: DestinationView[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const q = { limit: 500, ...(cursor ? { cursor } : {}), ...(health ? { health: 'true' } : {}) };
    const got = await p.call<{ destinations: DestinationView[]; nextCursor?: string }>('listDestinations', { query: q });
    all.push(...got.destinations);
    if (!(cursor = got.nextCursor)) break;
  }
  return all;
}

function matches(d: DestinationView, q: string, status: string): boolean {
  const s = d.disabled ? 'disabled' : d.paused ? 'paused' : 'active';
  if (status === 'circuit-open' ? d.health?.state !== 'open' : status !== 'all' && status !== s) return false;
  if (!q) return true;
  const hay = `${d.id} ${target(d)} ${d.description} ${d.events.join(' ')}`.toLowerCase();
  return hay.includes(q.toLowerCase());
}

async function list(p: PortalPage) {
  const q = String(p.req.query.q ?? '').slice(0, 200);
  const status = STATUSES.find((s) => s === p.req.query.status) ?? 'all';
  const at = Math.max(0, Math.min(10_000, Number.parseInt(String(p.req.query.page ?? '0'), 10) || 0));
  const [endpoints, stats] = await Promise.all([
    allEndpoints(p, true),
    p.call<TenantStats>('getTenantStats', { query: { window: '24h', waiting: 'false' } }),
  ]);
  const found = endpoints.filter((d) => matches(d, q, status));
  const shown = found.slice(at * PAGE_SIZE, (at + 1) * PAGE_SIZE);
  const ratios = new Map(stats.destinations.map((s) => [s.id, s]));
  const lasts = new Map(stats.lastAttempts.map((l) => [l.destination, l]));
  const rows = shown.map((d) => row(p, d, ratios.get(d.id), lasts.get(d.id)));
  const more = (n: number) => `${p.base}/endpoints${query({ q, status: status === 'all' ? undefined : status, page: n })}`;
  const body = html`<div class="title-row">
      <h1>Endpoints</h1>
      ${p.can('manage_endpoints') ? html`<a class="button" href="${p.base}/endpoints/new">Add endpoint</a>` : ''}
    </div>
    <form method="get" action="${p.base}/endpoints" class="filters" role="search">
      <label>Search <input type="search" name="q" value="${q}" placeholder="id, URL, description, event type" /></label>
      <label
        >Status
        <select name="status">
          ${STATUSES.map(
            (s) => html`<option value="${s}" ${s === status ? html` selected` : ''}>${s.replace('-', ' ')}</option>`,
          )}
        </select></label
      >
      <button type="submit">Filter</button>
    </form>
    <p class="muted">${found.length} of ${endpoints.length} endpoints</p>
    ${rows.length
      ? listTable(['Endpoint', 'Status', 'Event types', 'Success (24 h)', 'Last attempt'], rows)
      : html`<p>No endpoints${q || status !== 'all' ? ' match' : ' yet'}.</p>`}
    <nav class="pager" aria-label="Pages">
      ${at > 0 ? html`<a href="${more(at - 1)}" rel="prev">Previous</a>` : ''}${(at + 1) * PAGE_SIZE < found.length
        ? html`<a href="${more(at + 1)}" rel="next">Next</a>`
        : ''}
    </nav>`;
  return page(sessionPage(p, 'endpoints', 'Endpoints', body));
}

function row(p: PortalPage, d: DestinationView, stats?: TenantStats['destinations'][number], last?: LastAttempt) {
  const lastText = last
    ? html`${time(last.at)} <span class="muted">${last.statusCode ?? last.outcome}</span>`
    : html`<span class="muted">none</span>`;
  return html`<tr>
    <td>
      <a href="${p.base}/endpoints/${encodeURIComponent(d.id)}">${d.id}</a>
      <div class="muted small">${target(d)}</div>
      ${d.description ? html`<div class="small">${d.description}</div>` : ''}
    </td>
    <td>${endpointStatus(d)}</td>
    <td>${d.events.join(', ')}</td>
    <td>${percent(stats?.successRatio)}${stats ? html` <span class="muted small">of ${stats.attempts}</span>` : ''}</td>
    <td>${lastText}</td>
  </tr>`;
}

export const endpointListRoutes: PortalRoute[] = [
  { method: 'get', path: '/', handle: async (p) => ({ redirect: `${p.base}/endpoints` }) },
  { method: 'get', path: '/endpoints', handle: list },
];
