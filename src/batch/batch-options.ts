/**
 * Validation of `BatchOptions` at the boundary: unknown keys, wrong types and values outside what is
 * allowed are `InputError`s naming the option, what is allowed and what was received. Sizes and
 * themes are checked here, before any worker starts, so a typo fails fast instead of per card.
 */
import { availableParallelism } from 'node:os';
import { compressionRule, localeRule } from '../cards/card-options.js';
import { type ResolvedSize, SIZES, sizeName, sizeRule } from '../cards/size.js';
import { themeRule } from '../cards/theme.js';
import {
  boolean,
  checkOptions,
  convert,
  func,
  integer,
  notOptions,
  number,
  isPlainObject,
  object,
  oneOf,
  oneOrMany,
  optional,
  type ShapeOf,
  string,
  text,
} from '../shared/check.js';
import { fontsRule } from '../fonts/font-input.js';
import type { BatchProgress, FontInput, Size, ThemeChoice } from '../types.js';
import { slugify } from './slug.js';

/** A size to draw, with the name used in file names ("og", "1000x500"). */
export interface SizeChoice {
  name: string;
  value: ResolvedSize;
  option: Size;
}

/** A theme to draw, with the name used in file names. */
export interface NamedTheme {
  name: string;
  option: ThemeChoice;
}

const sizeChoice = convert(sizeRule.allowed, (option, at) => ({ value: sizeRule.check(option, at), option: option as Size }));
const themeChoice = convert(themeRule.allowed, (option, at) => {
  themeRule.check(option, at);
  return option as ThemeChoice;
});

const SHAPE = {
  out: text('a folder path'),
  size: optional(oneOrMany(sizeChoice), () => [{ value: { ...SIZES.og, name: 'og' as const }, option: 'og' as Size }]),
  theme: optional(oneOrMany(themeChoice), (): ThemeChoice[] => ['light']),
  format: optional(oneOrMany(oneOf(['png', 'svg']), '"png" | "svg" or an array of them'), (): Array<'png' | 'svg'> => ['png']),
  max: optional(integer(0, 1000), 5),
  minConfidence: optional(number(0, 1, 'a number from 0 to 1')),
  concurrency: optional(integer(1, 256), () => availableParallelism()),
  timeout: optional(integer(1), 60_000),
  incremental: optional(boolean(), true),
  gallery: optional(boolean(), true),
  baseUrl: optional(string(), ''),
  site: optional(string()),
  locale: optional(localeRule),
  fonts: convert(fontsRule.allowed, (fonts, at): FontInput[] => {
    fontsRule.check(fonts, at); // each font is read once here, so a bad one fails before any worker starts
    return (fonts as FontInput[] | undefined) ?? [];
  }),
  strict: optional(boolean(), false),
  compression: compressionRule,
  minWords: optional(integer(1)),
  recycleAfter: optional(integer(0), 0),
  onProgress: optional(func<(progress: BatchProgress) => void>('a function (progress) => void')),
};

/** `BatchOptions` as a rule (the CLI checks its flags with it too). */
export const batchOptions = object(SHAPE, 'an object with at least { out }');

/** Options with defaults filled in and every value checked. */
export type CheckedBatchOptions = Omit<ShapeOf<typeof SHAPE>, 'size' | 'theme' | 'format'> & {
  sizes: SizeChoice[];
  themes: NamedTheme[];
  formats: Array<'png' | 'svg'>;
};

/** Each size once, named as in file names. */
function uniqueSizes(choices: Array<{ value: ResolvedSize; option: Size }>): SizeChoice[] {
  const seen = new Set<string>();
  return choices.flatMap((choice): SizeChoice[] => {
    const name = sizeName(choice.value);
    if (seen.has(name)) return [];
    seen.add(name);
    return [{ name, ...choice }];
  });
}

/** Each built-in theme once; custom themes named by their slug, numbered when two share one. */
function namedThemes(options: ThemeChoice[]): NamedTheme[] {
  const names = new Set<string>();
  return options.flatMap((option): NamedTheme[] => {
    if (typeof option === 'string') {
      if (names.has(option)) return [];
      names.add(option);
      return [{ name: option, option }];
    }
    const base = slugify(option.name ?? 'custom', 'custom');
    let name = base;
    for (let n = 2; names.has(name); n++) name = `${base}-${n}`;
    names.add(name);
    return [{ name, option }];
  });
}

/** Check `options` and fill in defaults; `show` names options as the CLI's flags. */
export function checkBatchOptions(options: unknown, show?: (path: string) => string): CheckedBatchOptions {
  if (!isPlainObject(options)) throw notOptions(batchOptions.allowed, options);
  const { size, theme, format, ...rest } = checkOptions(batchOptions, options, show);
  return { ...rest, sizes: uniqueSizes(size), themes: namedThemes(theme), formats: [...new Set(format)].sort() };
}
