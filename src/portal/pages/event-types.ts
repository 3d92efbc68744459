// The tenant's event-type catalog: each type with its description, JSON Schema and example.
import type { PortalPage } from '../context';
import { page } from '../context';
import { html, query, type Html } from '../html';
import { sessionPage } from '../layout';
import type { PortalRoute } from '../router';

interface EventType {
  name: string;
  description: string;
  schema?: unknown;
  example?: unknown;
  deprecated: boolean;
}

const json = (value: unknown) => html`<pre>${JSON.stringify(value, null, 2)}</pre>`;

function typeBlock(p: PortalPage, t: EventType, open: boolean): Html {
  return html`<details class="event-type" ${open ? html` open` : ''} id="type-${t.name}">
    <summary>
      <strong>${t.name}</strong>${t.deprecated ? html` <span class="badge warn">deprecated</span>` : ''}
      <span class="muted">${t.description}</span>
    </summary>
    <p><a href="${p.base}/events?type=${encodeURIComponent(t.name)}">Events of this type</a></p>
    <h3>Schema</h3>
    ${t.schema ? json(t.schema) : html`<p class="muted">none: any payload</p>`}
    <h3>Example</h3>
    ${t.example !== undefined ? json(t.example) : html`<p class="muted">none</p>`}
  </details>`;
}

const CURSOR = /^[A-Za-z0-9_-]{1,400}$/;

/** A page of 50 types (a catalog may hold thousands, each schema up to 64 KiB), schemas folded. */
async function catalog(p: PortalPage) {
  const cursor = typeof p.req.query.cursor === 'string' && CURSOR.test(p.req.query.cursor) ? p.req.query.cursor : undefined;
  const got = await p.call<{ eventTypes: EventType[]; nextCursor?: string }>('listEventTypes', {
    query: { limit: 50, ...(cursor ? { cursor } : {}) },
  });
  const types = got.eventTypes;
  const body = html`<h1>Event types</h1>
    ${types.length
      ? types.map((t) => typeBlock(p, t, false))
      : html`<p>No event types are catalogued: endpoints may subscribe to any type.</p>`}
    <nav class="pager" aria-label="Pages">
      ${cursor ? html`<a href="${p.base}/event-types">First page</a>` : ''}
      ${got.nextCursor ? html`<a href="${p.base}/event-types${query({ cursor: got.nextCursor })}" rel="next">Next</a>` : ''}
    </nav>`;
  return page(sessionPage(p, 'event-types', 'Event types', body));
}

async function one(p: PortalPage) {
  const t = await p.call<EventType>('getEventType', { params: { name: p.param('name') } });
  return page(
    sessionPage(
      p,
      'event-types',
      t.name,
      html`<h1>${t.name}</h1>
        ${typeBlock(p, t, true)}`,
    ),
  );
}

export const eventTypeRoutes: PortalRoute[] = [
  { method: 'get', path: '/event-types', handle: catalog },
  { method: 'get', path: '/event-types/:name', handle: one },
];
