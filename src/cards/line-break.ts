/**
 * Greedy line breaking that agrees with satori's: break opportunities from `linebreak` (UAX #14, the
 * package satori itself uses: after spaces, after hyphens and slashes, …), words measured with the
 * card's fonts, trailing spaces hanging past the edge, and a word wider than the line broken between
 * graphemes (satori's `overflowWrap: 'anywhere'`). Line feeds are kept as hard breaks.
 */
import type LineBreakerClass from 'linebreak';
import { packageRequire } from '../shared/package-require.js';
import type { Measurer } from '../types.js';

/** The face text is set in. */
export interface FontSpec {
  family: string;
  fontSize: number;
  weight?: number;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Width of `text` as satori lays it out (the measurer counts an emoji drawn as an image as 1em). */
export function textWidth(text: string, font: FontSpec, measure: Measurer): number {
  return measure.width(text, font);
}

/** `linebreak`, required on first use (package-require.ts). */
let LineBreaker: typeof LineBreakerClass | undefined;

/** The pieces of `paragraph` between break opportunities, each with its trailing spaces. */
export function breakOpportunities(paragraph: string): string[] {
  LineBreaker ??= packageRequire()('linebreak') as typeof LineBreakerClass;
  const breaker = new LineBreaker(paragraph);
  const pieces: string[] = [];
  let last = 0;
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
    if (next.position > last) pieces.push(paragraph.slice(last, next.position));
    last = next.position;
  }
  if (last < paragraph.length) pieces.push(paragraph.slice(last));
  return pieces;
}

/** A line as drawn: a slice of the text, trailing spaces dropped. */
export interface Line {
  /** The line's text. */
  text: string;
  /** UTF-16 offset into the broken text where the line starts. */
  start: number;
  /** Offset where the line ends (exclusive, trailing spaces included). */
  end: number;
}

/** Split a word wider than `maxWidth` (starting at `offset`) into lines of graphemes; the last piece stays open. */
function splitWord(word: string, offset: number, maxWidth: number, font: FontSpec, measure: Measurer): { full: Line[]; rest: Line } {
  const full: Line[] = [];
  let start = offset;
  let line = '';
  for (const { segment, index } of graphemes.segment(word)) {
    const next = line + segment;
    if (line && textWidth(next.trimEnd(), font, measure) > maxWidth) {
      full.push({ text: line, start, end: offset + index });
      start = offset + index;
      line = segment;
    } else line = next;
  }
  return { full, rest: { text: line, start, end: offset + word.length } };
}

/**
 * Break `text` into lines no wider than `maxWidth`. Stops early (returning what it has, one line
 * past `stopAfter`) when the caller only needs to know that the text needs more lines than that.
 */
export function breakLines(text: string, maxWidth: number, font: FontSpec, measure: Measurer, stopAfter = Number.POSITIVE_INFINITY): Line[] {
  const lines: Line[] = [];
  const close = (line: Line) => lines.push({ ...line, text: line.text.trimEnd() });
  let offset = 0;
  for (const paragraph of text.split('\n')) {
    let line: Line = { text: '', start: offset, end: offset };
    let lineWidth = 0;
    let at = offset;
    for (const piece of breakOpportunities(paragraph)) {
      const ink = textWidth(piece.trimEnd(), font, measure);
      if (line.text && lineWidth + ink <= maxWidth) {
        line = { text: line.text + piece, start: line.start, end: at + piece.length };
        lineWidth += textWidth(piece, font, measure);
      } else {
        if (line.text) close(line);
        if (lines.length > stopAfter) return lines;
        if (ink <= maxWidth) {
          line = { text: piece, start: at, end: at + piece.length };
          lineWidth = textWidth(piece, font, measure);
        } else {
          const { full, rest } = splitWord(piece, at, maxWidth, font, measure);
          for (const f of full) close(f);
          if (lines.length > stopAfter) return lines;
          line = rest;
          lineWidth = textWidth(rest.text, font, measure);
        }
      }
      at += piece.length;
    }
    close(line);
    if (lines.length > stopAfter) return lines;
    offset += paragraph.length + 1;
  }
  return lines;
}
