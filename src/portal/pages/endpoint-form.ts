// Create and edit an endpoint: one HTML form, sent to the same createDestination / updateDestination
// routes the API has, so every rule (SSRF guard, filter checks, limits) is the API's own. A 400
// comes back as the form again, with each problem by field.
import { ApiError, type IssueDetail } from '../../base/api-error';
import type { PortalPage } from '../context';
import { page, redirect, requireCapability } from '../context';
import { ms, type DestinationView } from '../format';
import { html, type Html } from '../html';
import { csrfField, sessionPage } from '../layout';
import type { PortalRoute } from '../router';
import { endpointUrl, ownEndpoint } from './endpoint';
import { REDACTED } from '../../management/redact';
import { fieldsOf, type FormValues } from './endpoint-form-fields';

const valuesOf = (d?: DestinationView): FormValues => ({
  id: d?.id ?? '',
  url: d?.url ?? '',
  description: d?.description ?? '',
  events: d?.events ?? [],
  filter: d?.filter ? JSON.stringify(d.filter, null, 2) : '',
  headers: Object.entries(d?.headers ?? {})
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n'),
  maximumAttempts: String(d?.retry?.maximumAttempts ?? 10),
  initialInterval: ms(d?.retry?.initialInterval ?? 5000),
  backoffCoefficient: String(d?.retry?.backoffCoefficient ?? 2),
  maximumInterval: ms(d?.retry?.maximumInterval ?? 3_600_000),
  perSecond: d?.rateLimit ? String(d.rateLimit.perSecond) : '',
  burst: d?.rateLimit?.burst ? String(d.rateLimit.burst) : '',
});

async function catalog(p: PortalPage): Promise<string[]> {
  const list = await p.call<{ eventTypes: { name: string; deprecated: boolean }[] }>('listEventTypes', {
    query: { limit: 500 },
  });
  return list.eventTypes.filter((t) => !t.deprecated).map((t) => t.name);
}

async function form(p: PortalPage, mode: 'create' | 'edit', values: FormValues, problems: IssueDetail[] = [], status?: number) {
  const types = await catalog(p);
  const action = mode === 'create' ? `${p.base}/endpoints` : `${endpointUrl(p, values.id)}/edit`;
  const title = mode === 'create' ? 'Add endpoint' : `Edit ${values.id}`;
  const body = html`<h1>${title}</h1>
    ${problems.length ? problemList(problems) : ''}
    <form method="post" action="${action}" class="stacked" novalidate>
      ${csrfField(p.session.csrf)} ${fieldsOf(values, mode, types, problems)}
      <div class="actions">
        <button type="submit" class="primary">${mode === 'create' ? 'Create endpoint' : 'Save'}</button>
        <a href="${mode === 'create' ? `${p.base}/endpoints` : endpointUrl(p, values.id)}">Cancel</a>
      </div>
    </form>`;
  return page(sessionPage(p, 'endpoints', title, body), status);
}

function problemList(problems: IssueDetail[]): Html {
  return html`<div class="notice error" role="alert">
    <p>Please correct:</p>
    <ul>
      ${problems.map((i) => html`<li>${i.path ? html`<strong>${i.path}</strong>: ` : ''}${i.message}</li>`)}
    </ul>
  </div>`;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const eventsOf = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []);

function submitted(p: PortalPage, id?: string): FormValues {
  const b = (p.req.body ?? {}) as Record<string, unknown>;
  const extra = text(b.moreEvents)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    id: id ?? text(b.id).trim(),
    url: text(b.url).trim(),
    description: text(b.description),
    events: [...new Set([...eventsOf(b.events), ...extra])],
    filter: text(b.filter),
    headers: text(b.headers),
    maximumAttempts: text(b.maximumAttempts),
    initialInterval: text(b.initialInterval),
    backoffCoefficient: text(b.backoffCoefficient),
    maximumInterval: text(b.maximumInterval),
    perSecond: text(b.perSecond),
    burst: text(b.burst),
  };
}

/** The API body the form stands for; problems in the form's own text (JSON, header lines) by field. */
function requestBody(v: FormValues, mode: 'create' | 'edit') {
  const problems: IssueDetail[] = [];
  let filter: unknown = null;
  if (v.filter.trim()) {
    try {
      filter = JSON.parse(v.filter);
    } catch (err) {
      problems.push({ path: 'filter', message: `not JSON: ${(err as Error).message}` });
    }
  }
  const headers: Record<string, string> = {};
  for (const line of v.headers.split(/\r?\n/).filter((l) => l.trim())) {
    const at = line.indexOf(':');
    if (at < 1) problems.push({ path: 'headers', message: `"${line.slice(0, 80)}" is not "Name: value"` });
    else headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
  const rateLimit = v.perSecond.trim()
    ? { perSecond: num(v.perSecond), ...(v.burst.trim() ? { burst: num(v.burst) } : {}) }
    : null;
  const body: Record<string, unknown> = {
    url: v.url,
    description: v.description,
    events: v.events.length ? v.events : ['*'],
    headers,
    retry: {
      maximumAttempts: num(v.maximumAttempts),
      initialInterval: v.initialInterval,
      backoffCoefficient: num(v.backoffCoefficient),
      maximumInterval: v.maximumInterval,
    },
  };
  if (mode === 'create') {
    Object.assign(body, { id: v.id }, filter ? { filter } : {}, rateLimit ? { rateLimit } : {});
  } else Object.assign(body, { filter, rateLimit });
  return { body, problems };
}

const RETRY_FIELDS = ['maximumAttempts', 'initialInterval', 'backoffCoefficient', 'maximumInterval'] as const;
const sameText = (a: string | string[], b: string | string[]) =>
  JSON.stringify([a].flat().slice().sort()) === JSON.stringify([b].flat().slice().sort());

/**
 * An edit sends only what the form changed: a field left as it was shown stays as stored. That
 * keeps credentials the API shows as "[redacted]" (in the URL or a header), and settings the form
 * only displays, exactly as they were.
 */
function changedOnly(body: Record<string, unknown>, v: FormValues, before: FormValues, problems: IssueDetail[]) {
  const changed: Record<string, unknown> = {};
  const fields = [
    ['url', ['url']],
    ['description', ['description']],
    ['events', ['events']],
    ['filter', ['filter']],
    ['headers', ['headers']],
    ['retry', RETRY_FIELDS],
    ['rateLimit', ['perSecond', 'burst']],
  ] as const;
  for (const [key, inputs] of fields) if (inputs.some((input) => !sameText(v[input], before[input]))) changed[key] = body[key];
  for (const key of ['url', 'headers'] as const)
    if (key in changed && JSON.stringify(changed[key]).includes(REDACTED))
      problems.push({ path: key, message: `replace ${REDACTED} with the value, or leave it as it was` });
  return changed;
}

async function save(p: PortalPage, mode: 'create' | 'edit') {
  const before = mode === 'edit' ? valuesOf(await ownEndpoint(p, 'manage_endpoints')) : undefined;
  if (!before) requireCapability(p, 'manage_endpoints');
  const values = submitted(p, before?.id);
  const { body, problems } = requestBody(values, mode);
  const sent = before ? changedOnly(body, values, before, problems) : body;
  if (problems.length) return form(p, mode, values, problems, 400);
  try {
    if (!before) await p.call('createDestination', { body: sent });
    else if (Object.keys(sent).length) await p.call('updateDestination', { params: { id: values.id }, body: sent });
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 400) throw err;
    const details = Array.isArray(err.details) ? (err.details as IssueDetail[]) : [{ path: '', message: err.message }];
    return form(p, mode, values, details, 400);
  }
  return redirect(`${endpointUrl(p, values.id)}?done=saved`);
}

async function editForm(p: PortalPage) {
  const d = await ownEndpoint(p, 'manage_endpoints');
  if (d.type !== 'http' || d.managedBy === 'config')
    throw new ApiError(409, 'conflict', 'this endpoint is edited through the API or the config file, not here');
  return form(p, 'edit', valuesOf(d));
}

export const endpointFormRoutes: PortalRoute[] = [
  {
    method: 'get',
    path: '/endpoints/new',
    handle: async (p) => {
      requireCapability(p, 'manage_endpoints');
      return form(p, 'create', valuesOf());
    },
  },
  { method: 'post', path: '/endpoints', handle: (p) => save(p, 'create') },
  { method: 'get', path: '/endpoints/:id/edit', handle: editForm },
  { method: 'post', path: '/endpoints/:id/edit', handle: (p) => save(p, 'edit') },
];
