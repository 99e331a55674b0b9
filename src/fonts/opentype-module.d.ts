/** Minimal typing for the opentype.js build satori itself uses (it ships no types). */
declare module '@shuding/opentype.js' {
  /** A parsed font: only the members quotecard uses. */
  export interface OpentypeFont {
    unitsPerEm: number;
    numGlyphs: number;
    /** Glyph index of the character (its first code point), 0 when the font has none. */
    charToGlyphIndex(char: string): number;
    /** Advance width of `text` set at `fontSize`, with the font's kerning and default features. */
    getAdvanceWidth(text: string, fontSize: number, options?: Record<string, unknown>): number;
    names?: { fontFamily?: Record<string, string> };
  }
  const opentype: { parse(data: ArrayBuffer, options?: Record<string, unknown>): OpentypeFont };
  export default opentype;
}
