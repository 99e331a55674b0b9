/**
 * What one call's fonts may cost. A font's bytes, what its header and table directory declare it
 * unpacks to, and how many character codes its cmap makes opentype.js walk are checked against these
 * before anything is unpacked or parsed, and so are their totals over the call's fonts. Parsing and
 * drawing cost about 90 ms of CPU and 5 MB of memory per MB of font, once per bytes object, and about
 * 200 bytes per character code walked (opentype.js walks each cmap twice: quotecard's parse and
 * satori's), so the totals bound a call to a few seconds and a few hundred MB. Each limit is well
 * above real fonts: the largest CJK faces are about 20 MB unpacked and map under 100,000 characters.
 */
import { FontError } from '../errors.js';

/** Fonts in one call's `fonts` option. */
export const MAX_FONTS = 64;

/** Bytes of one font as given, and as it declares it unpacks to (WOFF, WOFF2): 32 MiB. */
export const MAX_FONT_BYTES = 32 * 1024 * 1024;

/** Unpacked bytes of all fonts of one call: 64 MiB. */
export const MAX_TOTAL_FONT_BYTES = 64 * 1024 * 1024;

/**
 * Character codes a cmap subtable may map, counted as opentype.js walks them (every code of every
 * range, ranges past U+10FFFF and overlapping ranges included), and ranges it may have: as many as
 * Unicode has code points, so every character once. The same bounds the codes of all fonts of a call.
 */
export const MAX_CMAP_CODES = 0x110000;

/** What a font may be, in words, for `allowed`. */
export const FONT_SIZE_ALLOWED = `fonts of at most ${MAX_FONT_BYTES} bytes (32 MiB), packed and unpacked`;

/** What a cmap may map, in words, for `allowed`. */
export const CMAP_ALLOWED = `a cmap that maps at most ${MAX_CMAP_CODES} character codes (all of Unicode once) in at most ${MAX_CMAP_CODES} ranges`;

/**
 * A font past a limit, found by a check that does not know which entry of `fonts` it reads;
 * `checkFontBytes` rewords it for that entry. `measure` is what was found ("declaring 2147483648
 * bytes unpacked"), added to the description of the bytes.
 */
export class FontLimitProblem extends FontError {
  constructor(
    readonly problem: string,
    allowed: string,
    readonly measure: string,
  ) {
    super('font-too-large', `Font too large: ${problem}`, { allowed, received: measure });
  }
}

/** Throws `FontLimitProblem` when a font declares more than `MAX_FONT_BYTES` unpacked. */
export function checkDeclaredSize(declared: number, what: string): void {
  if (declared > MAX_FONT_BYTES) throw new FontLimitProblem(`${what} ${declared} bytes unpacked`, FONT_SIZE_ALLOWED, `declaring ${declared} bytes unpacked`);
}
