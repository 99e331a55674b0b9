/**
 * A card's element tree from an item and options — check both, take the fonts and the theme, build the
 * template context, run the template, check the tree — shared by `quoteCard()` / `postCard()` and
 * `renderCard()`, which draws what this returns.
 */
import { RenderError } from '../errors.js';
import { type FontPlan, fontPlan } from '../fonts/font-plan.js';
import { checkOptions } from '../shared/check.js';
import type { Item, Node, PostInput, QuoteInput, RenderOptions, TemplateContext } from '../types.js';
import { altText } from './alt-text.js';
import { type CardOptions, cardOptions } from './card-options.js';
import { createContext } from './context.js';
import { checkItem } from './item.js';
import { postTemplate } from './post-card.js';
import { quoteTemplate } from './quote-card.js';
import { checkedTree } from './tree-limits.js';

/** A card laid out and ready to draw. */
export interface CardTree<O extends CardOptions = CardOptions> {
  item: Item;
  options: O;
  ctx: TemplateContext;
  fonts: FontPlan;
  tree: Node;
  alt: string;
  warnings: string[];
  truncated: boolean;
}

function builtIn(item: Item, ctx: TemplateContext): Node {
  return item.kind === 'quote' ? quoteTemplate(item, ctx) : postTemplate(item, ctx);
}

/** Lay out one card from an unchecked item and checked options. */
export function cardTree<O extends CardOptions>(input: unknown, options: O, expected?: Item['kind']): CardTree<O> {
  const { item, warnings } = checkItem(input, expected);
  const fonts = fontPlan(options.fonts);
  const { ctx, notes } = createContext(options, fonts.measurer);
  let tree: Node;
  try {
    tree = (options.template ?? builtIn)(item, ctx);
  } catch (error) {
    const received = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new RenderError('template-failed', 'The template threw', { field: 'template', received, cause: error });
  }
  tree = checkedTree(tree);
  return { item, options, ctx, fonts, tree, alt: altText(item, ctx), warnings: [...warnings, ...notes.warnings], truncated: notes.truncated };
}

/** The element tree of a quote card (or of `options.template` applied to the quote). */
export function quoteCard(quote: QuoteInput, options?: RenderOptions): Node {
  return cardTree(quote, checkOptions(cardOptions, options), 'quote').tree;
}

/** The element tree of a post card (or of `options.template` applied to the post). */
export function postCard(post: PostInput, options?: RenderOptions): Node {
  return cardTree(post, checkOptions(cardOptions, options), 'post').tree;
}
