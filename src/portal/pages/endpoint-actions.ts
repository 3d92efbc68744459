// Pause, resume, enable, disable and delete (with a confirmation page): each the API's own call,
// then back to a page (303), so a reload sends nothing again.
import type { PortalPage } from '../context';
import { page, redirect } from '../context';
import { html } from '../html';
import { actionButton, sessionPage } from '../layout';
import type { PortalRoute } from '../router';
import { endpointUrl, ownEndpoint } from './endpoint';

type Action = 'pause' | 'resume' | 'enable' | 'disable';

function act(action: Action) {
  return async (p: PortalPage) => {
    const { id } = await ownEndpoint(p, 'manage_endpoints');
    if (action === 'pause' || action === 'resume') await p.call(`${action}Destination`, { params: { id } });
    else await p.call('updateDestination', { params: { id }, body: { disabled: action === 'disable' } });
    return redirect(`${endpointUrl(p, id)}?done=${action}`);
  };
}

async function confirmDelete(p: PortalPage) {
  const d = await ownEndpoint(p, 'manage_endpoints');
  const body = html`<h1>Delete ${d.id}?</h1>
    <p>It stops receiving events at once; its deliveries still waiting end “cancelled”. This cannot be undone.</p>
    <div class="actions">
      ${actionButton(p, `${endpointUrl(p, d.id)}/delete`, `Delete ${d.id}`, { danger: true })}
      <a href="${endpointUrl(p, d.id)}">Keep it</a>
    </div>`;
  return page(sessionPage(p, 'endpoints', `Delete ${d.id}`, body));
}

async function remove(p: PortalPage) {
  const { id } = await ownEndpoint(p, 'manage_endpoints');
  await p.call('deleteDestination', { params: { id } });
  return redirect(`${p.base}/endpoints`);
}

export const endpointActionRoutes: PortalRoute[] = [
  ...(['pause', 'resume', 'enable', 'disable'] as const).map(
    (a): PortalRoute => ({ method: 'post', path: `/endpoints/:id/${a}`, handle: act(a) }),
  ),
  { method: 'get', path: '/endpoints/:id/delete', handle: confirmDelete },
  { method: 'post', path: '/endpoints/:id/delete', handle: remove },
];
