/**
 * Checks a template's tree before satori sees it. satori's layout engine corrupts its WASM memory on
 * trees about 480+ levels deep (every later render in the process then fails), so depth and size are
 * capped here, iteratively (a hostile tree cannot overflow this check's stack either).
 */
import { LimitError, RenderError, describe } from '../errors.js';
import { checkImageSource, cssUrls } from '../images/resource-policy.js';

/** Deepest nesting of elements accepted. */
export const MAX_DEPTH = 128;
/** Most elements accepted in one card. */
export const MAX_NODES = 20_000;

/** Image sources of one element: `<img src>`, SVG `<image href>`, and CSS `url()` in its style. */
function checkSources(type: unknown, props: Record<string, unknown>): void {
  if (type === 'img') checkImageSource(props.src, 'the card\'s <img src>');
  if (type === 'image') checkImageSource(props.href ?? props.xlinkHref ?? props['xlink:href'], 'the card\'s <image href>');
  const style = props.style;
  if (typeof style === 'object' && style !== null) {
    for (const value of Object.values(style)) {
      if (typeof value === 'string' && value.includes('url(')) {
        for (const url of cssUrls(value)) checkImageSource(url, 'the card\'s CSS url()');
      }
    }
  }
}

/** Throw if `tree` is not a node, is too deep or too large, or refers to an image outside itself. */
export function checkTree(tree: unknown): void {
  if (typeof tree !== 'object' || tree === null || typeof (tree as { type?: unknown }).type !== 'string') {
    throw new RenderError('template-failed', 'The template returned something that is not a node', {
      field: 'template',
      allowed: 'an element { type, props } (JSX)',
      received: describe(tree),
    });
  }
  const stack: Array<[unknown, number]> = [[tree, 1]];
  let count = 0;
  while (stack.length) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (Array.isArray(node)) {
      for (const child of node) stack.push([child, depth]);
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    count++;
    if (depth > MAX_DEPTH || count > MAX_NODES) {
      const received = depth > MAX_DEPTH ? `depth ${depth}` : `more than ${MAX_NODES} elements`;
      throw new LimitError('too-large', "The card's element tree is too large", {
        field: 'template',
        allowed: `depth up to ${MAX_DEPTH} and up to ${MAX_NODES} elements`,
        received,
      });
    }
    const { type, props } = node as { type?: unknown; props?: Record<string, unknown> };
    if (props) checkSources(type, props);
    const children = props?.children;
    if (children !== undefined) stack.push([children, depth + 1]);
  }
}
