/**
 * Which opening mark a quote card draws: the theme's `quoteMarks`, and under 'auto' the mark the
 * quote's language opens a quotation with (from the card's locale).
 */
import type { QuoteMarks } from '../types.js';

export const QUOTE_MARKS = ['auto', 'curly', 'guillemets', 'low', 'corner', 'none'] as const satisfies readonly QuoteMarks[];

/** A mark that is drawn ('auto' resolved). */
export type MarkStyle = Exclude<QuoteMarks, 'auto'>;

/** Languages whose quotations open with « (French, Russian, Italian, Spanish, Greek, Arabic, Norwegian…). */
const GUILLEMETS = new Set(['fr', 'ru', 'uk', 'be', 'it', 'es', 'ca', 'eu', 'gl', 'el', 'ar', 'fa', 'hy', 'sq', 'no', 'nb', 'nn', 'rm', 'ps', 'ug', 'km', 'lo']);
/** Languages whose quotations open with „ (German, Czech, Polish, Hungarian, Romanian, Bulgarian…). */
const LOW = new Set(['de', 'cs', 'sk', 'sl', 'lt', 'lv', 'et', 'is', 'bg', 'ka', 'pl', 'ro', 'hu', 'hr', 'bs', 'sr', 'mk']);
/** Regions that use « for a language listed under another mark: Swiss and Liechtenstein German, European Portuguese. */
const GUILLEMET_REGIONS = new Set(['de-CH', 'de-LI', 'pt-PT']);

/** The mark a card draws for `option` (default 'curly') and the card's `locale`. */
export function markStyle(option: QuoteMarks | undefined, locale: string): MarkStyle {
  if (option !== 'auto') return option ?? 'curly';
  let tag: Intl.Locale;
  try {
    tag = new Intl.Locale(locale);
  } catch {
    return 'curly';
  }
  const language = tag.language;
  if (tag.region && GUILLEMET_REGIONS.has(`${language}-${tag.region}`)) return 'guillemets';
  if (GUILLEMETS.has(language)) return 'guillemets';
  if (LOW.has(language)) return 'low';
  // Japanese, and Chinese as written in Taiwan and Hong Kong (traditional script); simplified Chinese uses “
  if (language === 'ja') return 'corner';
  if (language === 'zh') {
    const traditional = tag.script === 'Hant' || (!tag.script && (tag.region === 'TW' || tag.region === 'HK' || tag.region === 'MO'));
    return traditional ? 'corner' : 'curly';
  }
  return 'curly';
}
