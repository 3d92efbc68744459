// Pages for what went wrong: an error inside a session, and a session that has ended.
import type { PortalConfig } from '../../config/portal';
import type { PortalPage } from '../context';
import { html, type Html } from '../html';
import { sessionPage, shell } from '../layout';

const TITLES: Record<number, string> = {
  400: 'That did not work',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Not now',
  429: 'Too many requests',
  503: 'Unavailable',
};

export function errorPage(p: PortalPage, status: number, message: string): Html {
  const title = TITLES[status] ?? (status >= 500 ? 'Something went wrong' : 'That did not work');
  return sessionPage(
    p,
    undefined,
    title,
    html`<h1>${title}</h1>
      <p class="error-message">${message}</p>
      <p><a href="${p.base}/endpoints">Back to endpoints</a></p>`,
  );
}

const ENDED = {
  code: ['This link cannot be used', 'It has expired or was already opened (a portal link works once, within 5 minutes).'],
  expired: ['Your session has expired', 'Open the portal again from the application that sent you here.'],
  revoked: ['Your session was ended', 'Open the portal again from the application that sent you here.'],
  unknown: ['You are not signed in', 'Open the portal from the application that sent you here.'],
  'signed-out': ['You are signed out', 'Open the portal again from the application that sent you here.'],
} as const;

export function endedPage(portal: PortalConfig, why: keyof typeof ENDED, returnUrl?: string): Html {
  const [title, text] = ENDED[why];
  const back = returnUrl ? html`<p><a href="${returnUrl}">Return to the application</a></p>` : '';
  return shell({
    base: portal.path,
    brand: portal.brand,
    title,
    body: html`<h1>${title}</h1>
      <p>${text}</p>
      ${back}`,
  });
}
