/**
 * Checks a template's tree before satori sees it. satori's layout engine corrupts its WASM memory on
 * trees about 480+ levels deep (every later render in the process then fails), so depth and size are
 * capped here, iteratively (a hostile tree cannot overflow this check's stack either).
 */
import { LimitError, RenderError, describe } from '../errors.js';

/** Deepest nesting of elements accepted. */
export const MAX_DEPTH = 128;
/** Most elements accepted in one card. */
export const MAX_NODES = 20_000;

/** Throw if `tree` is not a node, or is too deep or too large. */
export function checkTree(tree: unknown): void {
  if (typeof tree !== 'object' || tree === null || typeof (tree as { type?: unknown }).type !== 'string') {
    throw new RenderError(
      `The template returned something that is not a node. Allowed: an element { type, props } (JSX). Received: ${describe(tree)}.`,
      { field: 'template', allowed: 'an element { type, props }', received: describe(tree) },
    );
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
      throw new LimitError(
        `The card's element tree is too large. Allowed: depth up to ${MAX_DEPTH} and up to ${MAX_NODES} elements. Received: ${received}.`,
        { field: 'template', allowed: `depth ≤ ${MAX_DEPTH}, ≤ ${MAX_NODES} elements`, received },
      );
    }
    const children = (node as { props?: { children?: unknown } }).props?.children;
    if (children !== undefined) stack.push([children, depth + 1]);
  }
}
