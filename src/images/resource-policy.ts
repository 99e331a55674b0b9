/**
 * What a card may refer to: only `data:` images. satori fetches `<img src>` and CSS `url()` over http
 * (no timeout, no size cap), and resvg reads local files for plain paths in `<image href>`, relative and
 * `../..` ones included. So every image source in a tree, and every href in the SVG handed to resvg,
 * must be a `data:` URL of a raster image or of an SVG that itself refers to nothing outside it.
 * Network access is opt-in and happens before rendering (see `hydrate`), never inside it.
 */
import { describe, InputError } from '../errors.js';

const RASTER = /^data:image\/(?:png|jpeg|gif|webp)[;,]/i;
const SVG_DATA = /^data:image\/svg\+xml(?:;(?!base64)[^;,]*)*(;base64)?,/i;
const HREF = /\b(?:xlink:)?href\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi;
const ALLOWED = 'data: URLs of PNG, JPEG, GIF, WebP or self-contained SVG (pass image bytes; nothing is fetched while drawing)';
/** How deep SVG images inside SVG images are followed. */
const MAX_NESTING = 4;

/** The text of a `data:image/svg+xml` URL, or undefined when it cannot be decoded. */
function svgDataText(url: string): string | undefined {
  const match = SVG_DATA.exec(url);
  if (!match) return undefined;
  const payload = url.slice(match[0].length);
  try {
    return match[1] ? Buffer.from(payload, 'base64').toString('utf8') : decodeURIComponent(payload);
  } catch {
    return undefined;
  }
}

/** Why `url` may not be drawn, or undefined when it may. Fragments (`#id`) are allowed inside SVG. */
export function refusal(url: string, depth = 0, fragmentsAllowed = false): string | undefined {
  const value = url.trim();
  if (fragmentsAllowed && value.startsWith('#')) return undefined;
  if (RASTER.test(value)) return undefined;
  if (SVG_DATA.test(value)) {
    if (depth >= MAX_NESTING) return 'SVG images nested too deeply';
    const text = svgDataText(value);
    if (text === undefined) return 'an SVG data URL that cannot be decoded';
    return svgRefusal(text, depth + 1);
  }
  return `refers to ${describe(value)}`;
}

/** Why an SVG document may not be drawn (an href or url() outside itself), or undefined. */
export function svgRefusal(svg: string, depth = 0): string | undefined {
  for (const m of svg.matchAll(HREF)) {
    const why = refusal(m[1] ?? m[2] ?? '', depth, true);
    if (why) return why;
  }
  for (const m of svg.matchAll(CSS_URL)) {
    const why = refusal(m[1] ?? m[2] ?? m[3] ?? '', depth, true);
    if (why) return why;
  }
  return undefined;
}

/** Throw `InputError` unless `src` (an `<img src>`, `<image href>` or CSS `url()` in a tree) is allowed. */
export function checkImageSource(src: unknown, field: string): void {
  const received = describe(src);
  if (typeof src !== 'string') throw new InputError('unsafe-resource', `Invalid value for image source "${field}"`, { field, allowed: ALLOWED, received });
  const why = refusal(src);
  if (why) throw new InputError('unsafe-resource', `Image source not allowed in ${field}: ${why}`, { field, allowed: ALLOWED, received });
}

/** Throw `InputError` if the SVG about to be rasterized refers to anything outside itself. */
export function assertSelfContained(svg: string): void {
  const why = svgRefusal(svg);
  if (why) {
    throw new InputError('unsafe-resource', `The card's SVG refers to a resource outside itself: ${why}`, {
      field: 'svg',
      allowed: ALLOWED,
      received: `an SVG of ${svg.length} characters`,
    });
  }
}

/** Every CSS `url(…)` in a style value. */
export function cssUrls(value: string): string[] {
  return [...value.matchAll(CSS_URL)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}
