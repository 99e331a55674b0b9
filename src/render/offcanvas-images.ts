/**
 * A pass over satori's SVG before resvg draws it: images that lie wholly outside the canvas are removed.
 * They draw nothing, and resvg-js 2.6.2 can abort the whole process on one: an emoji (an SVG image with a
 * clip path of its own) placed some way off a small canvas makes resvg panic (`fit_to_rect` unwraps an
 * empty rectangle), which no JavaScript can catch. satori puts such images there when a card is too
 * narrow for a line it does not wrap (a site name of emoji on a 2 px wide card, found by `npm run fuzz`).
 *
 * Only images in the canvas's own coordinates are judged: one inside a transformed group, a pattern,
 * mask, clip path, marker, symbol, filter, definitions or a nested <svg> is left as it is.
 */

const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const IMAGE_TAG = /<image\b((?:[^>"']|"[^"]*"|'[^']*')*?)\/?>/g;
/** Elements whose content is not drawn in the canvas's coordinates (or not drawn where it stands). */
const OTHER_SPACE = new Set(['pattern', 'mask', 'clipPath', 'marker', 'symbol', 'filter', 'defs', 'svg', 'foreignObject']);

type Attribute = 'x' | 'y' | 'width' | 'height' | 'transform';
/** One pattern per attribute read, made once. */
const ATTRIBUTE = new Map<Attribute, RegExp>(
  (['x', 'y', 'width', 'height', 'transform'] as const).map((name) => [name, new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)]),
);

function attribute(attributes: string, name: Attribute): string | undefined {
  const m = (ATTRIBUTE.get(name) as RegExp).exec(attributes);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** The box of an <image> from its attributes, or undefined when it is not plain numbers. */
function imageBox(attributes: string): [number, number, number, number] | undefined {
  if (attribute(attributes, 'transform') !== undefined) return undefined;
  const values = (['x', 'y', 'width', 'height'] as const).map((name) => {
    const raw = attribute(attributes, name);
    return raw === undefined ? 0 : Number(raw.trim());
  });
  return values.every(Number.isFinite) ? (values as [number, number, number, number]) : undefined;
}

function offCanvas(attributes: string, width: number, height: number): boolean {
  const box = imageBox(attributes);
  if (!box) return false;
  const [x, y, w, h] = box;
  return !(x < width && x + w > 0 && y < height && y + h > 0);
}

/** `svg` without the <image> elements that cannot touch the `width`×`height` canvas. */
export function dropOffCanvasImages(svg: string, width: number, height: number): string {
  if (!svg.includes('<image')) return svg;
  // the common case, every image on the canvas, costs one look at the <image> tags
  let any = false;
  for (const m of svg.matchAll(IMAGE_TAG)) {
    if (offCanvas(m[1] as string, width, height)) {
      any = true;
      break;
    }
  }
  if (!any) return svg;
  // open elements that put their content in another coordinate space; the root <svg> is the canvas
  const stack: boolean[] = [];
  let elsewhere = 0;
  let sawRoot = false;
  return svg.replace(TAG, (tag: string, closing: string, name: string, attributes: string, selfClosing: string) => {
    if (closing) {
      if (stack.pop()) elsewhere--;
      return tag;
    }
    const isRoot = name === 'svg' && !sawRoot;
    if (isRoot) sawRoot = true;
    const other = !isRoot && (OTHER_SPACE.has(name) || (name === 'g' && attribute(attributes, 'transform') !== undefined));
    // an <image> with content is kept (satori never writes one)
    if (name === 'image' && elsewhere === 0 && selfClosing && offCanvas(attributes, width, height)) return '';
    if (!selfClosing) {
      stack.push(other);
      if (other) elsewhere++;
    }
    return tag;
  });
}
