/**
 * How a quote's words read on a card. A fragment set inside the writer's sentence (`partial`) opens
 * with "…" when it starts mid-sentence, and a quote never ends on the comma, semicolon or colon that
 * joined it to "he said": that punctuation gives way to "…" (the sentence went on) or the script's full
 * stop (it ends): "." in Latin, "。" in Chinese and Japanese, "।" in Hindi; a sentence already ended by
 * "。" or "।", or by an emoji, gets none.
 */
import type { Quote } from '../types.js';

const ENDS_SENTENCE = /[.!?…؟۔。！？．｡।॥።။]["'”’)\]»」』）》]*$/u;
const JOINING = /[\s,;:，、；：]+$/u;

/** An emoji (with its modifiers, tags, joiners) or a flag at the very end. */
const ENDS_IN_EMOJI = /(?:\p{Extended_Pictographic}|\p{RI})(?:\p{Extended_Pictographic}|\p{RI}|\p{EMod}|\uFE0F|\u200D|\u20E3|[\u{E0020}-\u{E007F}])*$/u;

/**
 * The full stop of the script the quote ends in: "。" after Chinese or Japanese, "।" after Hindi, none in
 * Thai, and none after an emoji (it closes the thought as a sign-off does: "keep it open 🌉", not "🌉.").
 */
function fullStop(text: string): string {
  if (ENDS_IN_EMOJI.test(text)) return '';
  const last = /[\p{L}\p{N}](?=[^\p{L}\p{N}]*$)/u.exec(text)?.[0] ?? '';
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(last)) return '。';
  if (/[\p{Script=Devanagari}\p{Script=Bengali}]/u.test(last)) return '।';
  if (/[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u.test(last)) return '';
  return '.';
}
const DASH_END = /\s*[-–—]+$/u;
const STARTS_LOWER = /^["'“‘([]*\p{Ll}/u;
const LEADING_JUNK = /^[\s,;:.]+/u;

/** The quote's text as the card prints it. */
export function quoteDisplayText(quote: Pick<Quote, 'text' | 'partial'>): string {
  let text = quote.text.replace(/\s+/gu, ' ').trim().replace(/^…\s*/u, '');
  text = text.replace(LEADING_JUNK, '');
  if (!text) return quote.text.trim();
  let ending = '';
  if (!ENDS_SENTENCE.test(text)) {
    const joined = JOINING.test(text) || DASH_END.test(text);
    text = text.replace(DASH_END, '').replace(JOINING, '');
    // A fragment whose sentence went on reads as cut off; otherwise the words end the sentence.
    ending = quote.partial && joined ? '…' : fullStop(text);
  }
  const opening = quote.partial && STARTS_LOWER.test(text) ? '…' : '';
  return `${opening}${text}${ending}`;
}
