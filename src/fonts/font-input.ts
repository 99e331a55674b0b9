/**
 * Validation of `options.fonts` at the boundary: each entry must be a plain `{ name, data, weight?,
 * style?, lang? }` with readable font bytes. Structure problems are `InputError`s, unreadable bytes
 * `FontError`s; both name the entry (`fonts[0].data`).
 */
import { InputError } from '../errors.js';
import { isPlainObject, rejectUnknownKeys } from '../plain-object.js';
import type { FontInput } from '../types.js';
import type { Face, FontWeight } from './face.js';
import { checkFontBytes } from './font-bytes.js';
import { satoriLocale } from './satori-locale.js';

const KEYS = ['name', 'data', 'weight', 'style', 'lang'];
const WEIGHTS = [100, 200, 300, 400, 500, 600, 700, 800, 900];
const SHAPE = '{ name, data, weight?, style?, lang? }';

function checkLang(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  const allowed = 'a BCP 47 language tag such as "ar", "he", "hi" or "ja-JP"';
  if (typeof value !== 'string') throw InputError.invalid(field, allowed, value);
  try {
    return satoriLocale(Intl.getCanonicalLocales(value)[0] ?? '');
  } catch {
    throw InputError.invalid(field, allowed, value);
  }
}

/** One entry of `options.fonts` → a face. */
export function checkFontInput(input: unknown, index: number): Face {
  const at = `fonts[${index}]`;
  if (!isPlainObject(input)) throw InputError.invalid(at, `an object ${SHAPE}`, input);
  rejectUnknownKeys(input, KEYS, 'key', at);
  const { name, data, weight = 400, style = 'normal' } = input;
  if (typeof name !== 'string' || !name.trim()) throw InputError.invalid(`${at}.name`, 'a non-empty font family name', name);
  if (!(data instanceof Uint8Array) && !(data instanceof ArrayBuffer)) {
    throw InputError.invalid(`${at}.data`, 'TTF, OTF, WOFF or WOFF2 bytes as a Uint8Array, Buffer or ArrayBuffer', data);
  }
  if (typeof weight !== 'number' || !WEIGHTS.includes(weight)) {
    throw InputError.invalid(`${at}.weight`, '100 | 200 | 300 | 400 | 500 | 600 | 700 | 800 | 900', weight);
  }
  if (style !== 'normal' && style !== 'italic') throw InputError.invalid(`${at}.style`, '"normal" | "italic"', style);
  const lang = checkLang(input.lang, `${at}.lang`);
  const bytes = checkFontBytes(data, `${at}.data`);
  const face: Face = { name: name.trim(), data: bytes.data, weight: weight as FontWeight, style, source: `options.${at}` };
  if (lang) face.lang = lang as Face['lang'];
  if (bytes.metrics) face.metrics = bytes.metrics;
  return face;
}

/** All of `options.fonts`, in order. */
export function checkFontInputs(fonts: unknown): Face[] {
  if (fonts === undefined || fonts === null) return [];
  if (!Array.isArray(fonts)) throw InputError.invalid('fonts', `an array of ${SHAPE}`, fonts);
  return (fonts as FontInput[]).map((font, i) => checkFontInput(font, i));
}
