/**
 * What a card may refer to: only `data:` images. satori fetches `<img src>` and CSS `url()` over http
 * (no timeout, no size cap), and resvg reads local files for plain paths in `<image href>`, relative and
 * `../..` ones included. So every image source in a tree, and every href in the SVG handed to resvg,
 * must be a `data:` URL of a raster image or of an SVG that itself refers to nothing outside it.
 * Network access is opt-in and happens before rendering (see `hydrate`), never inside it.
 */
import { describe, InputError, LimitError } from '../errors.js';
import { DEFAULT_MAX_PIXELS } from './data-url.js';
import { imageHeader } from './image-header.js';
import { base64Text, fromBase64 } from '../shared/base64.js';

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
    return match[1] ? base64Text(payload) : decodeURIComponent(payload);
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

/**
 * Throw `InputError` unless `src` (an `<img src>`, `<image href>` or CSS `url()` in a tree) is allowed,
 * and `LimitError` when a raster image in it — itself, or one inside an SVG image — claims more pixels
 * than the cap (its header is read; nothing is decoded).
 */
export function checkImageSource(src: unknown, field: string): void {
  const received = describe(src);
  if (typeof src !== 'string') throw new InputError('unsafe-resource', `Invalid value for image source "${field}"`, { field, allowed: ALLOWED, received });
  const why = refusal(src);
  if (why) throw new InputError('unsafe-resource', `Image source not allowed in ${field}: ${why}`, { field, allowed: ALLOWED, received });
  checkPixels(src.trim(), field, 0);
}

/** The pixel cap on a raster data URL, and on every raster data URL inside an SVG one. */
function checkPixels(url: string, field: string, depth: number): void {
  if (RASTER.test(url)) {
    const header = imageHeader(dataBytes(url));
    if (!header) {
      throw new InputError('unsafe-resource', `Image source not allowed in ${field}: an image whose header cannot be read`, { field, allowed: ALLOWED, received: describe(url) });
    }
    const pixels = header.width * header.height;
    if (pixels > DEFAULT_MAX_PIXELS) {
      throw new LimitError('too-large', `Image too large in ${field}`, { field, allowed: `at most ${DEFAULT_MAX_PIXELS} pixels`, received: `${header.width}×${header.height} (${pixels} pixels)` });
    }
    return;
  }
  const text = depth < MAX_NESTING ? svgDataText(url) : undefined;
  if (text === undefined) return;
  for (const m of text.matchAll(HREF)) checkPixels((m[1] ?? m[2] ?? '').trim(), field, depth + 1);
  for (const m of text.matchAll(CSS_URL)) checkPixels((m[1] ?? m[2] ?? m[3] ?? '').trim(), field, depth + 1);
}

/** The bytes of a raster data URL (base64 or percent-encoded). */
function dataBytes(url: string): Uint8Array {
  const comma = url.indexOf(',');
  const meta = url.slice(0, comma);
  const payload = url.slice(comma + 1);
  if (/;base64$/i.test(meta)) return fromBase64(payload);
  // percent-encoded: each %XX is one byte, every other character its own code as a byte
  const bytes: number[] = [];
  for (let i = 0; i < payload.length; i++) {
    if (payload[i] === '%' && /^[0-9a-f]{2}$/i.test(payload.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(payload.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(payload.charCodeAt(i) & 0xff);
  }
  return Uint8Array.from(bytes);
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
