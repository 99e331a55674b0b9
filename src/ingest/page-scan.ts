/**
 * One iterative pass over the parsed page (no recursion: 10,000 levels of nesting must not overflow
 * the stack). It gathers what metadata lives in (meta, link, title, JSON-LD scripts) and how much
 * paragraph text each container holds, which `findBody` uses to pick the article body.
 */
import type { AnyNode, Document, Element } from 'domhandler';
import { isBoilerplate } from './boilerplate.js';

/** What the scan found. */
export interface PageScan {
  /** meta content by lower-cased property / name / itemprop, first one wins. */
  meta: Map<string, string>;
  /** href of the first <link rel="canonical">. */
  canonical?: string;
  /** Text of the <title> element. */
  title?: string;
  /** Bodies of <script type="application/ld+json"> elements. */
  jsonLd: string[];
  /** lang (or xml:lang) of the <html> element. */
  lang?: string;
  /** datetime of the first <time itemprop="datePublished"> or <time pubdate>. */
  timePublished?: string;
  /** Paragraph-text score of containers (Readability-style: a paragraph's length to its parent, half to the grandparent). */
  scores: Map<Element, number>;
  /** Own text length of paragraphs (PARAGRAPH elements) with at least 25 characters of it. */
  paragraphs: Map<Element, number>;
  /** For every element holding paragraph text: its visible text length and how much of that is paragraph text outside links. */
  texts: Map<Element, { all: number; prose: number }>;
  /** Visible text length of candidate body elements (<article>, [itemprop=articleBody], <main>, [role=main]). */
  candidates: { el: Element; kind: 'article' | 'articleBody' | 'main'; length: number }[];
}

/** Elements that hold a paragraph's text directly. */
const PARAGRAPH = new Set(['p', 'pre', 'td', 'li', 'blockquote', 'dd', 'h2', 'h3', 'h4']);
/** Elements that start a new block of text. */
export const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'blockquote', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'pre',
  'address', 'hr', 'center', 'details', 'summary', 'fieldset', 'legend', 'body', 'html',
]);

/** An open element during the walk; also marks its end on the walk stack. */
class Frame {
  /** Text length in the subtree. */
  length = 0;
  /** Text length whose nearest block ancestor is this element (blocks only). */
  direct = 0;
  /** Of `direct`, the part inside links. */
  directLinks = 0;
  /** Paragraph text outside links in the subtree (blocks with 25 or more characters of their own). */
  prose = 0;
  constructor(
    readonly el: Element,
    readonly dropped: boolean,
    readonly kind: 'article' | 'articleBody' | 'main' | undefined,
  ) {}
}

/** Scan a parsed document. */
export function scanPage(doc: Document): PageScan {
  const scan: PageScan = { meta: new Map(), jsonLd: [], scores: new Map(), paragraphs: new Map(), texts: new Map(), candidates: [] };
  const frames: Frame[] = [];
  const blocks: Frame[] = [];
  let dropDepth = 0;
  let linkDepth = 0;
  const stack: (AnyNode | Frame)[] = [...doc.children].reverse();
  while (stack.length > 0) {
    const item = stack.pop() as AnyNode | Frame;
    if (item instanceof Frame) {
      closeFrame(item, frames, blocks, scan);
      if (item.dropped) dropDepth--;
      if (item.el.name === 'a') linkDepth--;
      continue;
    }
    if (item.type === 'text') {
      if (dropDepth > 0) continue;
      const length = visibleLength(item.data);
      const top = frames[frames.length - 1];
      if (top) top.length += length;
      const block = blocks[blocks.length - 1];
      if (block) {
        block.direct += length;
        if (linkDepth > 0) block.directLinks += length;
      }
      continue;
    }
    if (item.type !== 'tag' && item.type !== 'script' && item.type !== 'style') continue;
    const el = item as Element;
    collectMeta(el, scan);
    const dropped = dropDepth > 0 || isBoilerplate(el);
    const frame = new Frame(el, dropped && dropDepth === 0, dropped ? undefined : candidateKind(el));
    if (frame.dropped) dropDepth++;
    if (el.name === 'a') linkDepth++;
    frames.push(frame);
    if (BLOCK.has(el.name)) blocks.push(frame);
    stack.push(frame);
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i] as AnyNode);
  }
  return scan;
}

function closeFrame(frame: Frame, frames: Frame[], blocks: Frame[], scan: PageScan): void {
  frames.pop();
  const parent = frames[frames.length - 1];
  if (parent) parent.length += frame.length;
  if (blocks[blocks.length - 1] === frame) {
    blocks.pop();
    if (frame.direct >= 25) frame.prose += frame.direct - frame.directLinks;
    if (frame.direct >= 25) {
      const el = frame.el;
      if (PARAGRAPH.has(el.name)) scan.paragraphs.set(el, frame.direct);
      const holder = PARAGRAPH.has(el.name) ? el.parent : el;
      if (holder && holder.type === 'tag') {
        credit(scan.scores, holder as Element, frame.direct);
        const grand = holder.parent;
        if (grand && grand.type === 'tag') credit(scan.scores, grand as Element, frame.direct / 2);
      }
    }
  }
  if (frame.prose > 0) {
    if (parent) parent.prose += frame.prose;
    scan.texts.set(frame.el, { all: frame.length, prose: frame.prose });
  }
  if (frame.kind) scan.candidates.push({ el: frame.el, kind: frame.kind, length: frame.length });
}

function credit(scores: Map<Element, number>, el: Element, amount: number): void {
  scores.set(el, (scores.get(el) ?? 0) + amount);
}

function candidateKind(el: Element): Frame['kind'] {
  if (el.name === 'article') return 'article';
  if (el.attribs.itemprop?.split(/\s+/).includes('articleBody')) return 'articleBody';
  if (el.name === 'main' || el.attribs.role === 'main') return 'main';
  return undefined;
}

/** Length of a text node once whitespace runs count as one character. */
function visibleLength(data: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    const isSpace = c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xa0;
    if (isSpace) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      space = false;
    }
  }
  return n;
}

function collectMeta(el: Element, scan: PageScan): void {
  const a = el.attribs;
  switch (el.name) {
    case 'meta': {
      const content = a.content?.trim();
      if (!content) return;
      // property="og:title dc:title" names the content twice
      for (const key of [a.property, a.name, a.itemprop]) {
        for (const k of key?.trim().toLowerCase().split(/\s+/) ?? []) if (k && !scan.meta.has(k)) scan.meta.set(k, content);
      }
      const equiv = a['http-equiv']?.trim().toLowerCase();
      if (equiv && !scan.meta.has(equiv)) scan.meta.set(equiv, content);
      return;
    }
    case 'html': {
      const lang = a.lang ?? a['xml:lang'];
      if (scan.lang === undefined && lang?.trim()) scan.lang = lang.trim();
      return;
    }
    case 'link':
      if (!scan.canonical && a.rel?.toLowerCase().split(/\s+/).includes('canonical') && a.href?.trim()) scan.canonical = a.href.trim();
      return;
    case 'title':
      if (scan.title === undefined) scan.title = childText(el);
      return;
    case 'script':
      if (a.type?.trim().toLowerCase() === 'application/ld+json') scan.jsonLd.push(childText(el));
      return;
    case 'time':
      if (!scan.timePublished && a.datetime && (a.itemprop === 'datePublished' || a.pubdate !== undefined)) scan.timePublished = a.datetime.trim();
      return;
  }
}

/** The text directly inside an element (title, script): its text children joined. */
function childText(el: Element): string {
  let s = '';
  for (const c of el.children) if (c.type === 'text') s += c.data;
  return s;
}
