// The signing secret panel: which secrets sign and until when, their values revealed only on
// request (a POST, so they never sit in a URL or a cache), rotation with its overlap.
import type { PortalPage } from '../context';
import { redirect } from '../context';
import type { DestinationView } from '../format';
import { html, type Html } from '../html';
import { actionButton, csrfField, time } from '../layout';
import type { PortalRoute } from '../router';
import { endpointPage, endpointUrl, ownEndpoint } from './endpoint';

export interface Secrets {
  secrets: { id: string; secret: string; createdAt?: string; expiresAt?: string }[];
}

const OVERLAPS = ['1h', '24h', '7d'] as const;

function secretList(secrets: Secrets, revealed: boolean): Html {
  return html`<ul class="secrets">
    ${secrets.secrets.map(
      (s) =>
        html`<li>
          ${revealed
            ? html`<code class="secret">${s.secret}</code>
                <button type="button" class="copy" data-copy="${s.secret}" hidden>Copy</button>`
            : html`<code class="secret">${s.secret.slice(0, 6)}…</code>`}
          ${s.expiresAt
            ? html`<span class="muted">previous: signs until ${time(s.expiresAt)}</span>`
            : html`<span class="muted">current${s.createdAt ? html`, since ${time(s.createdAt)}` : ''}</span>`}
        </li>`,
    )}
  </ul>`;
}

export function secretPanel(p: PortalPage, d: DestinationView, secrets: Secrets | undefined, revealed: boolean): Html {
  if (d.type !== 'http') return html``;
  const url = endpointUrl(p, d.id);
  // Secrets of config-file endpoints change in the file, not here.
  const rotate =
    p.can('rotate_secrets') && d.managedBy === 'api'
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
    ${secrets ? secretList(secrets, revealed) : ''}
    ${!revealed && p.can('view_secrets') ? actionButton(p, `${url}/secret`, 'Reveal secret') : ''} ${rotate}
  </section>`;
}

async function reveal(p: PortalPage) {
  const d = await ownEndpoint(p, 'view_secrets');
  const secrets = await p.call<Secrets>('getDestinationSecret', { params: { id: d.id } });
  return endpointPage(p, d.id, { secrets });
}

async function rotate(p: PortalPage) {
  const d = await ownEndpoint(p, 'rotate_secrets');
  const overlap = OVERLAPS.find((o) => o === p.req.body?.overlap) ?? '24h';
  await p.call('rotateDestinationSecret', { params: { id: d.id }, body: { overlap } });
  return redirect(`${endpointUrl(p, d.id)}?done=rotated`);
}

export const secretRoutes: PortalRoute[] = [
  { method: 'post', path: '/endpoints/:id/secret', handle: reveal },
  { method: 'post', path: '/endpoints/:id/secret/rotate', handle: rotate },
];
