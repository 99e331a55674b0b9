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
  /** The element to read the article text from. */
  root: Element | Document;
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
  if (dense) return { root: outsideEmbeds(dense, doc), by: 'density' };
  return { root: doc, by: 'document' };
}

/** The element itself, or the parent of the outermost embed it sits in: a post is never the whole body. */
function outsideEmbeds(el: Element, doc: Document): Element | Document {
  let root: Element | Document = el;
  for (let node: Element | Document | null = el; node && node.type !== 'root'; node = node.parent as Element | Document | null) {
    if (embedReader(node as Element)) root = (node.parent as Element | Document | null) ?? doc;
  }
  return root;
}
