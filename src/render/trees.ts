/** `quoteCard()` and `postCard()`: the element trees `renderCard()` draws, for composing your own layouts. */
import type { Node, Post, Quote, RenderOptions } from '../types.js';
import { prepareCard } from './prepare.js';

/** The element tree of a quote card (or of `options.template` applied to the quote). */
export function quoteCard(quote: Quote, options?: RenderOptions): Node {
  return prepareCard(quote, options, 'quote').tree;
}

/** The element tree of a post card (or of `options.template` applied to the post). */
export function postCard(post: Post, options?: RenderOptions): Node {
  return prepareCard(post, options, 'post').tree;
}
