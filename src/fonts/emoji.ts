/**
 * Emoji as satori draws them: a grapheme that no font draws as text and that is an emoji is drawn as
 * an image 1em wide. quotecard serves those images from the Twemoji SVGs of the `twemoji-svg` package
 * (no network), read lazily and cached per grapheme.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageRequire } from '../shared/package-require.js';

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

/** An emoji image for satori's `graphemeImages`. */
export interface EmojiImage {
  /** `data:` URI of the SVG, or of an empty SVG when Twemoji has nothing for the grapheme. */
  uri: string;
  /** The Twemoji file used, e.g. "1f44d-1f3fd.svg"; absent when nothing matched. */
  file?: string;
  /** Whether the file is the grapheme itself (not a fallback to its base emoji, or blank). */
  exact: boolean;
}

const BLANK = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"/>').toString('base64')}`;
const images = new Map<string, EmojiImage>();
let folder: string | null | undefined;

/** The folder of Twemoji SVGs (`twemoji-svg/dist`), found from this module, or null when not installed. */
export function twemojiFolder(): string | null {
  if (folder !== undefined) return folder;
  try {
    folder = dirname(packageRequire().resolve('twemoji-svg/1f600'));
  } catch {
    folder = null;
  }
  return folder;
}

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

/** The Twemoji image for `grapheme` (read once per grapheme per process). */
export function emojiImage(grapheme: string): EmojiImage {
  let image = images.get(grapheme);
  if (image) return image;
  const dir = twemojiFolder();
  image = { uri: BLANK, exact: false };
  if (dir) {
    const exact = twemojiNames(grapheme).find((name) => existsSync(join(dir, `${name}.svg`)));
    const name = exact ?? fallbackNames(grapheme).find((n) => existsSync(join(dir, `${n}.svg`)));
    if (name) {
      const svg = readFileSync(join(dir, `${name}.svg`));
      image = { uri: `data:image/svg+xml;base64,${svg.toString('base64')}`, file: `${name}.svg`, exact: exact !== undefined };
    }
  }
  if (images.size > 5000) images.clear();
  images.set(grapheme, image);
  return image;
}
