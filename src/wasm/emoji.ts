/**
 * The WebAssembly build's emoji (scripts/wasm-graph.ts resolves src/fonts/emoji.ts here): the same
 * grapheme tests and Twemoji images as in Node, from the emoji pack `initWasm()` loads (src/wasm/wasm-init.ts)
 * before the first card, since there is no file to read. While none is loaded, emoji are drawn blank and
 * the card's warnings say why.
 */
import { type EmojiLookup, emojiImages } from '../fonts/emoji-names.js';

export { type EmojiImage, forcesEmoji, isEmoji, twemojiNames } from '../fonts/emoji-names.js';

let lookup: EmojiLookup | undefined;
let problem: string | undefined = 'the emoji pack is not loaded (initWasm)';

/** Where emoji SVGs come from from now on, or why there are none. */
export function setEmojiLookup(next: EmojiLookup | undefined, why?: string): void {
  lookup = next;
  problem = next ? undefined : (why ?? 'the emoji pack is not loaded (initWasm)');
}

/** The Twemoji image for `grapheme` (looked up once per grapheme). */
export const emojiImage = emojiImages(() => lookup);

/** Why emoji are drawn blank, when no pack is loaded; undefined otherwise. */
export function emojiProblem(): string | undefined {
  return problem;
}
