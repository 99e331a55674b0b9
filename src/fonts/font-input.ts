/**
 * The `fonts` option: each entry a plain `{ name, data, weight?, style?, lang? }` whose bytes are a font
 * satori can draw. Shape problems are `InputError`s, unreadable bytes `FontError`s; both name the entry
 * (`fonts[0].data`). Fonts past a limit of font-limits.ts, and lists of too many fonts, too many bytes
 * or too many cmap codes in all, are `FontError`s with code `font-too-large`: the count is checked before any entry is read, and
 * every entry is inspected and the totals checked before any is parsed.
 */
import { FontError } from '../errors.js';
import { convert, invalid, object, oneOf, optional, type Place, type Rule, rule, text } from '../shared/check.js';
import type { Face, FontWeight } from './face.js';
import { checkFontBytes, type FontBytes, inspectFontBytes } from './font-bytes.js';
import { MAX_CMAP_CODES, MAX_FONTS, MAX_TOTAL_FONT_BYTES } from './font-limits.js';
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

type Entry = ReturnType<typeof entry.check>;

/** One entry of `fonts`, its bytes checked (inspected and parsed), as a face. */
function toFace(font: Entry, at: Place): Face {
  const bytes = checkFontBytes(font.data, at.key('data').path);
  const face: Face = { name: font.name, data: bytes.data, weight: font.weight, style: font.style, source: `options.${at.path}` };
  if (font.lang) face.lang = font.lang as Face['lang'];
  if (bytes.metrics) face.metrics = bytes.metrics;
  return face;
}

const LIST = 'an array of { name, data, weight?, style?, lang? }';

/** What a list's fonts cost together so far; the same bytes object given twice counts once (it is read once). */
class Totals {
  private readonly counted = new Set<FontBytes>();
  bytes = 0;
  codes = 0;

  add(font: FontBytes): void {
    if (this.counted.has(font)) return;
    this.counted.add(font);
    this.bytes += font.unpacked;
    this.codes += font.cmapCodes;
  }

  /** The problem with the totals after `count` fonts, if any: what is allowed and what was received. */
  problem(count: number): { allowed: string; received: string } | undefined {
    const first = `in the first ${count} font${count === 1 ? '' : 's'}`;
    if (this.bytes > MAX_TOTAL_FONT_BYTES) {
      return { allowed: `at most ${MAX_TOTAL_FONT_BYTES} bytes (64 MiB) of fonts in all, unpacked`, received: `${this.bytes} bytes ${first}` };
    }
    if (this.codes > MAX_CMAP_CODES) {
      return { allowed: `cmaps that map at most ${MAX_CMAP_CODES} character codes in all`, received: `${this.codes} character codes ${first}` };
    }
    return undefined;
  }
}

/**
 * The list: its length checked before any entry; then each entry's shape and bytes inspected, in
 * order, stopping as soon as their totals pass a limit; then each parsed and turned into a face.
 */
const fontList: Rule<Face[]> = {
  allowed: LIST,
  check(value, at) {
    if (!Array.isArray(value)) throw invalid(at, LIST, value);
    if (value.length > MAX_FONTS) {
      throw new FontError('font-too-large', `Too many fonts in ${at.noun} "${at.name}"`, {
        field: at.path,
        allowed: `at most ${MAX_FONTS} fonts`,
        received: `${value.length} fonts`,
      });
    }
    const fonts: Entry[] = [];
    const totals = new Totals();
    for (let i = 0; i < value.length; i++) {
      const font = entry.check(value[i], at.index(i));
      totals.add(inspectFontBytes(font.data, at.index(i).key('data').path));
      const problem = totals.problem(i + 1);
      if (problem) throw new FontError('font-too-large', `Fonts too large in ${at.noun} "${at.name}"`, { field: at.path, ...problem });
      fonts.push(font);
    }
    return fonts.map((font, i) => toFace(font, at.index(i)));
  },
};

/** The `fonts` option: an array of fonts, each checked and turned into a face. */
export const fontsRule: Rule<Face[]> = optional(fontList, () => []);
