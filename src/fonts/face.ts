/**
 * A face: one font file as quotecard hands it to satori (name, bytes, weight, style, lang) plus what
 * the measurer and the glyph check need from it, parsed once per buffer with the opentype.js build
 * satori itself uses.
 */
import type opentypeModule from '@shuding/opentype.js';
import type { OpentypeFont } from '@shuding/opentype.js';
import { packageRequire } from '../shared/package-require.js';
import type { SatoriLocale } from './satori-locale.js';

/** Font weights satori understands. */
export type FontWeight = 100 | 200 | 300 | 400 | 500 | 600 | 700 | 800 | 900;

/** One loaded face. */
export interface Face {
  /** Family name, as `fontFamily` in the tree refers to it. */
  name: string;
  /** The bytes satori gets: the same ArrayBuffer every time (satori caches parsed fonts by identity). */
  data: ArrayBuffer;
  weight: FontWeight;
  style: 'normal' | 'italic';
  /** satori's language code for the script the face is for, when known. */
  lang?: SatoriLocale;
  /** Where it came from, for messages: "fonts/NotoSans-Regular.ttf", "options.fonts[0]", a package name. */
  source: string;
  /** Bytes opentype.js can read when `data` is not (WOFF2): a metrics-only TrueType font. */
  metrics?: ArrayBuffer;
}

/** Glyph metrics of a face, read through opentype.js and cached per code point and glyph pair. */
export interface FaceMetrics {
  font: OpentypeFont;
  unitsPerEm: number;
  /** Glyph index of a code point, 0 when the face has none. */
  glyph(codePoint: number): number;
  /** Advance width of a glyph, in font units. */
  advance(glyph: number): number;
  /** Pair kerning between two glyphs, in font units. */
  kerning(left: number, right: number): number;
}

interface RawFont extends OpentypeFont {
  glyphs: { get(index: number): { advanceWidth?: number } | undefined };
  position?: {
    defaultKerningTables?: unknown;
    getKerningValue(tables: unknown, left: number, right: number): number;
  };
  kerningPairs?: Record<string, number>;
}

const metricsByBuffer = new WeakMap<ArrayBuffer, FaceMetrics>();
const fontByBuffer = new WeakMap<ArrayBuffer, OpentypeFont>();

/** Parse bytes with opentype.js (low-memory mode, as satori does), once per buffer. Throws opentype's own error. */
export function parseFont(data: ArrayBuffer): OpentypeFont {
  let font = fontByBuffer.get(data);
  if (!font) {
    font = (packageRequire()('@shuding/opentype.js') as typeof opentypeModule).parse(data, { lowMemory: true });
    fontByBuffer.set(data, font);
  }
  return font;
}

/** The metrics of a face, parsed on first use and shared by every plan that holds the same bytes. */
export function faceMetrics(face: Face): FaceMetrics {
  const bytes = face.metrics ?? face.data;
  let metrics = metricsByBuffer.get(bytes);
  if (!metrics) {
    metrics = createMetrics(parseFont(bytes) as RawFont);
    metricsByBuffer.set(bytes, metrics);
  }
  return metrics;
}

function createMetrics(font: RawFont): FaceMetrics {
  const glyphs = new Map<number, number>();
  const advances = new Map<number, number>();
  const pairs = new Map<number, number>();
  let tables: unknown;
  try {
    tables = font.position?.defaultKerningTables;
  } catch {
    tables = undefined;
  }
  return {
    font,
    unitsPerEm: font.unitsPerEm || 1000,
    glyph(codePoint) {
      let index = glyphs.get(codePoint);
      if (index === undefined) {
        index = font.charToGlyphIndex(String.fromCodePoint(codePoint)) || 0;
        glyphs.set(codePoint, index);
      }
      return index;
    },
    advance(glyph) {
      let width = advances.get(glyph);
      if (width === undefined) {
        width = font.glyphs.get(glyph)?.advanceWidth ?? 0;
        advances.set(glyph, width);
      }
      return width;
    },
    kerning(left, right) {
      const key = left * 65536 + right;
      let value = pairs.get(key);
      if (value === undefined) {
        try {
          value = tables && font.position ? font.position.getKerningValue(tables, left, right) : (font.kerningPairs?.[`${left},${right}`] ?? 0);
        } catch {
          value = 0;
        }
        pairs.set(key, value || 0);
      }
      return value || 0;
    },
  };
}

/**
 * Order a family's faces as satori picks them for a weight and style (CSS font matching:
 * exact weight, then 400↔500, then lighter below 400 / heavier above 500; then the style).
 */
export function pickFace(faces: readonly Face[], weight: number, style: 'normal' | 'italic'): Face | undefined {
  let best: Face | undefined;
  for (const face of faces) if (!best || better(weight, style, face, best)) best = face;
  return best;
}

function better(weight: number, style: string, next: Face, current: Face): boolean {
  const a = current.weight;
  const b = next.weight;
  if (a !== b) {
    if (a === weight) return false;
    if (b === weight) return true;
    if ((weight === 400 && a === 500) || (weight === 500 && a === 400)) return false;
    if ((weight === 400 && b === 500) || (weight === 500 && b === 400)) return true;
    if (weight < 400) {
      if (a < weight && b < weight) return b > a;
      if (a < weight) return false;
      if (b < weight) return true;
      return b < a;
    }
    if (weight < a && weight < b) return b < a;
    if (weight < a) return false;
    if (weight < b) return true;
    return b > a;
  }
  return current.style !== style && next.style === style;
}
