/**
 * The words of one embed element, read iteratively (no recursion: embeds can be nested deep):
 * <br> and block elements become line breaks, whitespace collapses inside a line, anchors are listed.
 */
import type { AnyNode, Element } from 'domhandler';
import { collapse, tidyLines } from '../../shared/text-lines.js';

/** An anchor inside an embed: where it points and the words it shows. */
export interface Anchor {
  /** The href as written (entities decoded). */
  href: string;
  /** The anchor's visible text, whitespace collapsed. */
  text: string;
}

/** What an element says. */
export interface ElementText {
  /** The words, line breaks kept (at most one blank line in a row), each line trimmed. */
  text: string;
  /** Anchors in document order. */
  anchors: Anchor[];
}

const BLOCK = new Set([
  'p', 'div', 'blockquote', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'section', 'article', 'figure', 'figcaption', 'header', 'footer', 'table', 'tr', 'pre', 'dd', 'dt',
]);
const SILENT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'img', 'video', 'audio', 'button']);

type Step = AnyNode | { close: 'a' | 'block'; el: Element };

/** Read `root`'s text; descendants for which `skip` returns true are left out. */
export function elementText(root: Element, skip?: (el: Element) => boolean): ElementText {
  const out: string[] = [];
  const anchors: Anchor[] = [];
  const open: { href: string; from: number }[] = [];
  const stack: Step[] = [...root.children].reverse();
  while (stack.length > 0) {
    const step = stack.pop() as Step;
    if ('close' in step) {
      if (step.close === 'block') out.push('\n');
      else {
        const a = open.pop();
        if (a) anchors.push({ href: a.href, text: collapse(out.slice(a.from).join('')).trim() });
      }
      continue;
    }
    if (step.type === 'text') {
      out.push(step.data);
      continue;
    }
    if (step.type !== 'tag' && step.type !== 'script' && step.type !== 'style') continue;
    const el = step as Element;
    const name = el.name.toLowerCase();
    if (SILENT.has(name) || skip?.(el)) continue;
    if (name === 'br') {
      out.push('\n');
      continue;
    }
    if (name === 'a') {
      open.push({ href: el.attribs.href ?? '', from: out.length });
      stack.push({ close: 'a', el });
    } else if (BLOCK.has(name)) {
      out.push('\n');
      stack.push({ close: 'block', el });
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i] as AnyNode);
  }
  return { text: tidyLines(out.join('')), anchors };
}

/** Attribute value, trimmed; undefined when absent or empty. */
export function attr(el: Element, name: string): string | undefined {
  const v = el.attribs[name]?.trim();
  return v ? v : undefined;
}

/** Whether the element's class list holds `name`. */
export function hasClass(el: Element, name: string): boolean {
  const cls = el.attribs.class;
  if (!cls) return false;
  return cls.split(/\s+/).includes(name);
}

/** The first descendant element (iteratively, document order) that satisfies `test`. */
export function findElement(root: Element, test: (el: Element) => boolean): Element | undefined {
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const el = node as Element;
    if (test(el)) return el;
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i] as AnyNode);
  }
  return undefined;
}
