/**
 * The `fonts` option: each entry a plain `{ name, data, weight?, style?, lang? }` whose bytes are a font
 * satori can draw. Shape problems are `InputError`s, unreadable bytes `FontError`s; both name the entry
 * (`fonts[0].data`).
 */
import { array, convert, object, oneOf, optional, type Rule, rule, text } from '../shared/check.js';
import type { Face, FontWeight } from './face.js';
import { checkFontBytes } from './font-bytes.js';
import { satoriLocale } from './satori-locale.js';

const WEIGHTS = [100, 200, 300, 400, 500, 600, 700, 800, 900];

const lang = convert('a BCP 47 language tag such as "ar", "he", "hi" or "ja-JP"', (value, _at, fail) => {
  if (typeof value !== 'string') throw fail();
  try {
    return satoriLocale(Intl.getCanonicalLocales(value)[0] ?? '');
  } catch {
    throw fail();
  }
});

const entry = object(
  {
    name: text('a non-empty font family name'),
    data: rule<Uint8Array | ArrayBuffer>(
      'TTF, OTF, WOFF or WOFF2 bytes as a Uint8Array, Buffer or ArrayBuffer',
      (v) => v instanceof Uint8Array || v instanceof ArrayBuffer,
    ),
    weight: optional(
      rule<FontWeight>(WEIGHTS.join(' | '), (v) => typeof v === 'number' && WEIGHTS.includes(v)),
      400,
    ),
    style: optional(oneOf(['normal', 'italic']), 'normal'),
    lang: optional(lang),
  },
  'an object { name, data, weight?, style?, lang? }',
);

/** One entry of `fonts`, its bytes checked, as a face. */
const fontInput: Rule<Face> = convert(entry.allowed, (value, at) => {
  const font = entry.check(value, at);
  const bytes = checkFontBytes(font.data, at.key('data').path);
  const face: Face = { name: font.name, data: bytes.data, weight: font.weight, style: font.style, source: `options.${at.path}` };
  if (font.lang) face.lang = font.lang as Face['lang'];
  if (bytes.metrics) face.metrics = bytes.metrics;
  return face;
});

/** The `fonts` option: an array of fonts, each checked and turned into a face. */
export const fontsRule: Rule<Face[]> = optional(array(fontInput, 'an array of { name, data, weight?, style?, lang? }'), () => []);

