/**
 * Plain-text articles: the text stays exactly as given; each non-empty line (trimmed) is a block.
 *
 * "Read more: …" style teaser lines stay in the text but get no block: extraction looks for quotes
 * only inside blocks, so a teaser headline is never taken for a quote or a speaker's paragraph.
 */
import type { Block } from '../types.js';
import { isTeaserLine } from './boilerplate.js';

/** Blocks of a plain-text article: its non-empty lines, teaser lines left out. */
export function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const lineBreak = /\r\n|\n|\r|\u2028|\u2029/g;
  let lineStart = 0;
  for (;;) {
    const m = lineBreak.exec(text);
    const lineEnd = m ? m.index : text.length;
    addLine(text, lineStart, lineEnd, blocks);
    if (!m) break;
    lineStart = m.index + m[0].length;
  }
  return blocks;
}

function addLine(text: string, from: number, to: number, blocks: Block[]): void {
  let start = from;
  let end = to;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start === end) return;
  if (isTeaserLine(text.slice(start, Math.min(end, start + 60)))) return;
  blocks.push({ kind: 'p', start, end });
}

/** Spaces a line is trimmed of: ASCII whitespace, no-break space, BOM and the Unicode space separators. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0xfeff || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000;
}
