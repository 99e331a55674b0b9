/**
 * The built-in themes (a newsroom look: warm off-white or near-black paper, one strong red accent)
 * and `resolveTheme()`, which checks a partial theme and lays it over a built-in one.
 */
import { InputError } from '../errors.js';
import { isPlainObject } from '../plain-object.js';
import { SANS_FAMILY, SERIF_FAMILY } from '../fonts/bundled.js';
import type { Theme } from '../types.js';

/** Warm off-white paper, ink-black type, newsroom red. */
export const lightTheme: Readonly<Theme> = Object.freeze({
  name: 'light',
  background: '#f6f2ea',
  surface: '#fffdf8',
  foreground: '#171513',
  muted: '#68625a',
  accent: '#c8102e',
  border: '#dfd8cb',
  fonts: Object.freeze({ serif: SERIF_FAMILY, sans: SANS_FAMILY }),
  radius: 20,
});

/** Near-black paper, warm white type, a red bright enough to read on it. */
export const darkTheme: Readonly<Theme> = Object.freeze({
  name: 'dark',
  background: '#151412',
  surface: '#1f1d1a',
  foreground: '#f4efe6',
  muted: '#a59e93',
  accent: '#ff4d4d',
  border: '#37332e',
  fonts: Object.freeze({ serif: SERIF_FAMILY, sans: SANS_FAMILY }),
  radius: 20,
});

const COLOR_KEYS = ['background', 'surface', 'foreground', 'muted', 'accent', 'border'] as const;
const KEYS = ['name', ...COLOR_KEYS, 'fonts', 'radius', 'site', 'logo'] as const;
const COLOR_ALLOWED = 'a CSS colour such as "#c8102e", "rgb(200 16 46)" or "crimson"';
/** Largest corner radius accepted, in px at 1200 wide. */
export const MAX_RADIUS = 200;

/** One argument of a colour function: a number with an optional unit, or `none` (satori's parser fails on other words). */
const COLOR_ARG = String.raw`(?:[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?(?:%|deg|rad|grad|turn)?|none)`;
/** `rgb(200 16 46)`, `hsl(120deg, 50%, 50% / .5)`: arguments split by commas, slashes or spaces (linear: separators are never empty). */
const FUNCTIONAL_COLOR = new RegExp(String.raw`^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(\s*${COLOR_ARG}(?:(?:\s*[,/]\s*|\s+)${COLOR_ARG})*\s*\)$`, 'i');

/** True for the colour syntaxes satori draws: hex, functional notations and named colours. */
export function isCssColor(value: string): boolean {
  const v = value.trim();
  return (
    /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(v) ||
    FUNCTIONAL_COLOR.test(v) ||
    /^[a-z]{3,24}$/i.test(v)
  );
}

function checkFonts(value: unknown, base: Theme['fonts']): Theme['fonts'] {
  const allowed = 'an object { serif?, sans? } of font family names';
  if (!isPlainObject(value)) throw InputError.invalid('theme.fonts', allowed, value);
  const fonts = { ...base };
  for (const [key, family] of Object.entries(value)) {
    if (key !== 'serif' && key !== 'sans') throw InputError.invalid(`theme.fonts.${key}`, '"serif" | "sans"', family);
    if (typeof family !== 'string' || family.trim() === '') {
      throw InputError.invalid(`theme.fonts.${key}`, 'a non-empty font family name', family);
    }
    fonts[key] = family.trim();
  }
  return fonts;
}

/**
 * The theme a card is drawn with: a built-in one by name, or a partial theme laid over the light
 * theme (over the dark one when the partial says `name: 'dark'`). Unknown keys and bad values are
 * `InputError`s naming the field, e.g. `theme.accent`.
 */
export function resolveTheme(option: 'light' | 'dark' | Partial<Theme> | undefined): Theme {
  if (option === undefined || option === 'light') return { ...lightTheme, fonts: { ...lightTheme.fonts } };
  if (option === 'dark') return { ...darkTheme, fonts: { ...darkTheme.fonts } };
  if (!isPlainObject(option)) {
    throw InputError.invalid('theme', '"light" | "dark" | a partial theme object', option);
  }
  for (const key of Object.keys(option)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      throw InputError.invalid(`theme.${key}`, `one of the theme keys ${KEYS.map((k) => `"${k}"`).join(', ')}`, (option as Record<string, unknown>)[key]);
    }
  }
  const base = option.name === 'dark' ? darkTheme : lightTheme;
  const theme: Theme = { ...base, fonts: { ...base.fonts } };
  if (option.name !== undefined) {
    if (typeof option.name !== 'string' || option.name.trim() === '') throw InputError.invalid('theme.name', 'a non-empty string', option.name);
    theme.name = option.name;
  }
  for (const key of COLOR_KEYS) {
    const value: unknown = option[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !isCssColor(value)) throw InputError.invalid(`theme.${key}`, COLOR_ALLOWED, value);
    theme[key] = value.trim();
  }
  if (option.fonts !== undefined) theme.fonts = checkFonts(option.fonts, base.fonts);
  if (option.radius !== undefined) {
    const r: unknown = option.radius;
    if (typeof r !== 'number' || !Number.isFinite(r) || r < 0 || r > MAX_RADIUS) {
      throw InputError.invalid('theme.radius', `a number of px from 0 to ${MAX_RADIUS}`, r);
    }
    theme.radius = r;
  }
  if (option.site !== undefined) {
    if (typeof option.site !== 'string') throw InputError.invalid('theme.site', 'a string', option.site);
    if (option.site.trim()) theme.site = option.site.trim();
  }
  if (option.logo !== undefined) {
    if (!(option.logo instanceof Uint8Array) || option.logo.byteLength === 0) {
      throw InputError.invalid('theme.logo', 'a Uint8Array of PNG, JPEG, GIF or WebP bytes', option.logo);
    }
    theme.logo = option.logo;
  }
  return theme;
}
