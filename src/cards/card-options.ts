/**
 * The options a card is laid out with, as rules: `quoteCard()` and `postCard()` check them, and
 * `renderCard()` checks the same rules extended with the network option (see render/options.ts).
 */
import { fontsRule } from '../fonts/font-input.js';
import { anything, boolean, convert, func, type ObjectRule, object, oneOf, optional, type ShapeOf, string } from '../shared/check.js';
import type { Item, Node, TemplateContext } from '../types.js';
import { SIZES, sizeRule } from './size.js';
import { themeRule } from './theme.js';

/** A BCP 47 language tag, canonicalised. */
export const localeRule = convert('a BCP 47 language tag such as "en-US" or "fr"', (value, _at, fail) => {
  // real tags are a few subtags long; Intl is never handed a 10 MB string
  if (typeof value !== 'string' || value.length > 100) throw fail();
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    if (canonical) return canonical;
  } catch {
    // the typed error below
  }
  throw fail();
});

const isoDate = convert('an ISO 8601 date such as "2019-12-13"', (value, _at, fail) => {
  if (typeof value !== 'string' || value.length > 64 || !/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw fail();
  }
  return value;
});

/** PNG compression, as renderCard and renderArticles take it. */
export const compressionRule = optional(oneOf(['fast', 'small']), 'fast');

/** The template option: your own `(item, ctx) => node`. */
export type Template = (item: Item, ctx: TemplateContext) => Node;

const SHAPE = {
  size: optional(sizeRule, () => ({ ...SIZES.og, name: 'og' as const })),
  /** Not given: the light theme. */
  theme: themeRule,
  format: optional(oneOf(['png', 'svg']), 'png'),
  site: optional(string()),
  date: optional(isoDate),
  locale: optional(localeRule, 'en-US'),
  template: optional(func<Template>('a function (item, ctx) => node')),
  fonts: fontsRule,
  strict: optional(boolean(), false),
  compression: compressionRule,
  /** Checked by renderCard, where the network is used; quoteCard and postCard never touch it. */
  hydrate: optional(anything()),
};

/** The card options as a rule (`RenderOptions`). */
export const cardOptions: ObjectRule<typeof SHAPE> = object(SHAPE, 'a plain object of render options');

/** Card options with defaults filled in and every value checked. */
export type CardOptions = ShapeOf<typeof SHAPE>;
