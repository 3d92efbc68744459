// The signing secret panel: revealed only on request (a POST, so it never sits in a URL or a
// cache), rotated with the overlap during which the previous secret still signs.
import type { PortalPage } from '../context';
import { requireCapability } from '../context';
import type { DestinationView } from '../format';
import { html, type Html } from '../html';
import { actionButton, csrfField, notice, time } from '../layout';
import type { PortalRoute } from '../router';
import { endpointPage, endpointUrl } from './endpoint';

export interface Secrets {
  secrets: { id: string; secret: string; createdAt?: string; expiresAt?: string }[];
}

const OVERLAPS = ['1h', '24h', '7d'] as const;

export function secretPanel(p: PortalPage, d: DestinationView, secrets?: Secrets, rotated?: boolean): Html {
  if (d.type !== 'http') return html``;
  const url = endpointUrl(p, d.id);
  const shown = secrets
    ? html`<ul class="secrets">
        ${secrets.secrets.map(
          (s) =>
            html`<li>
              <code class="secret">${s.secret}</code>
              <button type="button" class="copy" data-copy="${s.secret}" hidden>Copy</button> ${s.expiresAt
                ? html`<span class="muted">previous: signs until ${time(s.expiresAt)}</span>`
                : html`<span class="muted">current</span>`}
            </li>`,
        )}
      </ul>`
    : '';
  const rotate = p.can('rotate_secrets')
    ? html`<form method="post" action="${url}/secret/rotate" class="inline">
        ${csrfField(p.session.csrf)}
        <label
          >Keep the previous one signing for
          <select name="overlap">
            ${OVERLAPS.map((o) => html`<option value="${o}" ${o === '24h' ? html` selected` : ''}>${o}</option>`)}
          </select></label
        >
        <button type="submit">Rotate secret</button>
      </form>`
    : '';
  return html`<section aria-labelledby="secret-h">
    <h2 id="secret-h">Signing secret</h2>
    ${rotated ? notice('ok', 'Rotated. Both secrets sign every delivery until the previous one expires.') : ''} ${shown}
    ${!secrets && p.can('view_secrets') ? actionButton(p, `${url}/secret`, 'Reveal secret') : ''} ${rotate}
  </section>`;
}

async function reveal(p: PortalPage) {
  requireCapability(p, 'view_secrets');
  const id = p.param('id');
  const secrets = await p.call<Secrets>('getDestinationSecret', { params: { id } });
  return endpointPage(p, id, { secrets });
}

async function rotate(p: PortalPage) {
  requireCapability(p, 'rotate_secrets');
  const id = p.param('id');
  const overlap = OVERLAPS.find((o) => o === p.req.body?.overlap) ?? '24h';
  const secrets = await p.call<Secrets>('rotateDestinationSecret', { params: { id }, body: { overlap } });
  // The new secret is shown once here only with view_secrets.
  return endpointPage(p, id, { rotated: true, ...(p.can('view_secrets') ? { secrets } : {}) });
}

export const secretRoutes: PortalRoute[] = [
  { method: 'post', path: '/endpoints/:id/secret', handle: reveal },
  { method: 'post', path: '/endpoints/:id/secret/rotate', handle: rotate },
];
