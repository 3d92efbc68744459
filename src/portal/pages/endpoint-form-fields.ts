// The endpoint form's fields, each labelled and tied to its problems (for screen readers too).
import type { IssueDetail } from '../../base/api-error';
import { html, type Html } from '../html';

export interface FormValues {
  id: string;
  url: string;
  description: string;
  events: string[];
  filter: string;
  headers: string;
  maximumAttempts: string;
  initialInterval: string;
  backoffCoefficient: string;
  maximumInterval: string;
  perSecond: string;
  burst: string;
}

/** The API's problem paths for a form field (the retry and rate-limit inputs sit inside objects). */
const PATHS: Record<string, string> = {
  maximumAttempts: 'retry.maximumAttempts',
  initialInterval: 'retry.initialInterval',
  backoffCoefficient: 'retry.backoffCoefficient',
  maximumInterval: 'retry.maximumInterval',
  perSecond: 'rateLimit.perSecond',
  burst: 'rateLimit.burst',
  moreEvents: 'events',
};

const ownProblems = (name: string, problems: IssueDetail[]) => {
  const path = PATHS[name] ?? name;
  return problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`));
};

function field(name: string, label: string, control: Html, problems: IssueDetail[], hint?: string): Html {
  const own = ownProblems(name, problems);
  return html`<div class="field${own.length ? ' invalid' : ''}">
    <label for="f-${name}">${label}</label>${control}${hint ? html`<p class="hint" id="h-${name}">${hint}</p>` : ''}${own.length
      ? html`<p class="field-error" id="e-${name}">${own.map((p) => p.message).join('; ')}</p>`
      : ''}
  </div>`;
}

const described = (name: string, problems: IssueDetail[], hint: boolean) => {
  const ids = [hint ? `h-${name}` : '', ownProblems(name, problems).length ? `e-${name}` : ''].filter(Boolean).join(' ');
  const invalid = ownProblems(name, problems).length ? html` aria-invalid="true"` : '';
  return ids ? html` aria-describedby="${ids}"${invalid}` : invalid;
};

const input = (name: string, value: string, problems: IssueDetail[], attrs: Html = html``, hint = false) =>
  html`<input id="f-${name}" name="${name}" value="${value}" ${attrs}${described(name, problems, hint)} />`;

export function fieldsOf(v: FormValues, mode: 'create' | 'edit', catalog: string[], problems: IssueDetail[]): Html {
  const known = new Set(catalog);
  const others = v.events.filter((e) => !known.has(e));
  const typeBoxes = catalog.length
    ? html`<fieldset>
        <legend>Event types from the catalog</legend>
        ${catalog.map(
          (t) =>
            html`<label class="check"
              ><input type="checkbox" name="events" value="${t}" ${v.events.includes(t) ? html` checked` : ''} /> ${t}</label
            >`,
        )}
      </fieldset>`
    : '';
  return html`${mode === 'create'
      ? field(
          'id',
          'Endpoint id',
          input('id', v.id, problems, html` required`, true),
          problems,
          'letters, digits and . _ : - (used in delivery IDs; cannot change later)',
        )
      : ''}
    ${field('url', 'URL', input('url', v.url, problems, html` type="url" required`, false), problems)}
    ${field('description', 'Description', input('description', v.description, problems), problems)} ${typeBoxes}
    ${field(
      'moreEvents',
      catalog.length ? 'Other event types or patterns' : 'Event types',
      input('moreEvents', others.join(', '), problems, html``, true),
      problems,
      'comma-separated: exact types or "order.*"; nothing picked means every type ("*")',
    )}
    ${field(
      'filter',
      'Filter (JSON, optional)',
      html`<textarea id="f-filter" name="filter" rows="4" ${described('filter', problems, true)}>${v.filter}</textarea>`,
      problems,
      'e.g. {"data": {"amount": {"$gte": 1000}}}',
    )}
    ${field(
      'headers',
      'Extra headers (one "Name: value" a line)',
      html`<textarea id="f-headers" name="headers" rows="3" ${described('headers', problems, false)}>${v.headers}</textarea>`,
      problems,
    )}
    <fieldset>
      <legend>Retry policy</legend>
      ${field(
        'maximumAttempts',
        'Attempts',
        input('maximumAttempts', v.maximumAttempts, problems, html` type="number" min="1" max="100"`),
        problems,
      )}
      ${field('initialInterval', 'First wait', input('initialInterval', v.initialInterval, problems), problems)}
      ${field(
        'backoffCoefficient',
        'Backoff factor',
        input('backoffCoefficient', v.backoffCoefficient, problems, html` type="number" min="1" max="10" step="0.1"`),
        problems,
      )}
      ${field('maximumInterval', 'Longest wait', input('maximumInterval', v.maximumInterval, problems), problems)}
    </fieldset>
    <fieldset>
      <legend>Rate limit (optional)</legend>
      ${field(
        'perSecond',
        'Attempts per second',
        input('perSecond', v.perSecond, problems, html` type="number" min="0" step="any"`),
        problems,
      )}
      ${field('burst', 'Burst', input('burst', v.burst, problems, html` type="number" min="1"`), problems)}
    </fieldset>`;
}
