/**
 * Ranking of extracted items for cards: whole sentences over fragments, a named speaker, a length
 * that fits a card, posts with their text over link-only ones, and no duplicates (the same words
 * twice, or one quote inside another: the longer one stays). A quotation whose named speaker is not
 * sure enough (its `confidence` below `minConfidence`) is left out: no card beats a wrong name on one.
 */
import { boolean, checkOptions, integer, number, object, optional, type ShapeOf } from '../shared/check.js';
import type { Extraction, Item, Post, Quote } from '../types.js';
import { quoteKey } from './quote-text.js';
import { PICK_CONFIDENCE } from './source-model.js';

/** Options for `rankItems()`. */
export interface RankOptions {
  /** Shortest quote (characters) that fits a card well. @default 40 */
  minLength?: number;
  /** Longest quote (characters) that fits a card well. @default 280 */
  maxLength?: number;
  /** Include posts. @default true */
  posts?: boolean;
  /**
   * The lowest `confidence` at which a quotation with a named speaker may make a card; chosen on
   * PolNeAR's train split so that wrong names among the picks stay at about 1 in 100 (measured on dev).
   * @default the value in the extraction model's file (see docs/quality.md)
   */
  minConfidence?: number;
}

/** An item with its score, best first. */
export interface RankedItem {
  item: Item;
  /** 0..1: how well the item makes a card. */
  score: number;
  /** Why, in short words ("named speaker", "fragment"). */
  reasons: string[];
  /** Why the item is never picked for a card, when it is not ("speaker unsure"). */
  leftOut?: string;
}

const positive = (fallback: number) => optional(number(0, Number.MAX_VALUE, 'a positive number', true), fallback);

const RANK_SHAPE = {
  minLength: positive(40),
  maxLength: positive(280),
  posts: optional(boolean(), true),
  minConfidence: optional(number(0, 1, 'a number from 0 to 1'), () => PICK_CONFIDENCE),
};

/** `rankItems()`'s options. */
export const rankOptions = object(RANK_SHAPE, 'a plain object of rank options');

/** `pickForCards()`'s options: the rank options and how many items to pick. */
export const pickOptions = rankOptions.extend({ max: optional(integer(0), 5) });

/** Score every quote and post of an extraction; duplicates are dropped. Best first, ties in article order. */
export function rankItems(extraction: Extraction, options?: RankOptions): RankedItem[] {
  return rankChecked(extraction, checkOptions(rankOptions, options));
}

function rankChecked(extraction: Extraction, { minLength, maxLength, posts, minConfidence }: ShapeOf<typeof RANK_SHAPE>): RankedItem[] {
  const ranked: Array<RankedItem & { order: number }> = [];
  const quotes = dedupe(extraction.quotes);
  for (const [order, q] of quotes.entries()) {
    const scored: RankedItem = scoreQuote(q, minLength, maxLength);
    if (q.speaker?.name && q.confidence < minConfidence) scored.leftOut = `speaker unsure (confidence ${q.confidence} < ${minConfidence})`;
    ranked.push({ ...scored, order });
  }
  if (posts) {
    for (const [i, p] of extraction.posts.entries()) ranked.push({ ...scorePost(p), order: quotes.length + i });
  }
  ranked.sort((a, b) => b.score - a.score || a.order - b.order);
  return ranked.map(({ item, score, reasons, leftOut }) => ({ item, score, reasons, ...(leftOut ? { leftOut } : {}) }));
}

/** The best `max` items for cards (default 5). */
export function pickForCards(extraction: Extraction, options?: RankOptions & { max?: number }): Item[] {
  return pickWithReasons(extraction, options).items;
}

/**
 * pickForCards() with what it left out: the picked items, and how many quotations were left out because
 * their speaker is not sure enough (the batch reports the count for every article).
 */
export function pickWithReasons(extraction: Extraction, options?: RankOptions & { max?: number }): { items: Item[]; unsure: number } {
  const { max, ...rest } = checkOptions(pickOptions, options);
  const ranked = rankChecked(extraction, rest);
  const items = ranked
    .filter((r) => r.score > 0.2 && !r.leftOut)
    .slice(0, max)
    .map((r) => r.item);
  return { items, unsure: ranked.filter((r) => r.leftOut).length };
}

function scoreQuote(q: Quote, minLength: number, maxLength: number): RankedItem {
  const reasons: string[] = [];
  let score = 0.2 + 0.2 * q.confidence;
  if (q.partial) reasons.push('fragment');
  else {
    score += 0.25;
    reasons.push('whole sentence');
  }
  if (q.speaker?.name && (q.speaker.kind === undefined || q.speaker.kind === 'person')) {
    score += 0.2;
    reasons.push('named speaker');
  } else if (q.speaker?.name) {
    score += 0.1;
    reasons.push(q.speaker.kind === 'organization' ? 'organization' : 'unnamed source');
  }
  const n = q.text.length;
  if (n >= minLength && n <= maxLength) {
    score += 0.15;
    reasons.push('fits a card');
  } else if (n < minLength) {
    score -= 0.15 * (1 - n / minLength);
    reasons.push('short');
  } else {
    score -= Math.min(0.2, (0.2 * (n - maxLength)) / maxLength);
    reasons.push('long');
  }
  return { item: q, score: round(score), reasons };
}

function scorePost(p: Post): RankedItem {
  if (p.status === 'full') return { item: p, score: round(p.text ? 0.8 : 0.5), reasons: ['post with text'] };
  if (p.status === 'link-only') return { item: p, score: 0.35, reasons: ['link-only post'] };
  return { item: p, score: 0.1, reasons: ['unavailable post'] };
}

/** Drop repeated quotes: equal words, or words contained in a longer quote. */
function dedupe(quotes: Quote[]): Quote[] {
  const keys = quotes.map((q) => quoteKey(q.text));
  return quotes.filter((_, i) => {
    const key = keys[i] as string;
    return !keys.some((other, j) => j !== i && (other === key ? j < i : other.length > key.length && other.includes(key)));
  });
}

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
}
