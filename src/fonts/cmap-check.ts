/**
 * The cmap as opentype.js (the parser of quotecard and of satori) reads it: it takes one subtable (the
 * last Unicode or Windows-Unicode one), format 4 or 12, and writes every character code of every range
 * into an object, whatever the range: a format-12 group 0..0xFFFFFFFF is four billion writes, 2,000
 * groups over all of Unicode two billion. Nothing can clip what opentype.js walks, so the walk is counted
 * here first, from the range bounds alone, and a cmap past `MAX_CMAP_CODES` is refused; so is one that
 * maps a character to a glyph the font does not have (opentype.js then fails when the character is
 * measured or drawn, and browsers refuse such fonts too).
 */
import { CMAP_ALLOWED, FontLimitProblem, MAX_CMAP_CODES } from './font-limits.js';
import { FontProblem } from './font-problem.js';

/** Encoding records opentype.js takes, as `platform:encoding`. */
const UNICODE = new Set(['3:0', '3:1', '3:10', '0:0', '0:1', '0:2', '0:3', '0:4']);

const CUT_SHORT = 'its cmap table is cut short';

/** Offset of the subtable opentype.js reads (the last record it takes), or undefined when none: opentype.js then says so. */
function chosenSubtable(cmap: DataView): number | undefined {
  if (cmap.byteLength < 4 || cmap.getUint16(0) !== 0) return undefined;
  const count = cmap.getUint16(2);
  if (4 + count * 8 > cmap.byteLength) throw new FontProblem(CUT_SHORT);
  for (let i = count - 1; i >= 0; i--) {
    if (UNICODE.has(`${cmap.getUint16(4 + i * 8)}:${cmap.getUint16(6 + i * 8)}`)) return cmap.getUint32(8 + i * 8);
  }
  return undefined;
}

/** Refuse a walk past the limit, saying how many codes in how many ranges. */
function checkWalk(codes: number, ranges: number): void {
  if (codes <= MAX_CMAP_CODES && ranges <= MAX_CMAP_CODES) return;
  const what = `${codes} character codes in ${ranges} range${ranges === 1 ? '' : 's'}`;
  throw new FontLimitProblem(`its cmap maps ${what}`, CMAP_ALLOWED, `whose cmap maps ${what}`);
}

/** Refuse a glyph index the font does not have. */
function checkGlyph(glyph: number, numGlyphs: number): void {
  if (glyph >= numGlyphs) throw new FontProblem(`its cmap maps a character to glyph ${glyph}, but it has ${numGlyphs} glyph${numGlyphs === 1 ? '' : 's'}`);
}

/** Format 12: groups of (start, end, first glyph), each walked from start to end. Returns the codes walked. */
function checkFormat12(cmap: DataView, at: number, numGlyphs: number): number {
  if (at + 16 > cmap.byteLength) throw new FontProblem(CUT_SHORT);
  const groups = cmap.getUint32(at + 12);
  if (at + 16 + groups * 12 > cmap.byteLength) throw new FontProblem(CUT_SHORT);
  let codes = 0;
  for (let i = 0, g = at + 16; i < groups; i++, g += 12) {
    const start = cmap.getUint32(g);
    const end = cmap.getUint32(g + 4);
    if (end >= start) codes += end - start + 1;
  }
  checkWalk(codes, groups);
  for (let i = 0, g = at + 16; i < groups; i++, g += 12) {
    const start = cmap.getUint32(g);
    const end = cmap.getUint32(g + 4);
    if (end >= start) checkGlyph(cmap.getUint32(g + 8) + (end - start), numGlyphs);
  }
  return codes;
}

/**
 * Format 4: segments of 16-bit codes (opentype.js skips the last, the 0xFFFF one), glyphs by delta or
 * from the glyph array. Returns the codes walked.
 */
function checkFormat4(cmap: DataView, at: number, numGlyphs: number): number {
  if (at + 14 > cmap.byteLength) throw new FontProblem(CUT_SHORT);
  const segments = cmap.getUint16(at + 6) >> 1;
  if (at + 16 + segments * 8 > cmap.byteLength) throw new FontProblem(CUT_SHORT);
  const ends = at + 14;
  const starts = at + 16 + segments * 2;
  const deltas = at + 16 + segments * 4;
  const rangeOffsets = at + 16 + segments * 6;
  let codes = 0;
  for (let i = 0; i < segments - 1; i++) {
    const start = cmap.getUint16(starts + i * 2);
    const end = cmap.getUint16(ends + i * 2);
    if (end >= start) codes += end - start + 1;
  }
  checkWalk(codes, segments);
  for (let i = 0; i < segments - 1; i++) {
    const start = cmap.getUint16(starts + i * 2);
    const end = cmap.getUint16(ends + i * 2);
    const delta = cmap.getInt16(deltas + i * 2);
    const rangeOffset = cmap.getUint16(rangeOffsets + i * 2);
    for (let c = start; c <= end; c++) {
      let glyph = (c + delta) & 0xffff;
      if (rangeOffset !== 0) {
        const from = rangeOffsets + i * 2 + rangeOffset + (c - start) * 2;
        if (from + 2 > cmap.byteLength) throw new FontProblem(CUT_SHORT);
        glyph = cmap.getUint16(from);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      checkGlyph(glyph, numGlyphs);
    }
  }
  return codes;
}

/**
 * Check the `cmap` table of a font with `numGlyphs` glyphs before opentype.js reads it, and return how
 * many character codes reading it walks. Throws `FontLimitProblem` when that is more than
 * `MAX_CMAP_CODES`, and `FontProblem` when it lies past its own end or maps a character to a glyph
 * past `numGlyphs`. Subtables opentype.js does not read (other formats) are left to it (0 codes).
 */
export function checkCmap(cmap: Uint8Array, numGlyphs: number): number {
  const view = new DataView(cmap.buffer, cmap.byteOffset, cmap.byteLength);
  const at = chosenSubtable(view);
  if (at === undefined) return 0;
  if (at + 2 > view.byteLength) throw new FontProblem(CUT_SHORT);
  const format = view.getUint16(at);
  if (format === 12) return checkFormat12(view, at, numGlyphs);
  if (format === 4) return checkFormat4(view, at, numGlyphs);
  return 0;
}
