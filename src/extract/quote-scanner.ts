/**
 * Finds quoted spans in an article's blocks in one left-to-right pass: “…”, "…", ‘…’, '…', «…», „…“.
 * A quote stays inside its paragraph unless it runs on newspaper-style (no closing mark, and the next
 * paragraph opens with the same kind of mark). An opening mark with no closing one is counted and
 * skipped: it never swallows the text after it. Each character is looked at a bounded number of times.
 */
import type { Block } from '../types.js';
import { isSpace, isWordChar } from './sentence-bounds.js';

/** The kind of mark pair. */
export type MarkFamily = 'double' | 'straight' | 'single' | 'guillemet' | 'low' | 'doubled';

/** Characters a family's marks take: '' (two apostrophes, as older newspaper text has it) takes two. */
const width = (family: MarkFamily) => (family === 'doubled' ? 2 : 1);

/** A quoted span as found in the text, before any judgement of whether it is a quotation. */
export interface RawQuote {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark. */
  close: number;
  /** Content ranges (marks excluded), one per paragraph the quote runs over. */
  parts: Array<[number, number]>;
  /** Index (into the scanned blocks) of the block the quote opens in. */
  block: number;
  /** Index of the block it closes in. */
  lastBlock: number;
  /** Mark family. */
  family: MarkFamily;
}

/** What the scan found. */
export interface ScanResult {
  quotes: RawQuote[];
  /** Opening marks left unmatched. */
  unmatched: number[];
}

const OPEN_PUNCT = '([{—–-/ \u00a0\t\n\r';

/** The family an opening mark at `i` starts, if it is one. */
export function openerAt(text: string, i: number, from: number): MarkFamily | undefined {
  const ch = text[i];
  const prev = i > from ? text[i - 1] : ' ';
  const next = text[i + 1];
  switch (ch) {
    case '“':
      return 'double';
    case '„':
      return 'low';
    case '«':
      return 'guillemet';
    case '"':
      return (prev === undefined || OPEN_PUNCT.includes(prev) || prev === '“' || prev === '‘') && next !== undefined && !isSpace(next)
        ? 'straight'
        : undefined;
    case '‘':
      return !isWordChar(prev) && next !== undefined && /\p{L}/u.test(next) ? 'single' : undefined;
    case "'": {
      if (!(prev === undefined || OPEN_PUNCT.includes(prev) || prev === '"' || prev === '“')) return undefined;
      if (next === "'" && /[\p{L}\p{N}]/u.test(text[i + 2] ?? '')) return 'doubled';
      return next !== undefined && /\p{L}/u.test(next) ? 'single' : undefined;
    }
    default:
      return undefined;
  }
}

/** Whether a character (by its code) is one `openerAt` may take for an opening mark: “ „ « " ‘ '. */
function mayOpen(code: number): boolean {
  return code === 0x201c || code === 0x22 || code === 0x27 || code === 0x2018 || code === 0x201e || code === 0xab;
}

/** Scan `blocks` of `text`. `joined[b]` says whether block b+1 directly follows block b (a quote may run on). */
export function scanQuotes(text: string, blocks: Block[], joined: boolean[]): ScanResult {
  const quotes: RawQuote[] = [];
  const unmatched: number[] = [];
  let b = 0;
  let i = blocks[0]?.start ?? 0;
  let exhausted = new Set<MarkFamily>();
  while (b < blocks.length) {
    const block = blocks[b] as Block;
    if (i >= block.end) {
      b++;
      i = blocks[b]?.start ?? 0;
      exhausted = new Set();
      continue;
    }
    // most characters open nothing: step over them without reading their neighbours
    if (!mayOpen(text.charCodeAt(i))) {
      i++;
      while (i < block.end && !mayOpen(text.charCodeAt(i))) i++;
      continue;
    }
    const family = openerAt(text, i, block.start);
    if (!family || exhausted.has(family)) {
      i++;
      continue;
    }
    const parts: Array<[number, number]> = [];
    let cb = b;
    let from = i + width(family);
    let hit: Hit;
    for (;;) {
      const end = (blocks[cb] as Block).end;
      hit = findCloser(text, from, end, family);
      if (hit.kind !== 'open') break;
      // ran to the end of the paragraph: does the next one continue the quote?
      const next = blocks[cb + 1];
      if (!next || !joined[cb]) break;
      let k = next.start;
      while (k < next.end && isSpace(text[k])) k++;
      if (!sameFamily(openerAt(text, k, next.start), family)) break;
      // A quote runs on over paragraphs only when its paragraph ends a sentence ("… home." / “Next…);
      // a fragment cut off mid-sentence ("He said “we will not") is an unclosed mark, not a run-on.
      if (!endsSentence(text, from, end)) break;
      parts.push([from, end]);
      cb++;
      from = k + width(family);
    }
    if (hit.kind === 'closed') {
      parts.push([from, hit.at]);
      quotes.push({ open: i, close: hit.at + width(family), parts, block: b, lastBlock: cb, family });
      if (cb !== b) exhausted = new Set();
      b = cb;
      i = hit.at + width(family);
      continue;
    }
    unmatched.push(i);
    if (cb !== b) exhausted = new Set();
    if (hit.kind === 'reopened') {
      b = cb;
      i = hit.at;
    } else if (cb !== b) {
      b = cb;
      i = (blocks[cb] as Block).end;
    } else {
      exhausted.add(family);
      i++;
    }
  }
  return { quotes, unmatched };
}

/** Whether the text in [from, end) ends with sentence-final punctuation (closing brackets allowed after it). */
function endsSentence(text: string, from: number, end: number): boolean {
  let k = end - 1;
  while (k >= from && /[\s)\]]/u.test(text[k] as string)) k--;
  return k >= from && /[.!?…:;]/u.test(text[k] as string);
}

function sameFamily(a: MarkFamily | undefined, b: MarkFamily): boolean {
  if (a === undefined) return false;
  const norm = (f: MarkFamily) => (f === 'straight' || f === 'low' ? 'double' : f);
  return norm(a) === norm(b);
}

/**
 * Whether a mark at `j` that could open stands where a quotation closes: right after the words' final
 * punctuation and before a space, the paragraph's end or more punctuation ("… for her here,“ said Jim
 * Clyburn"; "… the Mexicans —.“").
 */
function closesMixed(text: string, j: number, from: number, to: number): boolean {
  if (j <= from || !/[.,!?;:…—–\-]/u.test(text[j - 1] as string)) return false;
  const next = text[j + 1];
  return j + 1 >= to || next === undefined || isSpace(next) || /[.,;:!?)\]]/u.test(next);
}

type Hit = { kind: 'closed'; at: number } | { kind: 'reopened'; at: number } | { kind: 'open' };

/** Look for the mark closing `family` in [from, to). */
function findCloser(text: string, from: number, to: number, family: MarkFamily): Hit {
  let weak = -1;
  // a quote inside the quote in the other kind of double mark: “He said "no" to me”, "He said “no” to me"
  let inner = false;
  for (let j = from; j < to; j++) {
    const ch = text[j];
    switch (family) {
      case 'double':
        if (ch === '”') return { kind: 'closed', at: j };
        if (ch === '“') return closesMixed(text, j, from, to) ? { kind: 'closed', at: j } : { kind: 'reopened', at: j };
        // mixed marks, as edited copy has them: “… in the state,” closed by a straight mark
        if (ch === '"') {
          if (inner) inner = false;
          else if (openerAt(text, j, from) === 'straight' && !closesMixed(text, j, from, to)) inner = true;
          else if (j > from && !isSpace(text[j - 1])) return { kind: 'closed', at: j };
        }
        break;
      case 'low':
        if (ch === '“' || ch === '”') return { kind: 'closed', at: j };
        if (ch === '„') return { kind: 'reopened', at: j };
        break;
      case 'guillemet':
        if (ch === '»') return { kind: 'closed', at: j };
        if (ch === '«') return { kind: 'reopened', at: j };
        break;
      case 'doubled':
        if (ch === "'" && text[j + 1] === "'") {
          if (j > from && !isSpace(text[j - 1])) return { kind: 'closed', at: j };
          if (openerAt(text, j, from) === 'doubled') return { kind: 'reopened', at: j };
        }
        break;
      case 'straight':
        if (ch === '"') {
          if (j > from && !isSpace(text[j - 1])) return { kind: 'closed', at: j };
          return { kind: 'reopened', at: j };
        }
        // mixed marks: "… in the state,” closed by a curly mark
        if (ch === '“') {
          if (closesMixed(text, j, from, to)) return { kind: 'closed', at: j };
          inner = true;
        } else if (ch === '”' && inner) inner = false;
        else if (ch === '”' && j > from && !isSpace(text[j - 1])) return { kind: 'closed', at: j };
        break;
      case 'single': {
        if ((ch === '’' || ch === "'") && j > from && !isSpace(text[j - 1]) && !isWordChar(text[j + 1])) {
          const before = text[j - 1];
          if (before !== 's' && before !== 'S') return { kind: 'closed', at: j };
          if (j + 1 >= to || /[.,;:!?)]/u.test(text[j + 1] as string)) return { kind: 'closed', at: j };
          weak = j;
        } else if (ch === '‘' && openerAt(text, j, from) === 'single') {
          return weak >= 0 ? { kind: 'closed', at: weak } : { kind: 'reopened', at: j };
        }
        break;
      }
    }
  }
  return weak >= 0 ? { kind: 'closed', at: weak } : { kind: 'open' };
}
