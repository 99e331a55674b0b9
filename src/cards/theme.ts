/**
 * The built-in themes (a newsroom look: warm off-white or near-black paper, one strong red accent)
 * and `resolveTheme()`, which checks a partial theme and lays it over a built-in one.
 */
import { convert, either, isPlainObject, number, object, oneOf, optional, Place, type Rule, rule, string, text } from '../shared/check.js';
import { SANS_FAMILY, SERIF_FAMILY } from '../fonts/bundled.js';
import type { Theme } from '../types.js';
import { QUOTE_MARKS } from './quote-marks.js';

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

const COLOR_ALLOWED = 'a CSS colour such as "#c8102e", "rgb(200 16 46)" or "crimson"';
/** Longest theme name or font family name accepted (they are identifiers, not text to draw). */
export const MAX_NAME = 200;
const FAMILY = `a non-empty font family name of at most ${MAX_NAME} characters`;
/** Longest colour string looked at: the longest real one, `oklch(…)` with spaces, is well under this. */
const MAX_COLOR = 200;
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

const color = convert(COLOR_ALLOWED, (v, _at, fail) => {
  if (typeof v !== 'string' || v.length > MAX_COLOR || !isCssColor(v)) throw fail();
  return v.trim();
});

/** A partial theme as the caller gives it: every key optional, each checked. */
const partialTheme = object(
  {
    name: optional(text(`a non-empty name of at most ${MAX_NAME} characters`, MAX_NAME)),
    background: optional(color),
    surface: optional(color),
    foreground: optional(color),
    muted: optional(color),
    accent: optional(color),
    border: optional(color),
    fonts: optional(object({ serif: optional(text(FAMILY, MAX_NAME)), sans: optional(text(FAMILY, MAX_NAME)) }, 'an object { serif?, sans? } of font family names')),
    radius: optional(number(0, MAX_RADIUS, `a number of px from 0 to ${MAX_RADIUS}`)),
    site: optional(string()),
    quoteMarks: optional(oneOf(QUOTE_MARKS)),
    logo: optional(rule<Uint8Array>('a Uint8Array of PNG, JPEG, GIF or WebP bytes', (v) => v instanceof Uint8Array && v.byteLength > 0)),
  },
  'a partial theme object',
);

/** A built-in theme's own copy (callers may change what they get). */
const copy = (theme: Readonly<Theme>): Theme => ({ ...theme, fonts: { ...theme.fonts } });

/** A partial theme laid over the light theme, or over the dark one when it says `name: 'dark'`. */
function layered(value: unknown, at: Place): Theme {
  const given = partialTheme.check(value, at);
  const theme = copy(given.name === 'dark' ? darkTheme : lightTheme);
  for (const [key, v] of Object.entries(given)) {
    if (key === 'fonts') theme.fonts = { ...theme.fonts, ...(v as Partial<Theme['fonts']>) };
    else if (key === 'site') {
      if ((v as string).trim()) theme.site = (v as string).trim();
    } else (theme as unknown as Record<string, unknown>)[key] = v;
  }
  return theme;
}

/**
 * The `theme` option: a built-in theme by name, or a partial theme laid over one. Unknown keys and bad
 * values are `InputError`s naming the key, e.g. `theme.accent`.
 */
export const themeRule: Rule<Theme> = either(
  '"light" | "dark" | a partial theme object',
  [(v) => v === undefined || v === 'light', convert('"light"', () => copy(lightTheme))],
  [(v) => v === 'dark', convert('"dark"', () => copy(darkTheme))],
  [isPlainObject, convert('a partial theme object', layered)],
);

/** The theme a card is drawn with (see `themeRule`). */
export function resolveTheme(option: 'light' | 'dark' | Partial<Theme> | undefined): Theme {
  return themeRule.check(option, new Place('option', 'theme'));
}
