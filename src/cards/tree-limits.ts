/**
 * Checks a template's tree before satori sees it, on a plain copy that is then what satori draws. satori's layout engine corrupts its WASM memory on
 * trees about 480+ levels deep (every later render in the process then fails), so depth and size are
 * capped here, iteratively (a hostile tree cannot overflow this check's stack either).
 */
import { LimitError, RenderError, describe } from '../errors.js';
import { checkImageSource, cssUrls } from '../images/resource-policy.js';
import type { Node } from '../types.js';

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

/**
 * A prop's value as plain data, read once: primitives as they are, arrays and objects (a style, SVG
 * attributes) copied key by key, so no getter, Proxy or prototype can show the check one value and satori
 * another. Functions and other objects are dropped: satori draws neither.
 */
function plain(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  if (depth > 4) return undefined;
  if (Array.isArray(value)) return Array.from(value, (v) => plain(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = plain((value as Record<string, unknown>)[key], depth + 1);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** The not-a-node error. */
function notANode(tree: unknown): RenderError {
  return new RenderError('template-failed', 'The template returned something that is not a node', {
    field: 'template',
    allowed: 'an element { type, props } (JSX)',
    received: describe(tree),
  });
}

/**
 * The tree as plain data, checked: every element's type and props read once into a copy, that copy
 * checked (depth, size, image sources and their pixels) and returned to be drawn. Iterative, so a hostile
 * tree cannot overflow this check's stack either. Throws for a tree that is not a node, too deep or too
 * large, or that refers to an image outside itself or one past the pixel cap.
 */
export function checkedTree(tree: unknown): Node {
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) throw notANode(tree);
  const rootType = (tree as { type?: unknown }).type;
  if (typeof rootType !== 'string') throw notANode(tree);
  const holder: { children?: unknown } = {};
  // each entry: a value of the input, the depth it sits at, and where its copy goes
  const stack: Array<[unknown, number, (copy: unknown) => void]> = [[tree, 1, (c) => (holder.children = c)]];
  let count = 0;
  while (stack.length) {
    const [node, depth, put] = stack.pop() as [unknown, number, (copy: unknown) => void];
    if (Array.isArray(node)) {
      const items = Array.from(node);
      const copy: unknown[] = new Array(items.length);
      put(copy);
      for (let i = items.length - 1; i >= 0; i--) stack.push([items[i], depth, (c) => (copy[i] = c)]);
      continue;
    }
    if (typeof node !== 'object' || node === null) {
      put(typeof node === 'function' || typeof node === 'symbol' ? undefined : node);
      continue;
    }
    count++;
    if (depth > MAX_DEPTH || count > MAX_NODES) {
      const received = depth > MAX_DEPTH ? `depth ${depth}` : `more than ${MAX_NODES} elements`;
      throw new LimitError('too-large', "The card's element tree is too large", {
        field: 'template',
        allowed: `depth up to ${MAX_DEPTH} and up to ${MAX_NODES} elements`,
        received,
      });
    }
    const type = (node as { type?: unknown }).type;
    // a function as a type would be called by satori after this check: components are resolved by `h`
    if (typeof type !== 'string') throw notANode(node);
    const given = (node as { props?: unknown }).props;
    const props: Record<string, unknown> = {};
    let children: unknown;
    if (typeof given === 'object' && given !== null) {
      for (const key of Object.keys(given)) {
        const value = (given as Record<string, unknown>)[key];
        if (key === 'children') children = value;
        else {
          const v = plain(value);
          if (v !== undefined) props[key] = v;
        }
      }
    }
    checkSources(type, props);
    const copy = { type, props };
    put(copy);
    if (children !== undefined) stack.push([children, depth + 1, (c) => (props.children = c)]);
  }
  return holder.children as Node;
}

/** Throw if `tree` is not a node, is too deep or too large, or refers to an image outside itself. */
export function checkTree(tree: unknown): void {
  checkedTree(tree);
}
