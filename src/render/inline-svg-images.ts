/**
 * A pass over satori's SVG before resvg draws it: an <image> of a plain SVG (every Twemoji emoji, most
 * SVG logos) becomes a nested <svg> holding that SVG's shapes. The pixels are the same, but resvg draws
 * each SVG image on a layer the size of the whole canvas, so a card's raster time grew with its emoji;
 * as shapes they cost what their paths cost.
 *
 * Only what cannot change meaning when moved into the card's document is inlined: an image with nothing
 * but `href`, `x`, `y`, `width` and `height`, whose SVG has a `viewBox`, no size or aspect setting of
 * its own, and only basic shapes and groups with presentation attributes: no ids, references, styles,
 * text, scripts, entities or comments. Anything else stays an image. The SVG a card returns keeps its
 * images; this is done only for the rasterizer.
 */

const IMAGE_TAG = /<image\b((?:[^>"']|"[^"]*"|'[^']*')*?)\/>/g;
const IMAGE_ATTRIBUTE = /\s+([a-zA-Z][\w:-]*)\s*=\s*"([^"]*)"/gy;
const SVG_BASE64 = 'data:image/svg+xml;base64,';
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
const DOCUMENT = /^\s*(?:<\?xml[^<>]*\?>)?\s*<svg\b([^<>]*)>([\s\S]*)<\/svg>\s*$/;
const ROOT_ATTRIBUTES = new Set(['xmlns', 'viewBox', 'xml:space', 'version']);
const SHAPE_TAG = /<\/?([a-zA-Z][\w:-]*)\b([^<>]*)>/g;
const SHAPES = new Set(['g', 'path', 'circle', 'ellipse', 'rect', 'polygon', 'polyline', 'line']);
/** Attribute names allowed on the shapes: presentation and geometry only. */
const SHAPE_ATTRIBUTE = /^(?:d|cx|cy|r|rx|ry|x|y|x1|y1|x2|y2|width|height|points|transform|fill|fill-opacity|fill-rule|opacity|stroke|stroke-width|stroke-opacity|stroke-linecap|stroke-linejoin|stroke-miterlimit|stroke-dasharray|stroke-dashoffset|clip-rule)$/;
const ANY_ATTRIBUTE = /\s*([a-zA-Z][\w:-]*)\s*=\s*"([^"<>&]*)"/y;
/** Decoded SVGs larger than this are left as images (the inlining is for many small ones). */
const MAX_INLINED_LENGTH = 64 * 1024;
const MAX_CACHED = 500;

/** Decoded and vetted SVGs by data URL: the nested-SVG head's viewBox and the body, or null when not plain. */
const cache = new Map<string, { viewBox: string; body: string } | null>();

/** Every attribute of `source` (double-quoted values only), or undefined when it has anything else. */
function attributes(source: string, pattern: RegExp): Map<string, string> | undefined {
  const found = new Map<string, string>();
  pattern.lastIndex = 0;
  let at = 0;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    if (found.has(m[1] as string)) return undefined;
    found.set(m[1] as string, m[2] as string);
    at = pattern.lastIndex;
  }
  return source.slice(at).trim() === '' ? found : undefined;
}

/** The shapes of a plain SVG document, or null when it is not plain (see the module comment). */
function plainSvg(document: string): { viewBox: string; body: string } | null {
  if (document.length > MAX_INLINED_LENGTH || /<!|&/.test(document)) return null;
  const m = DOCUMENT.exec(document);
  if (!m) return null;
  const root = attributes(m[1] as string, ANY_ATTRIBUTE);
  const viewBox = root?.get('viewBox');
  if (!root || !viewBox || [...root.keys()].some((name) => !ROOT_ATTRIBUTES.has(name))) return null;
  if (!/^\s*-?[\d.]+(?:[\s,]+-?[\d.]+){3}\s*$/.test(viewBox)) return null;
  const body = m[2] as string;
  if (/<(?!\/?[a-zA-Z])/.test(body)) return null;
  for (const tag of body.matchAll(SHAPE_TAG)) {
    const [whole, name, rest] = tag as unknown as [string, string, string];
    if (!SHAPES.has(name)) return null;
    if (whole.startsWith('</')) {
      if (rest.trim() !== '') return null;
      continue;
    }
    const found = attributes(rest.replace(/\/$/, ''), ANY_ATTRIBUTE);
    if (!found || [...found.keys()].some((attr) => !SHAPE_ATTRIBUTE.test(attr))) return null;
  }
  if (body.replace(SHAPE_TAG, '').trim() !== '') return null; // text between the shapes would be drawn
  return { viewBox: viewBox.trim(), body };
}

function vetted(href: string): { viewBox: string; body: string } | null {
  let entry = cache.get(href);
  if (entry !== undefined) return entry;
  let document: string;
  try {
    document = atob(href.slice(SVG_BASE64.length));
  } catch {
    document = '';
  }
  entry = /^[\t\n\r -~]+$/.test(document) ? plainSvg(document) : null; // ASCII only: atob gives bytes, not UTF-8
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(href, entry);
  return entry;
}

/** `svg` with every image of a plain SVG drawn as its shapes instead. Same pixels, far fewer layers. */
export function inlineSvgImages(svg: string): string {
  if (!svg.includes(SVG_BASE64)) return svg;
  return svg.replace(IMAGE_TAG, (tag, source: string) => {
    const found = attributes(source, IMAGE_ATTRIBUTE);
    const href = found?.get('href');
    if (!found || !href?.startsWith(SVG_BASE64) || found.size !== 5) return tag;
    const box = ['x', 'y', 'width', 'height'].map((name) => found.get(name));
    if (!box.every((value) => value !== undefined && NUMBER.test(value))) return tag;
    const plain = vetted(href);
    if (!plain) return tag;
    const [x, y, width, height] = box as [string, string, string, string];
    return `<svg x="${x}" y="${y}" width="${width}" height="${height}" viewBox="${plain.viewBox}">${plain.body}</svg>`;
  });
}
