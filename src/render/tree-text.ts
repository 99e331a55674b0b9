/** The text a tree will draw, for glyph coverage checks. */

/** All strings and numbers in `tree`, joined by newlines (iterative: trees can be wide). */
export function treeText(tree: unknown): string {
  const parts: string[] = [];
  const stack: unknown[] = [tree];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node === 'string') parts.push(node);
    else if (typeof node === 'number') parts.push(String(node));
    else if (Array.isArray(node)) for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
    else if (typeof node === 'object' && node !== null) stack.push((node as { props?: { children?: unknown } }).props?.children);
  }
  return parts.join('\n');
}
