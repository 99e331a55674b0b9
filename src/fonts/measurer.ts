/**
 * Text measurement that matches what satori draws, so templates can fit text without rendering the
 * card once per candidate size. Like satori: text is measured in line-break pieces (a word with its
 * trailing spaces) each shaped on its own, each character falls back to the first face that has it,
 * and an emoji drawn as an image is 1em wide. Glyph advances and pair kerning come from the same fonts
 * through opentype.js (runs of Arabic and other joining scripts are shaped by it, since their letters
 * change form and width with their neighbours); widths are cached per (family, weight, text) in em, so
 * any size is one multiply.
 */
import type { Measurer } from '../types.js';
import { forcesEmoji, isEmoji } from './emoji.js';
import { type Face, faceMetrics } from './face.js';
import type { FaceChain, FontSet } from './font-set.js';

const MAX_CACHED = 50_000;
/** Text whose every UTF-16 unit is its own grapheme (no marks, joiners, surrogates or selectors). */
const SIMPLE = /^[\u0020-\u02ff\u0370-\u0482\u048a-\u052f\u1e00-\u1fff\u2010-\u205f\u20a0-\u20cf]*$/;
const PIECES = /\S+\s*|\s+/g;
const WHITESPACE = /^\s$/u;

let graphemes: Intl.Segmenter | undefined;
function splitGraphemes(text: string): string[] {
  if (SIMPLE.test(text)) return text.split('');
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/** Letters of the joining scripts (Arabic, Syriac, Thaana, N'Ko), whose width depends on their neighbours. */
const JOINING = /[\u0600-\u07ff\u0860-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u;

/**
 * Width in em of a run of a joining script, shaped by opentype.js (contextual forms, ligatures and
 * kerning from the face's GSUB and GPOS): letters joined in a word are narrower than the isolated
 * forms, by 15–50% in Naskh. undefined when the face cannot be shaped that way.
 */
function shapedWidth(face: Face, run: string): number | undefined {
  const metrics = faceMetrics(face);
  try {
    const width = metrics.font.getAdvanceWidth(run, metrics.unitsPerEm, { kerning: true });
    return Number.isFinite(width) && width > 0 ? width / metrics.unitsPerEm : undefined;
  } catch {
    return undefined;
  }
}

/** Width in em of a run of graphemes set in one face, with the face's pair kerning. */
function runWidth(face: Face, run: string): number {
  if (JOINING.test(run)) {
    const shaped = shapedWidth(face, run);
    if (shaped !== undefined) return shaped;
  }
  const metrics = faceMetrics(face);
  let units = 0;
  let previous = -1;
  for (const char of run) {
    const glyph = metrics.glyph(char.codePointAt(0) ?? 0);
    units += metrics.advance(glyph);
    if (previous >= 0) units += metrics.kerning(previous, glyph);
    previous = glyph;
  }
  return units / metrics.unitsPerEm;
}

/** Width in em of one line-break piece. */
function pieceWidth(set: FontSet, chain: FaceChain, piece: string): number {
  let width = 0;
  let run = '';
  let runFace: Face | undefined;
  const flush = () => {
    if (run && runFace) width += runWidth(runFace, run);
    run = '';
  };
  for (const grapheme of splitGraphemes(piece)) {
    const codePoint = grapheme.codePointAt(0) ?? 0;
    let face = runFace && WHITESPACE.test(grapheme) && faceMetrics(runFace).glyph(codePoint) ? runFace : set.faceFor(chain, codePoint);
    if ((forcesEmoji(grapheme) || !face) && isEmoji(grapheme)) {
      flush();
      width += 1;
      continue;
    }
    // No font at all: satori draws the last face's missing-glyph box.
    face ??= chain.faces[chain.faces.length - 1];
    if (face !== runFace) {
      flush();
      runFace = face;
    }
    run += grapheme;
  }
  flush();
  return width;
}

/** A measurer over the faces of `set`. */
export function createMeasurer(set: FontSet): Measurer {
  const texts = new Map<string, Map<string, number>>();
  const pieces = new Map<string, Map<string, number>>();
  const em = (chain: FaceChain, text: string): number => {
    let cache = texts.get(chain.key);
    if (!cache) {
      cache = new Map();
      texts.set(chain.key, cache);
    }
    let width = cache.get(text);
    if (width !== undefined) return width;
    let pieceCache = pieces.get(chain.key);
    if (!pieceCache) {
      pieceCache = new Map();
      pieces.set(chain.key, pieceCache);
    }
    width = 0;
    for (const piece of text.match(PIECES) ?? []) {
      let w = pieceCache.get(piece);
      if (w === undefined) {
        w = pieceWidth(set, chain, piece);
        if (pieceCache.size >= MAX_CACHED) pieceCache.clear();
        pieceCache.set(piece, w);
      }
      width += w;
    }
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(text, width);
    return width;
  };
  return {
    width(text, { family, fontSize, weight = 400 }) {
      if (!text || !(fontSize > 0)) return 0;
      return em(set.chain(family, weight), text) * fontSize;
    },
  };
}
