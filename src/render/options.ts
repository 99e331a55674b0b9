/**
 * Validation of `RenderOptions` at the boundary: unknown keys, wrong types and values outside what is
 * allowed are `InputError`s naming the option, what is allowed and what was received.
 */
import { InputError } from '../errors.js';
import { isPlainObject, rejectUnknownKeys } from '../plain-object.js';
import { type CheckedHydrateOptions, resolveHydrateOption } from '../net/hydrate-options.js';
import type { FontInput, Item, Node, RenderOptions, TemplateContext } from '../types.js';
import { type ResolvedSize, resolveSize } from './size.js';

const KEYS = ['size', 'theme', 'format', 'site', 'date', 'locale', 'template', 'fonts', 'strict', 'compression', 'hydrate'] as const;

/** Options with defaults filled in and every value checked (the theme is resolved by the cards stage). */
export interface CheckedOptions {
  size: ResolvedSize;
  theme: RenderOptions['theme'];
  format: 'png' | 'svg';
  site?: string;
  date?: string;
  locale: string;
  template?: (item: Item, ctx: TemplateContext) => Node;
  fonts: readonly FontInput[];
  strict: boolean;
  compression: Compression;
  /** Network options when the caller opted in to hydration, else undefined (no network). */
  hydrate?: CheckedHydrateOptions;
}

function optionalString(options: Record<string, unknown>, key: string): string | undefined {
  const value = options[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw InputError.invalid(key, 'a string', value);
  return value;
}

function checkLocale(value: string | undefined): string {
  if (value === undefined) return 'en-US';
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    if (canonical) return canonical;
  } catch {
    // fall through to the typed error
  }
  throw InputError.invalid('locale', 'a BCP 47 language tag such as "en-US" or "fr"', value);
}

function checkDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw InputError.invalid('date', 'an ISO 8601 date such as "2019-12-13"', value);
  }
  return value;
}

/** PNG compression, as renderCard and renderArticles take it. */
export type Compression = 'fast' | 'small';

/** Check a `compression` option (default 'fast'). */
export function checkCompression(value: unknown): Compression {
  if (value === undefined) return 'fast';
  if (value !== 'fast' && value !== 'small') throw InputError.invalid('compression', '"fast" | "small"', value);
  return value;
}

/** Check `options` and fill in defaults. */
export function checkOptions(options: unknown = {}): CheckedOptions {
  if (options === undefined || options === null) options = {};
  if (!isPlainObject(options)) throw InputError.invalid('options', 'a plain object', options, 'argument');
  rejectUnknownKeys(options, KEYS, 'option');
  const format = options.format ?? 'png';
  if (format !== 'png' && format !== 'svg') throw InputError.invalid('format', '"png" | "svg"', format);
  const strict = options.strict ?? false;
  if (typeof strict !== 'boolean') throw InputError.invalid('strict', 'true | false', strict);
  const compression = checkCompression(options.compression);
  const template = options.template;
  if (template !== undefined && typeof template !== 'function') {
    throw InputError.invalid('template', 'a function (item, ctx) => node', template);
  }
  const fonts = options.fonts ?? [];
  if (!Array.isArray(fonts)) throw InputError.invalid('fonts', 'an array of { name, data, weight?, style?, lang? }', fonts);
  return {
    size: resolveSize(options.size),
    theme: options.theme as RenderOptions['theme'],
    format,
    site: optionalString(options, 'site'),
    date: checkDate(optionalString(options, 'date')),
    locale: checkLocale(optionalString(options, 'locale')),
    template: template as CheckedOptions['template'],
    fonts: fonts as FontInput[],
    strict,
    compression,
    hydrate: resolveHydrateOption(options.hydrate),
  };
}
