/**
 * Emoji as satori draws them, in Node: a grapheme that no font draws as text and that is an emoji is
 * drawn as an image 1em wide, a Twemoji SVG from the package's emoji pack (emoji/twemoji.pack, read from
 * its static asset URL on the first emoji of a process; no network). A pack that cannot be read leaves
 * emoji blank, and `emojiProblem()` says why for the card's warning.
 */
import { readFileSync } from 'node:fs';
import { emojiPackUrl } from '../assets.js';
import { type EmojiLookup, emojiImages } from './emoji-names.js';
import { readEmojiPack } from './emoji-pack.js';

export { type EmojiImage, forcesEmoji, isEmoji, twemojiNames } from './emoji-names.js';

let lookup: EmojiLookup | undefined;
let problem: string | undefined;

function packLookup(): EmojiLookup | undefined {
  if (lookup || problem) return lookup;
  const url = emojiPackUrl();
  try {
    lookup = readEmojiPack(readFileSync(url)).lookup;
  } catch (error) {
    problem = `the emoji pack could not be read (${url.href}: ${error instanceof Error ? error.message : String(error)})`;
  }
  return lookup;
}

/** The Twemoji image for `grapheme` (looked up once per grapheme per process). */
export const emojiImage = emojiImages(packLookup);

/** Why emoji are drawn blank, when the pack could not be read; undefined otherwise. */
export function emojiProblem(): string | undefined {
  packLookup();
  return problem;
}
