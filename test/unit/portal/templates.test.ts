// The portal's escaping template, its cookie, the brand stylesheet and the time input: the rules
// every page relies on, checked without a server.
import fc from 'fast-check';
import { html, escapeHtml, query } from '../../../src/portal/html';
import { sessionCookie } from '../../../src/portal/guard';
import { brandCss } from '../../../src/portal/assets';
import { sinceOf } from '../../../src/portal/pages/replay';
import { portalSchema } from '../../../src/config/portal';

test('every interpolated value is escaped unless it is a fragment built by html', () => {
  const hostile = '<script>alert("x")</script>&\'';
  const esc = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;';
  expect(html`<p title="${hostile}">${hostile}</p>`.text).toBe(`<p title="${esc}">${esc}</p>`);
  const inner = html`<b>${hostile}</b>`;
  expect(html`${inner}${[hostile, html`<i>ok</i>`]}`.text).toBe(`<b>${esc}</b>${esc}<i>ok</i>`);
  expect(html`${undefined}${null}${false}${0}`.text).toBe('0');
});

test('no string survives escaping with a character that opens markup or ends an attribute', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (s) => {
      const out = html`<a title="${s}">${s}</a>`.text;
      const inner = out.slice('<a title="'.length, -'</a>'.length);
      expect(inner.replace('">', '')).not.toMatch(/[<>"']/);
      expect(escapeHtml(s).replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toMatch(/[&<>"']/);
    }),
    { numRuns: 2000 },
  );
});

test('query strings leave out empty fields and encode the rest', () => {
  expect(query({ q: 'a b&c', status: undefined, page: 0, empty: '' })).toBe('?q=a+b%26c&page=0');
  expect(query({})).toBe('');
});

test('the session cookie: Lax on its own, None; Secure; Partitioned when framed over HTTPS', () => {
  const portal = portalSchema.parse({ enabled: true });
  const expires = new Date('2026-12-05T12:00:00Z');
  expect(sessionCookie(portal, false, 'pt_x', expires)).toBe(
    // The cookie outlives the session by a day: an expired session is told apart (and sent to returnUrl).
    'barrage_portal=pt_x; Path=/portal; Expires=Sun, 06 Dec 2026 12:00:00 GMT; HttpOnly; SameSite=Lax',
  );
  expect(sessionCookie(portal, true, 'pt_x', expires)).toContain('HttpOnly; Secure; SameSite=Lax');
  const framed = portalSchema.parse({ enabled: true, frameAncestors: ['https://app.example.com'] });
  const cookie = sessionCookie(framed, true, 'pt_x', expires);
  expect(cookie).toContain('Secure');
  expect(cookie).toContain('SameSite=None');
  expect(cookie).toContain('Partitioned');
  // Over plain HTTP a browser would drop a SameSite=None cookie without Secure: it stays Lax.
  expect(sessionCookie(framed, false, 'pt_x', expires)).toContain('SameSite=Lax');
  expect(sessionCookie(portal, false, '', undefined)).toContain('Max-Age=0');
});

test('the brand colour comes with a text colour readable on it', () => {
  expect(brandCss({})).not.toContain('--primary');
  expect(brandCss({ primaryColor: '#5b21b6' })).toContain('--on-primary: #ffffff');
  expect(brandCss({ primaryColor: '#fde047' })).toContain('--on-primary: #111111');
});

test('portal config refuses what would widen the policy or break the pages', () => {
  expect(portalSchema.safeParse({ frameAncestors: ['https://a.example.com/path'] }).success).toBe(false);
  expect(portalSchema.safeParse({ frameAncestors: ["'self' https://x"] }).success).toBe(false);
  expect(portalSchema.safeParse({ path: '/portal/../x' }).success).toBe(false);
  expect(portalSchema.safeParse({ brand: { primaryColor: 'red; } body { display:none' } }).success).toBe(false);
  expect(portalSchema.safeParse({ brand: { logoUrl: 'javascript:alert(1)' } }).success).toBe(false);
  expect(portalSchema.parse({}).frameAncestors).toEqual([]);
});

test('a start time from the form: datetime-local is read as UTC; anything else is a 400', () => {
  expect(sinceOf('2026-12-05T09:00')).toBe('2026-12-05T09:00:00Z');
  expect(sinceOf('2026-12-05T09:00:30+01:00')).toBe('2026-12-05T09:00:30+01:00');
  for (const bad of ['', 'yesterday', '2026-13-40T99:99', 42]) expect(() => sinceOf(bad)).toThrow(/start time/);
});
