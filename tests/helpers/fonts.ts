/** Fonts and template contexts as renderCard builds them, for tests that reach below renderCard. */
import { cardOptions } from '../../src/cards/card-options.js';
import { createContext } from '../../src/cards/context.js';
import { type FontPlan, fontPlan } from '../../src/fonts/font-plan.js';
import { fontsRule } from '../../src/fonts/font-input.js';
import { checkOptions, Place } from '../../src/shared/check.js';
import type { RenderOptions, TemplateContext } from '../../src/types.js';

/** The font plan for a `fonts` option as a caller would pass it (checked by the option's own rule). */
export function planFor(fonts?: unknown): FontPlan {
  return fontPlan(fontsRule.check(fonts, new Place('option', 'fonts')));
}

/** A template context for `options`, and what templates reported through it. */
export function contextFor(options: RenderOptions = {}): { ctx: TemplateContext; notes: { warnings: string[]; truncated: boolean }; fonts: FontPlan } {
  const checked = checkOptions(cardOptions, options);
  const fonts = fontPlan(checked.fonts);
  return { ...createContext(checked, fonts.measurer), fonts };
}
