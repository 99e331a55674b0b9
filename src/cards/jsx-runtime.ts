/**
 * The library's own JSX runtime: compiles templates into plain satori nodes `{ type, props }`.
 * No React. Function components are called at once, so the tree handed to satori holds only
 * intrinsic elements, strings and numbers.
 */
import type { Child, Node, NodeProps } from '../types.js';

/** A function component: props in, a node (or nothing) out. */
export type Component<P = Record<string, unknown>> = (props: P & { children?: Child }) => Node | null;

/** Flatten nested child arrays and drop what JSX renders as nothing (null, undefined, booleans). */
export function flattenChildren(children: readonly Child[]): Array<Node | string | number> {
  const out: Array<Node | string | number> = [];
  const stack: Array<{ list: readonly Child[]; index: number }> = [{ list: children, index: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1] as { list: readonly Child[]; index: number };
    if (top.index >= top.list.length) {
      stack.pop();
      continue;
    }
    const child = top.list[top.index++];
    if (child === null || child === undefined || typeof child === 'boolean') continue;
    if (Array.isArray(child)) stack.push({ list: child, index: 0 });
    else out.push(child);
  }
  return out;
}

/** `h(type, props, ...children)`: what `<div style={…}>…</div>` compiles to. */
export function h(
  type: string | Component<never>,
  props: Record<string, unknown> | null,
  ...children: Child[]
): Node {
  const flat = flattenChildren(children);
  const given = props ?? {};
  const kids: Child | Child[] | undefined =
    flat.length === 0 ? (given.children as Child | undefined) : flat.length === 1 ? flat[0] : flat;
  if (typeof type === 'function') {
    const rendered = (type as Component)({ ...given, children: kids });
    return rendered ?? { type: 'div', props: { style: { display: 'none' } } };
  }
  const nodeProps: NodeProps = { ...given };
  // Development JSX transforms add these; satori would write them into inline SVG as attributes.
  delete nodeProps.__source;
  delete nodeProps.__self;
  if (kids !== undefined) nodeProps.children = kids;
  else delete nodeProps.children;
  return { type, props: nodeProps };
}

/** `<>…</>`: a transparent wrapper. satori needs a single root, so fragments become a flex column. */
export function Fragment(props: { children?: Child }): Node {
  return { type: 'div', props: { style: { display: 'flex', flexDirection: 'column' }, children: props.children } };
}

/** Types TypeScript uses to check templates compiled with `jsxFactory: "h"`. */
export declare namespace h {
  namespace JSX {
    type Element = Node;
    interface IntrinsicElements {
      [tag: string]: Record<string, unknown>;
    }
    interface ElementChildrenAttribute {
      children: unknown;
    }
  }
}
