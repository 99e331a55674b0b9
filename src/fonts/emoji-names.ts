/**
 * Which graphemes satori draws as emoji, and the Twemoji image each gets: the same in every build. The
 * SVG text comes from an `EmojiLookup` (the emoji pack, src/fonts/emoji-pack.ts), cached per grapheme.
 */
import { toBase64 } from '../shared/base64.js';

/**
 * satori's emoji test (the pattern of emoji-regex-xs, which satori 0.63 uses): regional-indicator
 * pairs, or an emoji with an optional modifier, tag sequence, VS16 or keycap, joined by ZWJ. A digit,
 * `#` or `*` counts only as part of a keycap.
 */
const EMOJI_PART = String.raw`\p{Emoji}(?:\p{EMod}|[\u{E0020}-\u{E007E}]+\u{E007F}|\uFE0F?\u20E3?)`;
const EMOJI = new RegExp(String.raw`\p{RI}{2}|(?![#*\d](?!\uFE0F?\u20E3))${EMOJI_PART}(?:\u200D${EMOJI_PART})*`, 'u');
const TEXT_DEFAULT_WITH_VS15 = /\uFE0E/u;
const PRESENTATION = /\p{Emoji_Presentation}/u;

/** Whether satori treats `grapheme` as an emoji when no font has it (or it carries VS16 / a keycap). */
export function isEmoji(grapheme: string): boolean {
  if (TEXT_DEFAULT_WITH_VS15.test(grapheme) && !PRESENTATION.test(grapheme)) return false;
  return EMOJI.test(grapheme);
}

/** Characters that make satori draw a grapheme as an emoji even when a font has its base (©️, 1️⃣). */
export function forcesEmoji(grapheme: string): boolean {
  return /[\uFE0F\u20E3]/u.test(grapheme);
}

/** An emoji image for satori. */
export interface EmojiImage {
  /** `data:` URI of the SVG, or of an empty SVG when Twemoji has nothing for the grapheme. */
  uri: string;
  /** The Twemoji file used, e.g. "1f44d-1f3fd.svg"; absent when nothing matched. */
  file?: string;
  /** Whether the file is the grapheme itself (not a fallback to its base emoji, or blank). */
  exact: boolean;
}

/** Twemoji SVG text by file name without ".svg" ("1f44d-1f3fd"), or undefined where there is none. */
export type EmojiLookup = (name: string) => string | undefined;

function codePoints(text: string): number[] {
  return Array.from(text, (char) => char.codePointAt(0) ?? 0);
}

const hex = (points: number[]) => points.map((p) => p.toString(16)).join('-');

/**
 * Twemoji file names to try for a grapheme, best first: Twemoji drops U+FE0F except inside ZWJ
 * sequences, but some files differ, so both spellings are tried.
 */
export function twemojiNames(grapheme: string): string[] {
  const points = codePoints(grapheme);
  const noVs = points.filter((p) => p !== 0xfe0f);
  const names = points.includes(0x200d) ? [hex(points), hex(noVs)] : [hex(noVs), hex(points)];
  return [...new Set(names)];
}

/** Looser names, when no exact file exists: without skin tones, then the first emoji of a sequence. */
function fallbackNames(grapheme: string): string[] {
  const points = codePoints(grapheme).filter((p) => p !== 0xfe0f);
  const noTone = points.filter((p) => p < 0x1f3fb || p > 0x1f3ff);
  const first = points.slice(0, points.indexOf(0x200d) >= 0 ? points.indexOf(0x200d) : 1);
  return [...new Set([hex(noTone), hex(first)])];
}

const svgUri = (svg: string) => `data:image/svg+xml;base64,${toBase64(new TextEncoder().encode(svg))}`;
const BLANK = svgUri('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"/>');
/** Graphemes remembered per source before the cache starts again. */
const CACHED = 5000;

/** `emojiImage(grapheme)` over the SVGs `source()` gives (undefined: none yet, every emoji blank). */
export function emojiImages(source: () => EmojiLookup | undefined): (grapheme: string) => EmojiImage {
  const images = new Map<string, EmojiImage>();
  let cachedFor: EmojiLookup | undefined;
  return (grapheme) => {
    const lookup = source();
    if (lookup !== cachedFor) {
      images.clear();
      cachedFor = lookup;
    }
    let image = images.get(grapheme);
    if (image) return image;
    image = { uri: BLANK, exact: false };
    if (lookup) {
      const exact = twemojiNames(grapheme).find((name) => lookup(name) !== undefined);
      const name = exact ?? fallbackNames(grapheme).find((n) => lookup(n) !== undefined);
      const svg = name === undefined ? undefined : lookup(name);
      if (name !== undefined && svg !== undefined) image = { uri: svgUri(svg), file: `${name}.svg`, exact: exact !== undefined };
    }
    if (images.size >= CACHED) images.clear();
    images.set(grapheme, image);
    return image;
  };
}
