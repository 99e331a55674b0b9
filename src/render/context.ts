/**
 * Builds the `TemplateContext` a template receives and collects what templates report through it
 * (warnings, truncation), so that templates stay pure functions of (item, ctx).
 */
import type { Measurer, TemplateContext, Theme } from '../types.js';
import type { CheckedOptions } from './options.js';
import { cleanText } from './text-hygiene.js';

/** A context plus the notes templates left on it. */
export interface ContextWithNotes {
  ctx: TemplateContext;
  notes: { warnings: string[]; truncated: boolean };
}

/** Make the context for one card. */
export function createContext(options: CheckedOptions, theme: Theme, measure: Measurer): ContextWithNotes {
  const notes = { warnings: [] as string[], truncated: false };
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
    warn(message) {
      if (!notes.warnings.includes(message)) notes.warnings.push(message);
    },
    markTruncated() {
      notes.truncated = true;
    },
  };
  return { ctx, notes };
}
