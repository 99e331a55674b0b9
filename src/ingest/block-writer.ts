/**
 * Writing the article body as plain text: blocks (p, headings, blockquote, li, figcaption, and any
 * other block element's own text) joined by "\n", whitespace collapsed inside a block, <br> kept as
 * "\n". Boilerplate is left out; social-post embeds are written as their own blocks and returned as
 * posts whose offsets cover them. Iterative, one visit per node.
 */
import type { AnyNode, Document, Element } from 'domhandler';
import { textContent } from 'domutils';
import { type EmbedReader, embedReader, isOpaqueEmbed, parseStatusUrl } from './posts/index.js';
import type { Block, Post } from '../types.js';
import { isBoilerplate, isCreditLine, isFillerLine, isTeaserLine } from './boilerplate.js';
import { BLOCK } from './page-scan.js';

/** The body as text. */
export interface WrittenBody {
  text: string;
  blocks: Block[];
  /** Posts read from embed markup, in order. */
  posts: Post[];
  /** For each block, the hrefs of the links inside it. */
  blockLinks: string[][];
  warnings: string[];
}

type Kind = Block['kind'];
const KIND_OF: Record<string, Kind> = {
  h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading',
  p: 'p', li: 'li', dt: 'li', dd: 'li', figcaption: 'caption', caption: 'caption', blockquote: 'blockquote',
};

/** Share of a line's letters inside links that makes it a link line, and the longest such line left out. */
const LINK_ONLY = 0.9;
const LINK_LINE = 200;

/** Letters and digits in `s`. */
function wordChars(s: string): number {
  let n = 0;
  for (const ch of s) if (/[\p{L}\p{N}]/u.test(ch)) n++;
  return n;
}

/** Marks the end of an element on the walk stack. */
class Exit {
  kind?: Kind;
  pre?: boolean;
  link?: boolean;
  table?: boolean;
  embed?: { read: EmbedReader; firstBlock: number };
  constructor(readonly exit: Element) {}
}

/** Characters of body text read from a page: nine times a long read, and under the quote scan limit (extract.ts). */
export const MAX_BODY_TEXT = 900_000;

/** Write `root`'s text (at most about MAX_BODY_TEXT characters of it, with a warning when more was left). */
export function writeBody(root: Element | Document | readonly Element[]): WrittenBody {
  const out: WrittenBody = { text: '', blocks: [], posts: [], blockLinks: [], warnings: [] };
  const pieces: string[] = [];
  let length = 0;
  let buffer: string[] = [];
  let links: string[] = [];
  const kinds: Kind[] = [];
  let preDepth = 0;
  let embedDepth = 0;
  let dropped = 0;
  let linkDepth = 0;
  let tableDepth = 0;
  /** Letters and digits of the buffered block, and how many of them stand inside links. */
  let chars = 0;
  let linkChars = 0;

  const flush = () => {
    if (buffer.length === 0) return;
    const block = tidy(buffer.join(''));
    buffer = [];
    const hrefs = links;
    links = [];
    const allLinks = chars > 0 && linkChars >= chars * LINK_ONLY;
    chars = 0;
    linkChars = 0;
    if (!block) return;
    // a short line that is all link — a headline in a list of other stories, "Next on …" — is navigation;
    // in a table it is data (a list of films, each its article's link)
    const linkLine = allLinks && block.length < LINK_LINE && tableDepth === 0;
    // a line holding a post's permalink ("Twitter content: …") is a post, read later from its link
    const leaveOut = embedDepth === 0 && block.length < 400 && (isTeaserLine(block) || isFillerLine(block) || isCreditLine(block) || linkLine);
    if (leaveOut && !hrefs.some((h) => parseStatusUrl(h) !== undefined)) {
      dropped++;
      return;
    }
    write(block, currentKind(), hrefs);
  };
  const write = (block: string, kind: Kind, hrefs: string[]) => {
    if (length > 0) {
      pieces.push('\n');
      length += 1;
    }
    out.blocks.push({ kind, start: length, end: length + block.length });
    out.blockLinks.push(hrefs);
    pieces.push(block);
    length += block.length;
  };
  // The nearest kind-giving ancestor decides, except that a <p> inside a blockquote is 'blockquote'
  // and a <p> inside a list item or heading is 'p'.
  const currentKind = (): Kind => {
    let sawP = false;
    for (let i = kinds.length - 1; i >= 0; i--) {
      const k = kinds[i] as Kind;
      if (k === 'blockquote') return k;
      if (k === 'p') sawP = true;
      else return sawP ? 'p' : k;
    }
    return 'p';
  };

  // a body spread over sibling elements is read element by element, each as a whole
  const stack: (AnyNode | Exit)[] = Array.isArray(root) ? [...root].reverse() : [...(root as Element | Document).children].reverse();
  let stopped = false;
  while (stack.length > 0) {
    // past the body budget, stop at the next point outside an embed: what follows is not read
    if (length >= MAX_BODY_TEXT && embedDepth === 0) {
      stopped = true;
      break;
    }
    const item = stack.pop() as AnyNode | Exit;
    if (item instanceof Exit) {
      const el = item.exit;
      if (BLOCK.has(el.name) || item.embed) flush();
      if (item.kind) {
        kinds.pop();
      }
      if (item.pre) preDepth--;
      if (item.link) linkDepth--;
      if (item.table) tableDepth--;
      if (item.embed) {
        embedDepth--;
        finishEmbed(el, item.embed);
      }
      continue;
    }
    if (item.type === 'text') {
      const data = item.data;
      buffer.push(preDepth > 0 ? data.replace(/\r\n?/g, '\n') : data.replace(/[\t\n\f\r]/g, ' '));
      const n = wordChars(data);
      chars += n;
      if (linkDepth > 0) linkChars += n;
      continue;
    }
    if (item.type !== 'tag' && item.type !== 'script' && item.type !== 'style') continue;
    const el = item as Element;
    const name = el.name;
    const reader = embedDepth === 0 ? embedReader(el) : undefined;
    if (!reader && isBoilerplate(el)) {
      // a post embedded inside a box left out ("social-embed", an ad notice's wrapper) is still the article's
      if (embedDepth === 0) for (const embed of embedsWithin(el).reverse()) stack.push(embed);
      continue;
    }
    if (name === 'br') {
      buffer.push('\n');
      continue;
    }
    if (name === 'a' && el.attribs.href) links.push(el.attribs.href.trim());
    // <blockquote><p>…</p><cite>Name, role</cite></blockquote>: the cite is the quote's dash line
    if ((name === 'cite' || name === 'footer') && embedDepth === 0 && kinds.includes('blockquote') && !/^\s*[—–―-]/u.test(textContent(el))) buffer.push('— ');
    const exit = new Exit(el);
    if (name === 'a') {
      linkDepth++;
      exit.link = true;
    }
    if (name === 'table') {
      tableDepth++;
      exit.table = true;
    }
    if (reader) {
      flush();
      embedDepth++;
      exit.embed = { read: reader, firstBlock: out.blocks.length };
    } else if (BLOCK.has(name)) flush();
    const kind = reader ? 'blockquote' : KIND_OF[name];
    if (kind) {
      exit.kind = kind;
      kinds.push(kind);
    }
    if (name === 'pre') {
      exit.pre = true;
      preDepth++;
    }
    stack.push(exit);
    // a consent placeholder's boilerplate is not read: its post's link is written in its place
    if (reader && isOpaqueEmbed(reader)) continue;
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i] as AnyNode);
  }
  flush();

  function finishEmbed(el: Element, embed: NonNullable<Exit['embed']>): void {
    const read = embed.read(el);
    out.warnings.push(...read.warnings);
    if (out.blocks.length === embed.firstBlock) {
      if (!read.placeholder) return;
      write(read.placeholder, 'blockquote', []);
    }
    const first = out.blocks[embed.firstBlock] as Block;
    const last = out.blocks[out.blocks.length - 1] as Block;
    out.posts.push({ ...read.post, start: first.start, end: last.end });
  }

  out.text = pieces.join('');
  if (stopped) out.warnings.push(`The article body is longer than ${MAX_BODY_TEXT} characters; the rest of the page was not read.`);
  if (dropped > 0) out.warnings.push(`Left out ${dropped} "Read more", link, credit or advertisement line${dropped === 1 ? '' : 's'}.`);
  return out;
}

/** The outermost post embeds inside `root` (not `root` itself), in document order. */
function embedsWithin(root: Element): Element[] {
  if (root.name === 'script' || root.name === 'style' || root.name === 'head') return [];
  const found: Element[] = [];
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (node.type !== 'tag') continue;
    const el = node as Element;
    if (embedReader(el)) found.push(el);
    else for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i] as AnyNode);
  }
  return found;
}

/** Collapse spaces inside each line, trim lines, keep at most one blank line in a row, trim the block. */
function tidy(raw: string): string {
  if (!raw.includes('\n')) return raw.replace(/[ \u00a0]+/g, ' ').trim();
  const lines = raw.split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const t = line.replace(/[ \u00a0]+/g, ' ').trim();
    if (t === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(t);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n');
}
