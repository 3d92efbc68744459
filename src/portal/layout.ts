// The page shell every portal page shares: brand, navigation, and the forms' hidden token.
import type { Brand } from '../config/portal';
import type { PortalPage } from './context';
import { html, type Html } from './html';

const SECTIONS = [
  ['endpoints', 'Endpoints'],
  ['events', 'Event log'],
  ['event-types', 'Event types'],
] as const;

export type Section = (typeof SECTIONS)[number][0];

interface Shell {
  base: string;
  brand: Brand;
  title: string;
  body: Html;
  section?: Section;
  /** Set when a session is open: navigation and the sign-out form are shown. */
  csrf?: string;
}

export function shell(s: Shell): Html {
  const name = s.brand.name ?? 'Barrage';
  return html`<!doctype html>
    <html lang="en" data-theme="${s.brand.theme ?? 'auto'}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${s.title} · ${name}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="${s.base}/assets/portal.css" />
        ${s.csrf ? html`<link rel="stylesheet" href="${s.base}/assets/brand.css" />` : ''}
        <script src="${s.base}/assets/portal.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="top">
          <a class="brand" href="${s.base}/endpoints"
            >${s.brand.logoUrl ? html`<img src="${s.brand.logoUrl}" alt="" height="28" />` : ''}<span>${name}</span></a
          >
          ${s.csrf ? nav(s) : ''}
        </header>
        <main id="main">${s.body}</main>
      </body>
    </html>`;
}

function nav(s: Shell): Html {
  return html`<nav aria-label="Portal">
      <ul>
        ${SECTIONS.map(
          ([key, label]) =>
            html`<li><a href="${s.base}/${key}" ${key === s.section ? html` aria-current="page"` : ''}>${label}</a></li>`,
        )}
      </ul>
    </nav>
    <form method="post" action="${s.base}/logout" class="logout">
      ${csrfField(s.csrf!)}<button type="submit" class="link">Sign out</button>
    </form>`;
}

export const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}" />`;

/** A page of an open session. */
export function sessionPage(p: PortalPage, section: Section | undefined, title: string, body: Html): Html {
  return shell({ base: p.base, brand: p.brand, title, body, section, csrf: p.session.csrf });
}

/** A button that posts a small form (an action), with the session's token. */
export function actionButton(p: PortalPage, action: string, label: string, opts: { danger?: boolean; fields?: Html } = {}): Html {
  return html`<form method="post" action="${action}" class="inline">
    ${csrfField(p.session.csrf)}${opts.fields ?? ''}<button type="submit" ${opts.danger ? html` class="danger"` : ''}>
      ${label}
    </button>
  </form>`;
}

export function notice(kind: 'ok' | 'error' | 'info', body: Html | string): Html {
  return html`<div class="notice ${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${body}</div>`;
}

export const time = (iso: string | undefined) =>
  iso ? html`<time datetime="${iso}">${iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</time>` : html`—`;

/** A list table: column headers, then one row per item. */
export function listTable(headers: string[], rows: Html[], kind = ''): Html {
  return html`<table class="list${kind ? ` ${kind}` : ''}">
    <thead>
      <tr>
        ${headers.map((h) => html`<th scope="col">${h}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}
