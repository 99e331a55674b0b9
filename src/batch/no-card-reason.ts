/**
 * Why an article that was read got no card, in words its editor can act on: no body, nothing quoted
 * or embedded, every quote's speaker too unsure, or nothing good enough (fragments, unnamed sources).
 */
import { NO_BODY, NOT_TEXT } from '../ingest/index.js';

/** What the batch knows of an article once it is read and its items picked. */
export interface ArticleOutcome {
  quotes: number;
  posts: number;
  /** Quotes left out because their speaker was not sure enough. */
  unsure: number;
  /** Items picked for cards. */
  picked: number;
  /** The batch's `max`. */
  max: number;
  warnings: readonly string[];
}

/** The reason, or undefined when the article has items for cards. */
export function noCardReason(o: ArticleOutcome): string | undefined {
  if (o.picked > 0) return undefined;
  if (o.max === 0) return 'max is 0: no items were asked for.';
  const noBody = o.warnings.find((w) => w.startsWith(NO_BODY) || w.startsWith(NOT_TEXT));
  if (noBody) return noBody;
  if (o.quotes === 0 && o.posts === 0) return 'No quotations or embedded posts were found in the article.';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (o.unsure > 0 && o.unsure === o.quotes && o.posts === 0) {
    return `${plural(o.quotes, 'quotation')} found, but no speaker was sure enough to print (a card names no one rather than the wrong person).`;
  }
  const found = [o.quotes ? plural(o.quotes, 'quotation') : '', o.posts ? plural(o.posts, 'post') : ''].filter(Boolean).join(' and ');
  const unsure = o.unsure ? `, ${o.unsure} with a speaker not sure enough to print` : '';
  return `${found} found, none good enough for a card (fragments, very short or unattributed${unsure}).`;
}
