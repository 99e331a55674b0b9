/**
 * How a quote's words read on a card. A fragment set inside the writer's sentence (`partial`) opens
 * with "…" when it starts mid-sentence, and a quote never ends on the comma, semicolon or colon that
 * joined it to "he said": that punctuation gives way to "…" (the sentence went on) or "." (it ends).
 */
import type { Quote } from '../types.js';

const ENDS_SENTENCE = /[.!?…؟۔]["'”’)\]»]*$/u;
const JOINING = /[\s,;:]+$/u;
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
    ending = quote.partial && joined ? '…' : '.';
  }
  const opening = quote.partial && STARTS_LOWER.test(text) ? '…' : '';
  return `${opening}${text}${ending}`;
}
