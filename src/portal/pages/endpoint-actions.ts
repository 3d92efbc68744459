// Pause, resume, enable, disable and delete (with a confirmation page): each the API's own call.
import type { PortalPage } from '../context';
import { page, redirect, requireCapability } from '../context';
import type { DestinationView } from '../format';
import { html } from '../html';
import { actionButton, notice, sessionPage } from '../layout';
import type { PortalRoute } from '../router';
import { endpointPage, endpointUrl } from './endpoint';

type Action = 'pause' | 'resume' | 'enable' | 'disable';

const DONE: Record<Action, string> = {
  pause: 'Paused: new events queue, no attempt is made until you resume.',
  resume: 'Resumed: waiting deliveries go now.',
  enable: 'Enabled.',
  disable: 'Disabled: its waiting deliveries end if it is not enabled again within its disabledRetention.',
};

function act(action: Action) {
  return async (p: PortalPage) => {
    requireCapability(p, 'manage_endpoints');
    const id = p.param('id');
    if (action === 'pause' || action === 'resume') await p.call(`${action}Destination`, { params: { id } });
    else await p.call('updateDestination', { params: { id }, body: { disabled: action === 'disable' } });
    return endpointPage(p, id, { message: notice('ok', DONE[action]) });
  };
}

async function confirmDelete(p: PortalPage) {
  requireCapability(p, 'manage_endpoints');
  const d = await p.call<DestinationView>('getDestination', { params: { id: p.param('id') } });
  const body = html`<h1>Delete ${d.id}?</h1>
    <p>It stops receiving events at once; its deliveries still waiting end “cancelled”. This cannot be undone.</p>
    <div class="actions">
      ${actionButton(p, `${endpointUrl(p, d.id)}/delete`, `Delete ${d.id}`, { danger: true })}
      <a href="${endpointUrl(p, d.id)}">Keep it</a>
    </div>`;
  return page(sessionPage(p, 'endpoints', `Delete ${d.id}`, body));
}

async function remove(p: PortalPage) {
  requireCapability(p, 'manage_endpoints');
  await p.call('deleteDestination', { params: { id: p.param('id') } });
  return redirect(`${p.base}/endpoints`);
}

export const endpointActionRoutes: PortalRoute[] = [
  ...(['pause', 'resume', 'enable', 'disable'] as const).map(
    (a): PortalRoute => ({ method: 'post', path: `/endpoints/:id/${a}`, handle: act(a) }),
  ),
  { method: 'get', path: '/endpoints/:id/delete', handle: confirmDelete },
  { method: 'post', path: '/endpoints/:id/delete', handle: remove },
];
