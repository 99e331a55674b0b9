/**
 * Characters no loaded font (and no emoji image) can draw — satori would draw boxes for them — grouped
 * by Unicode script, and the warning that tells the caller what to do about it.
 */
import { emojiImage, emojiProblem, forcesEmoji, isEmoji } from './emoji.js';
import { faceMetrics } from './face.js';
import type { FontSet } from './font-set.js';
import { scriptName } from './script-name.js';

/** Characters of one script that no font can draw. */
export interface MissingGlyphs {
  /** Unicode script name: "Arabic", "Han", "Devanagari"; "Emoji" for emoji without an image. */
  script: string;
  /** The characters (graphemes), each once, in order of first appearance. */
  chars: string[];
}

/** What `missingGlyphs` needs of a plan. */
export interface GlyphSource {
  set: FontSet;
}

/** Nothing is drawn for these: whitespace, controls, default-ignorables (ZWJ, bidi controls, variation selectors, tags). */
const INVISIBLE = /^[\s\p{Cc}\p{Default_Ignorable_Code_Point}]$/u;

let segmenter: Intl.Segmenter | undefined;

/** Every code point is drawable by some face and none asks for an emoji image: nothing to check. */
function plainlyCovered(text: string, set: FontSet): boolean {
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint === 0xfe0f || codePoint === 0x20e3) return false;
    if (!set.has(codePoint) && !INVISIBLE.test(char)) return false;
  }
  return true;
}

/** The characters of `text` that no font of `plan` (nor an installed optional script font, nor Twemoji) draws. */
export function missingGlyphs(text: string, plan: GlyphSource): MissingGlyphs[] {
  const { set } = plan;
  if (plainlyCovered(text, set)) return [];
  const groups = new Map<string, Set<string>>();
  const add = (script: string, char: string) => {
    const group = groups.get(script);
    if (group) group.add(char);
    else groups.set(script, new Set([char]));
  };
  const chain = set.chain(set.faces[0]?.name ?? '');
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment: grapheme } of segmenter.segment(text)) {
    const chars = Array.from(grapheme).filter((c) => !INVISIBLE.test(c));
    const first = chars[0];
    if (first === undefined) continue;
    const base = set.faceFor(chain, first.codePointAt(0) ?? 0);
    if ((forcesEmoji(grapheme) || !base) && isEmoji(grapheme)) {
      if (!emojiImage(grapheme).exact) add('Emoji', grapheme);
      continue;
    }
    if (!base) {
      add(scriptName(first.codePointAt(0) ?? 0), chars.join(''));
      continue;
    }
    // Marks are shaped in the base character's face: one it lacks is drawn as a box.
    const metrics = faceMetrics(base);
    for (const char of chars.slice(1)) {
      const codePoint = char.codePointAt(0) ?? 0;
      if (!metrics.glyph(codePoint)) add(scriptName(codePoint), char);
    }
  }
  return [...groups].map(([script, chars]) => ({ script, chars: [...chars] }));
}

const LISTED = 12;

/**
 * The warning for `missing`, e.g. `No font has glyphs for 3 characters (Arabic: م ر ح). Pass a font
 * for them in options.fonts.`
 */
export function glyphWarning(missing: readonly MissingGlyphs[]): string {
  const count = missing.reduce((n, g) => n + g.chars.length, 0);
  const groups = missing
    .map((g) => `${g.script}: ${g.chars.slice(0, LISTED).join(' ')}${g.chars.length > LISTED ? ` … (${g.chars.length - LISTED} more)` : ''}`)
    .join('; ');
  const emojiOnly = missing.every((g) => g.script === 'Emoji');
  const advice = emojiOnly
    ? `They are left blank: ${emojiProblem() ?? 'Twemoji has no image for them'}.`
    : 'Pass a font for them in options.fonts.';
  return `No font has glyphs for ${count} character${count === 1 ? '' : 's'} (${groups}). ${advice}`;
}
