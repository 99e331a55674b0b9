/**
 * Builds the `TemplateContext` a template receives — the theme, measurement with the card's fonts, image
 * checking — and collects what templates report through it (warnings, truncation), so that templates
 * stay pure functions of (item, ctx).
 */
import { imageDataUrl } from '../images/data-url.js';
import type { Measurer, TemplateContext } from '../types.js';
import type { CardOptions } from './card-options.js';
import { cleanText } from './text-hygiene.js';
import { boundText, LABEL_UNITS } from './text-bound.js';

/** A context plus the notes templates left on it. */
export interface ContextWithNotes {
  ctx: TemplateContext;
  notes: { warnings: string[]; truncated: boolean };
}

/** Make the context for one card. */
export function createContext(options: CardOptions, measure: Measurer): ContextWithNotes {
  const { theme } = options;
  const notes = { warnings: [] as string[], truncated: false };
  const warn = (message: string) => {
    if (!notes.warnings.includes(message)) notes.warnings.push(message);
  };
  // The site name is drawn and read aloud like the quote: it gets the same hygiene.
  const siteField = options.site !== undefined ? 'site' : 'theme.site';
  const bounded = boundText(options.site ?? theme.site ?? '', LABEL_UNITS);
  if (bounded.dropped) notes.warnings.push(`${siteField} cut: ${bounded.dropped} characters past the ${LABEL_UNITS}-character limit were dropped.`);
  const site = options.site ?? theme.site;
  const cleaned = site === undefined ? undefined : cleanText(bounded.text, siteField);
  if (cleaned) notes.warnings.push(...cleaned.warnings);
  const ctx: TemplateContext = {
    theme,
    size: { ...options.size },
    measure,
    locale: options.locale,
    site: cleaned?.text,
    date: options.date,
    warn,
    markTruncated() {
      notes.truncated = true;
    },
    image(bytes, field, skipped) {
      const result = imageDataUrl(bytes, { field });
      if ('error' in result) {
        warn(`${skipped}: ${result.error.message}`);
        return undefined;
      }
      return { src: result.url, width: result.header.width, height: result.header.height };
    },
  };
  return { ctx, notes };
}
