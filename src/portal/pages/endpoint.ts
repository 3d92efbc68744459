// One endpoint: its state and settings, the stats chart for 1 h / 24 h / 7 d, and the panels the
// session's capabilities allow (signing secret, test event, replay). Actions redirect back here
// with what they did in the query (?done=, ?test=), so a reload repeats nothing.
import type { Capability } from '../../management/portal-sessions';
import type { PortalPage } from '../context';
import { page, requireCapability } from '../context';
import { attemptsChart, type Point } from '../chart';
import { endpointStatus, ms, percent, target, type DestinationView, type LastAttempt } from '../format';
import { html, type Html } from '../html';
import { actionButton, notice, sessionPage, time } from '../layout';
import { replayPanel } from './replay';
import { secretPanel, type Secrets } from './secret';
import { firstAttempt, testPanel, type TestResult } from './test-event';

const WINDOWS = ['1h', '24h', '7d'] as const;

interface Stats {
  attempts: number;
  delivered: number;
  failed: number;
  successRatio: number | null;
  latencyMs?: { p50: number; p95: number; p99: number };
  deliveriesWaiting?: number;
  series: Point[];
  lastAttempt?: LastAttempt;
}

export interface Extra {
  /** Revealed (a POST): the values are shown. */
  secrets?: Secrets;
  test?: TestResult;
  preview?: { since: string; matched: number };
  message?: Html;
  status?: number;
}

/**
 * Deliveries waiting is a visibility count, slow on a namespace with many workflows: pages render
 * without it, and the figure is its own small page (filled in by portal.js, a link without it).
 */
const NO_COUNT = { waiting: 'false' };

export const endpointUrl = (p: PortalPage, id: string) => `${p.base}/endpoints/${encodeURIComponent(id)}`;

/**
 * The endpoint of the URL, looked up before the capability is checked: another tenant's id is the
 * API's 404 whatever the session may do.
 */
export async function ownEndpoint(p: PortalPage, capability: Capability): Promise<DestinationView> {
  const d = await p.call<DestinationView>('getDestination', { params: { id: p.param('id') }, query: NO_COUNT });
  requireCapability(p, capability);
  return d;
}

const DONE: Record<string, string> = {
  pause: 'Paused: new events queue, no attempt is made until you resume.',
  resume: 'Resumed: waiting deliveries go now.',
  enable: 'Enabled.',
  disable: 'Disabled: its waiting deliveries end if it is not enabled again within its disabledRetention.',
  saved: 'Saved.',
  rotated: 'Rotated: the new secret signs every delivery, beside the previous one until it expires.',
};

const queryText = (value: unknown, pattern: RegExp) => (typeof value === 'string' && pattern.test(value) ? value : undefined);

async function show(p: PortalPage) {
  const id = p.param('id');
  const done = DONE[queryText(p.req.query.done, /^[a-z]{1,20}$/) ?? ''];
  const testId = queryText(p.req.query.test, /^[A-Za-z0-9._:~-]{1,200}$/);
  const extra: Extra = done ? { message: notice('ok', done) } : {};
  if (testId && p.can('send_test')) extra.test = { id: testId, delivery: await firstAttempt(p, testId, id) };
  return endpointPage(p, id, extra);
}

export async function endpointPage(p: PortalPage, id: string, extra: Extra = {}) {
  const window = WINDOWS.find((w) => w === p.req.query.window) ?? '24h';
  const params = { id };
  const [d, stats] = await Promise.all([
    p.call<DestinationView>('getDestination', { params, query: NO_COUNT }),
    p.call<Stats>('getDestinationStats', { params, query: { window, ...NO_COUNT } }),
  ]);
  // Which secrets sign now and until when (values only once revealed).
  const signing =
    extra.secrets ??
    (p.can('view_secrets') && d.type === 'http' ? await p.call<Secrets>('getDestinationSecret', { params }) : undefined);
  const body = html`${extra.message ?? ''}
    <div class="title-row">
      <h1>${d.id}</h1>
      ${endpointStatus(d)}
    </div>
    <p class="target">${target(d)}</p>
    ${d.description ? html`<p>${d.description}</p>` : ''}
    ${d.disabledReason ? notice('info', html`Disabled by Barrage: ${d.disabledReason}`) : ''}
    ${(d.warnings ?? []).map((w) => notice('info', w))} ${controls(p, d)} ${statsPanel(p, d.id, window, stats)}
    ${settingsPanel(d)}
    ${p.can('view_secrets') || p.can('rotate_secrets') ? secretPanel(p, d, signing, Boolean(extra.secrets)) : ''}
    ${p.can('send_test') ? testPanel(p, d, extra.test) : ''} ${p.can('replay') ? replayPanel(p, d, extra.preview) : ''}`;
  return page(sessionPage(p, 'endpoints', d.id, body), extra.status);
}

function controls(p: PortalPage, d: DestinationView): Html {
  if (!p.can('manage_endpoints') || d.managedBy === 'config') return html``;
  const url = endpointUrl(p, d.id);
  // The form edits HTTP endpoints; queue destinations are edited through the API.
  return html`<div class="actions">
    ${d.type === 'http' ? html`<a class="button" href="${url}/edit">Edit</a>` : ''}
    ${d.paused ? actionButton(p, `${url}/resume`, 'Resume') : actionButton(p, `${url}/pause`, 'Pause')}
    ${d.disabled ? actionButton(p, `${url}/enable`, 'Enable') : actionButton(p, `${url}/disable`, 'Disable')}
    <a class="button danger" href="${url}/delete">Delete…</a>
  </div>`;
}

function statsPanel(p: PortalPage, id: string, window: string, s: Stats): Html {
  const tabs = WINDOWS.map(
    (w) =>
      html`<a
        href="${endpointUrl(p, id)}?window=${w}"
        ${w === window ? html` aria-current="true" class="tab current"` : html` class="tab"`}
        >${w}</a
      >`,
  );
  const last = s.lastAttempt;
  return html`<section aria-labelledby="stats-h">
    <h2 id="stats-h">Deliveries</h2>
    <nav class="tabs" aria-label="Window">${tabs}</nav>
    <dl class="figures">
      <div>
        <dt>Attempts</dt>
        <dd>${s.attempts}</dd>
      </div>
      <div>
        <dt>Delivered</dt>
        <dd>${s.delivered}</dd>
      </div>
      <div>
        <dt>Failed</dt>
        <dd>${s.failed}</dd>
      </div>
      <div>
        <dt>Success</dt>
        <dd>${percent(s.successRatio)}</dd>
      </div>
      <div>
        <dt>Latency p50 / p95 / p99</dt>
        <dd>${s.latencyMs ? `${s.latencyMs.p50} / ${s.latencyMs.p95} / ${s.latencyMs.p99} ms` : '—'}</dd>
      </div>
      <div>
        <dt>Waiting now</dt>
        <dd data-fill="${endpointUrl(p, id)}/waiting"><a href="${endpointUrl(p, id)}/waiting">count</a></dd>
      </div>
      <div>
        <dt>Last attempt</dt>
        <dd>${last ? html`${time(last.at)} ${last.statusCode ?? last.outcome}` : 'none'}</dd>
      </div>
    </dl>
    ${attemptsChart(s.series, `Delivered and failed attempts over the last ${window}`)}
    <p><a href="${p.base}/events?endpoint=${encodeURIComponent(id)}">Events to this endpoint</a></p>
  </section>`;
}

function settingsPanel(d: DestinationView): Html {
  const headers = Object.entries(d.headers ?? {});
  return html`<section aria-labelledby="settings-h">
    <h2 id="settings-h">Settings</h2>
    <dl class="settings">
      <dt>Event types</dt>
      <dd>${d.events.join(', ')}</dd>
      <dt>Filter</dt>
      <dd>${d.filter ? html`<pre>${JSON.stringify(d.filter, null, 2)}</pre>` : 'none'}</dd>
      <dt>Headers</dt>
      <dd>${headers.length ? html`<pre>${headers.map(([k, v]) => `${k}: ${v}\n`)}</pre>` : 'none'}</dd>
      <dt>Retry</dt>
      <dd>
        ${d.retry
          ? `${d.retry.maximumAttempts} attempts, from ${ms(d.retry.initialInterval)} ×${d.retry.backoffCoefficient} up to ${ms(d.retry.maximumInterval)}`
          : 'default'}
      </dd>
      <dt>Rate limit</dt>
      <dd>${d.rateLimit ? `${d.rateLimit.perSecond}/s${d.rateLimit.burst ? `, burst ${d.rateLimit.burst}` : ''}` : 'none'}</dd>
    </dl>
  </section>`;
}

/** The deliveries-waiting figure on its own (portal.js puts #fill into the endpoint page). */
async function waiting(p: PortalPage) {
  const d = await p.call<DestinationView>('getDestination', { params: { id: p.param('id') } });
  const n = d.health?.deliveriesWaiting;
  const body = html`<h1>Deliveries waiting: ${d.id}</h1>
    <p>
      <span id="fill">${n ?? 'unknown (Temporal did not answer)'}</span> ${n !== undefined
        ? 'deliveries to it are not final yet (waiting on a retry, a hold, a schedule, or in flight).'
        : ''}
    </p>
    <p><a href="${endpointUrl(p, d.id)}">Back to ${d.id}</a></p>`;
  return page(sessionPage(p, 'endpoints', `Waiting: ${d.id}`, body));
}

export const endpointRoutes = [
  { method: 'get' as const, path: '/endpoints/:id', handle: show },
  { method: 'get' as const, path: '/endpoints/:id/waiting', handle: waiting },
];
