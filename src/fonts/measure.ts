/**
 * Text measurement with the fonts a card is drawn with (the same opentype.js build satori uses),
 * so templates can fit text without rendering the card once per candidate size.
 */
import opentype from '@shuding/opentype.js';
import type { Measurer } from '../types.js';
import type { LoadedFont } from './bundled.js';

interface ParsedFont {
  charToGlyphIndex(char: string): number;
  getAdvanceWidth(text: string, fontSize: number, options?: Record<string, unknown>): number;
}

const parsed = new WeakMap<ArrayBuffer, ParsedFont>();

/** Parse a face once per buffer. */
export function parseFont(data: ArrayBuffer): ParsedFont {
  let font = parsed.get(data);
  if (!font) {
    font = opentype.parse(data) as ParsedFont;
    parsed.set(data, font);
  }
  return font;
}

/** The face of `family` closest to `weight`, else any face. */
function pick(fonts: readonly LoadedFont[], family: string, weight: number): LoadedFont | undefined {
  const same = fonts.filter((f) => f.name === family && f.style === 'normal');
  const pool = same.length ? same : fonts.filter((f) => f.style === 'normal');
  let best: LoadedFont | undefined;
  for (const f of pool) if (!best || Math.abs(f.weight - weight) < Math.abs(best.weight - weight)) best = f;
  return best;
}

/** A measurer over the given faces; widths are cached per (face, size, text). */
export function createMeasurer(fonts: readonly LoadedFont[]): Measurer {
  const cache = new Map<string, number>();
  return {
    width(text, { family, fontSize, weight = 400 }) {
      const key = `${family}\u0000${weight}\u0000${fontSize}\u0000${text}`;
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const face = pick(fonts, family, weight);
      let width = 0;
      if (face) {
        const font = parseFont(face.data);
        width = font.getAdvanceWidth(text, fontSize);
      }
      if (cache.size > 50_000) cache.clear();
      cache.set(key, width);
      return width;
    },
  };
}
