// A tenant portal client for HTTP-level tests: mints sessions through the API, opens their link
// without following redirects (to see the cookie), and sends pages' forms as a browser would.
import { api } from './hub';

export interface Opened {
  status: number;
  location?: string;
  setCookie?: string;
  /** "barrage_portal=…" to send back, when a cookie was set. */
  cookie?: string;
}

export async function mintSession(hubUrl: string, key: string, body: Record<string, unknown> = {}) {
  const res = await api(`${hubUrl}/v1/portal-sessions`, { key, body });
  if (res.status !== 201) throw new Error(`minting a portal session answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as { id: string; url: string; expiresAt: string };
}

export async function openLink(url: string): Promise<Opened> {
  const res = await fetch(url, { redirect: 'manual' });
  await res.text();
  const setCookie = res.headers.get('set-cookie') ?? undefined;
  return {
    status: res.status,
    location: res.headers.get('location') ?? undefined,
    setCookie,
    cookie: setCookie?.split(';')[0],
  };
}

export async function signedIn(hubUrl: string, key: string, body: Record<string, unknown> = {}): Promise<string> {
  const opened = await openLink((await mintSession(hubUrl, key, body)).url);
  if (!opened.cookie) throw new Error(`opening the portal link answered ${opened.status} without a cookie`);
  return opened.cookie;
}

export interface PageResponse {
  status: number;
  text: string;
  headers: Headers;
}

export async function getPage(hubUrl: string, path: string, cookie?: string): Promise<PageResponse> {
  const res = await fetch(`${hubUrl}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

/** A form post; Origin is the hub's own unless the test says otherwise (null: none sent). */
export async function postForm(
  hubUrl: string,
  path: string,
  cookie: string | undefined,
  fields: Record<string, string | string[]>,
  origin: string | null = new URL(hubUrl).origin,
): Promise<PageResponse> {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) form.append(k, one);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (cookie) headers.cookie = cookie;
  if (origin !== null) headers.origin = origin;
  const res = await fetch(`${hubUrl}${path}`, { method: 'POST', redirect: 'manual', headers, body: form.toString() });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

/** The session's form token, as the page's forms carry it. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no form token on this page');
  return match[1];
}
