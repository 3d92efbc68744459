// The portal's stylesheet and script, served from the package itself (nothing from a CDN). They
// are read once: the build copies src/portal/assets/ next to this module in dist/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Router } from 'express';
import type { Brand } from '../config/portal';

const FILES = { 'portal.css': 'text/css', 'portal.js': 'text/javascript' } as const;

let loaded: Map<string, string> | undefined;
function assets(): Map<string, string> {
  loaded ??= new Map(Object.keys(FILES).map((name) => [name, readFileSync(join(__dirname, 'assets', name), 'utf8')]));
  return loaded;
}

export function assetRoutes(router: Router): void {
  for (const [name, type] of Object.entries(FILES)) {
    router.get(`/assets/${name}`, (_req, res) => {
      // Assets are the same for everyone and change only with the package: cache them for an hour.
      res.set('Cache-Control', 'public, max-age=3600').type(type).send(assets().get(name));
    });
  }
}

/** WCAG relative luminance, to put dark or light text on the brand colour (readable either way). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The brand as CSS variables (a stylesheet, since the policy allows no inline style). */
export function brandCss(brand: Brand): string {
  if (!brand.primaryColor) return '/* default brand */\n';
  const onPrimary = luminance(brand.primaryColor) > 0.18 ? '#111111' : '#ffffff';
  return `:root { --primary: ${brand.primaryColor}; --on-primary: ${onPrimary}; }\n`;
}
