/**
 * Validation of `BatchOptions` at the boundary: unknown keys, wrong types and values outside what is
 * allowed are `InputError`s naming the option, what is allowed and what was received. Sizes and
 * themes are checked here, before any worker starts, so a typo fails fast instead of per card.
 */
import { availableParallelism } from 'node:os';
import { resolveTheme } from '../cards/theme.js';
import { InputError } from '../errors.js';
import { isPlainObject, rejectUnknownKeys } from '../plain-object.js';
import { type Compression, checkCompression } from '../render/options.js';
import { type ResolvedSize, resolveSize } from '../render/size.js';
import type { BatchOptions, BatchProgress, FontInput, Size, ThemeChoice } from '../types.js';
import { slugify } from './slug.js';

const KEYS = [
  'out',
  'size',
  'theme',
  'format',
  'max',
  'concurrency',
  'timeout',
  'incremental',
  'gallery',
  'baseUrl',
  'site',
  'locale',
  'fonts',
  'strict',
  'compression',
  'minWords',
  'recycleAfter',
  'onProgress',
] as const;

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

/** Options with defaults filled in and every value checked. */
export interface CheckedBatchOptions {
  out: string;
  sizes: SizeChoice[];
  themes: NamedTheme[];
  formats: Array<'png' | 'svg'>;
  max: number;
  concurrency: number;
  timeout: number;
  incremental: boolean;
  gallery: boolean;
  baseUrl: string;
  site?: string;
  locale?: string;
  fonts: FontInput[];
  strict: boolean;
  compression: Compression;
  minWords?: number;
  recycleAfter: number;
  onProgress?: (progress: BatchProgress) => void;
}

const list = <T>(value: T | T[] | undefined, fallback: T): T[] =>
  value === undefined ? [fallback] : Array.isArray(value) ? value : [value];

function wholeNumber(field: string, value: unknown, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw InputError.invalid(field, `a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ' up'}`, value);
  }
  return value;
}

function flag(field: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw InputError.invalid(field, 'true | false', value);
  return value;
}

function text(field: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw InputError.invalid(field, 'a string', value);
  return value;
}

function checkSizes(value: unknown): SizeChoice[] {
  const sizes = list(value as BatchOptions['size'], 'og');
  if (!sizes.length) throw InputError.invalid('size', 'a size or a non-empty array of sizes', value);
  const seen = new Set<string>();
  return sizes.flatMap((option): SizeChoice[] => {
    const resolved = resolveSize(option);
    const name = resolved.name ?? `${resolved.width}x${resolved.height}`;
    if (seen.has(name)) return [];
    seen.add(name);
    return [{ name, value: resolved, option }];
  });
}

function checkThemes(value: unknown): NamedTheme[] {
  const themes = list(value as BatchOptions['theme'], 'light');
  if (!themes.length) throw InputError.invalid('theme', 'a theme or a non-empty array of themes', value);
  const names = new Set<string>();
  const builtIns = new Set<string>();
  return themes.flatMap((option): NamedTheme[] => {
    resolveTheme(option); // throws a typed error on a bad theme
    if (typeof option === 'string') {
      if (builtIns.has(option)) return [];
      builtIns.add(option);
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

function checkFormats(value: unknown): Array<'png' | 'svg'> {
  const formats = list(value as BatchOptions['format'], 'png');
  const allowed = '"png" | "svg" or an array of them';
  if (!formats.length) throw InputError.invalid('format', allowed, value);
  for (const f of formats) if (f !== 'png' && f !== 'svg') throw InputError.invalid('format', allowed, f);
  return [...new Set(formats)].sort() as Array<'png' | 'svg'>;
}

/** Check `options` and fill in defaults. */
export function checkBatchOptions(options: unknown): CheckedBatchOptions {
  if (!isPlainObject(options)) throw InputError.invalid('options', 'an object with at least { out }', options, 'argument');
  rejectUnknownKeys(options, KEYS, 'option');
  const out = options.out;
  if (typeof out !== 'string' || !out.trim()) throw InputError.invalid('out', 'a folder path', out);
  const fonts = options.fonts ?? [];
  if (!Array.isArray(fonts)) throw InputError.invalid('fonts', 'an array of { name, data, weight?, style?, lang? }', fonts);
  const onProgress = options.onProgress;
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw InputError.invalid('onProgress', 'a function (progress) => void', onProgress);
  }
  return {
    out,
    sizes: checkSizes(options.size),
    themes: checkThemes(options.theme),
    formats: checkFormats(options.format),
    max: wholeNumber('max', options.max, 5, 0, 1000),
    concurrency: wholeNumber('concurrency', options.concurrency, availableParallelism(), 1, 256),
    timeout: wholeNumber('timeout', options.timeout, 60_000, 1),
    incremental: flag('incremental', options.incremental, true),
    gallery: flag('gallery', options.gallery, true),
    baseUrl: text('baseUrl', options.baseUrl) ?? '',
    site: text('site', options.site),
    locale: text('locale', options.locale),
    fonts: fonts as FontInput[],
    strict: flag('strict', options.strict, false),
    compression: checkCompression(options.compression),
    minWords: options.minWords === undefined ? undefined : wholeNumber('minWords', options.minWords, 3, 1),
    recycleAfter: wholeNumber('recycleAfter', options.recycleAfter, 0, 0),
    onProgress: onProgress as CheckedBatchOptions['onProgress'],
  };
}
