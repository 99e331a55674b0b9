/**
 * Everything before drawing, shared by `renderCard()` and the tree functions `quoteCard()` /
 * `postCard()`: check the item and options, resolve theme and fonts, build the context, run the template.
 */
import { altText, postTemplate, quoteTemplate, resolveTheme } from '../cards/index.js';
import { type FontPlan, fontPlan } from '../fonts/index.js';
import type { Item, Node, TemplateContext } from '../types.js';
import { createContext } from './context.js';
import { checkItem } from './item.js';
import { type CheckedOptions, checkOptions } from './options.js';
import { checkTree } from './tree-limits.js';

/** A card ready to draw. */
export interface PreparedCard {
  item: Item;
  options: CheckedOptions;
  ctx: TemplateContext;
  fonts: FontPlan;
  tree: Node;
  alt: string;
  warnings: string[];
  truncated: boolean;
}

/** Check, resolve and lay out one card. Pure apart from the lazy, once-per-process font read. */
export function prepareCard(input: unknown, rawOptions: unknown, expected?: Item['kind']): PreparedCard {
  return prepareChecked(input, checkOptions(rawOptions), expected);
}

/** `prepareCard` with options already checked. */
export function prepareChecked(input: unknown, options: CheckedOptions, expected?: Item['kind']): PreparedCard {
  const { item, warnings } = checkItem(input, expected);
  const theme = resolveTheme(options.theme);
  const fonts = fontPlan(options.fonts);
  const { ctx, notes } = createContext(options, theme, fonts.measurer);
  const template = options.template ?? ((it: Item, c: TemplateContext) => (it.kind === 'quote' ? quoteTemplate(it, c) : postTemplate(it, c)));
  const tree = template(item, ctx);
  checkTree(tree);
  return {
    item,
    options,
    ctx,
    fonts,
    tree,
    alt: altText(item, ctx),
    warnings: [...warnings, ...notes.warnings],
    truncated: notes.truncated,
  };
}
