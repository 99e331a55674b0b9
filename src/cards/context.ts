/**
 * Builds the `TemplateContext` a template receives — the theme, measurement with the card's fonts, image
 * checking — and collects what templates report through it (warnings, truncation), so that templates
 * stay pure functions of (item, ctx).
 */
import { imageDataUrl } from '../images/data-url.js';
import type { Measurer, TemplateContext } from '../types.js';
import type { CardOptions } from './card-options.js';
import { cleanText } from './text-hygiene.js';

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
  const rawSite = options.site ?? theme.site;
  const site = rawSite === undefined ? undefined : cleanText(rawSite, options.site !== undefined ? 'site' : 'theme.site');
  if (site) notes.warnings.push(...site.warnings);
  const ctx: TemplateContext = {
    theme,
    size: { ...options.size },
    measure,
    locale: options.locale,
    site: site?.text,
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
