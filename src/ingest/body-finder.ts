/**
 * Picking the article body out of a page: the largest <article>, else [itemprop=articleBody], else
 * <main>, each only when it holds a fair share of the page's paragraph text (a teaser <article> in a
 * sidebar does not count), else the container with the densest paragraph text, else the whole document.
 */
import type { Document, Element } from 'domhandler';
import { embedReader } from './posts/index.js';
import type { PageScan } from './page-scan.js';

/** The chosen body and how it was chosen. */
export interface BodyChoice {
  /** The element to read the article text from, or the elements in page order when it is spread over siblings. */
  root: Element | Document | Element[];
  /** Which rule chose it. */
  by: 'article' | 'articleBody' | 'main' | 'density' | 'document';
}

/** Share of the densest container's paragraph text a semantic element must hold to be trusted. */
const SHARE = 0.5;

/** Choose the element the article text is read from. */
export function findBody(doc: Document, scan: PageScan): BodyChoice {
  let dense: Element | undefined;
  let best = 0;
  for (const [el, score] of scan.scores) {
    if (score > best) {
      best = score;
      dense = el;
    }
  }
  for (const kind of ['article', 'articleBody', 'main'] as const) {
    let pick: { el: Element; length: number } | undefined;
    for (const c of scan.candidates) if (c.kind === kind && (!pick || c.length > pick.length)) pick = c;
    if (pick && pick.length > 0 && pick.length >= best * SHARE) return { root: outsideEmbeds(pick.el, doc), by: kind };
  }
  if (dense) {
    const body = widened(dense, scan);
    const root = outsideEmbeds(body, doc);
    return { root: root === body ? withSiblings(body, best, scan) : root, by: 'density' };
  }
  return { root: doc, by: 'document' };
}

/** How much more paragraph text an ancestor must hold to be taken instead, and how much of what it adds must be paragraphs. */
const WIDER = 1.25;
const ADDED_PROSE = 0.6;

/**
 * The densest container, or the highest ancestor that adds a good deal of paragraph text made mostly of
 * prose outside links: a body split into steps, sections or a lead box and the rest is read whole, while a
 * wrapper that adds menus, link lists and teasers is not taken.
 */
function widened(dense: Element, scan: PageScan): Element {
  let body = dense;
  let inner = scan.texts.get(dense);
  if (!inner) return dense;
  for (let node = dense.parent; node && node.type === 'tag'; node = node.parent) {
    const el = node as Element;
    if (el.name === 'body' || el.name === 'html') break;
    const outer = scan.texts.get(el);
    if (!outer) continue;
    const added = outer.all - inner.all;
    if (outer.prose >= inner.prose * WIDER && added > 0 && (outer.prose - inner.prose) / added >= ADDED_PROSE) {
      body = el;
      inner = outer;
    }
  }
  return body;
}

/** Share of the densest container's score a sibling container must reach to be part of the body too. */
const SIBLING_SHARE = 0.2;
/** Length of a sibling paragraph's own text that makes it part of the body. */
const SIBLING_PARAGRAPH = 80;

/**
 * The densest container and those of its siblings that hold article text as well: a body split into a lead
 * box and the rest, or into sections side by side, is read whole. A sibling counts when its own paragraph
 * score is a fair share of the best one, or when it is a long paragraph itself.
 */
function withSiblings(dense: Element, best: number, scan: PageScan): Element | Element[] {
  const parent = dense.parent;
  if (parent?.type !== 'tag') return dense;
  const threshold = Math.max(10, best * SIBLING_SHARE);
  const picked: Element[] = [];
  for (const node of (parent as Element).children) {
    if (node.type !== 'tag') continue;
    const el = node as Element;
    if (el === dense || (scan.scores.get(el) ?? 0) >= threshold || (el.name === 'p' && (scan.paragraphs.get(el) ?? 0) >= SIBLING_PARAGRAPH)) picked.push(el);
  }
  return picked.length > 1 ? picked : dense;
}

/** The element itself, or the parent of the outermost embed it sits in: a post is never the whole body. */
function outsideEmbeds(el: Element, doc: Document): Element | Document {
  let root: Element | Document = el;
  for (let node: Element | Document | null = el; node && node.type !== 'root'; node = node.parent as Element | Document | null) {
    if (embedReader(node as Element)) root = (node.parent as Element | Document | null) ?? doc;
  }
  return root;
}
