import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { planFor } from './helpers/fonts.js';
import { FontError, InputError } from '../src/errors.js';
import { fontPlan } from '../src/fonts/index.js';

const ttf = readFileSync(new URL('../fonts/NotoSans-Regular.ttf', import.meta.url));
const woff = readFileSync(new URL('./fixtures/fonts/noto-sans-hebrew-hebrew-400-normal.woff', import.meta.url));
const woff2 = readFileSync(new URL('./fixtures/fonts/noto-sans-hebrew-hebrew-400-normal.woff2', import.meta.url));
const ALLOWED = 'Allowed: TTF, OTF, WOFF or WOFF2 font bytes.';

const badFonts: Array<{ name: string; fonts: unknown; type: typeof InputError | typeof FontError; message: string }> = [
  { name: 'not an array', fonts: 'Arial', type: InputError, message: 'Invalid value for option "fonts". Allowed: an array of { name, data, weight?, style?, lang? }. Received: "Arial".' },
  { name: 'non-object entry', fonts: [42], type: InputError, message: 'Invalid value for option "fonts[0]". Allowed: an object { name, data, weight?, style?, lang? }. Received: 42.' },
  { name: 'missing name', fonts: [{ data: ttf }], type: InputError, message: 'Invalid value for option "fonts[0].name". Allowed: a non-empty font family name. Received: undefined.' },
  { name: 'blank name', fonts: [{ name: '  ', data: ttf }], type: InputError, message: 'Invalid value for option "fonts[0].name". Allowed: a non-empty font family name. Received: "  ".' },
  { name: 'data as a string', fonts: [{ name: 'A', data: 'AAEAAA==' }], type: InputError, message: 'Invalid value for option "fonts[0].data". Allowed: TTF, OTF, WOFF or WOFF2 bytes as a Uint8Array, Buffer or ArrayBuffer. Received: "AAEAAA==".' },
  { name: 'bad weight', fonts: [{ name: 'A', data: ttf, weight: 450 }], type: InputError, message: 'Invalid value for option "fonts[0].weight". Allowed: 100 | 200 | 300 | 400 | 500 | 600 | 700 | 800 | 900. Received: 450.' },
  { name: 'bad style', fonts: [{ name: 'A', data: ttf, style: 'oblique' }], type: InputError, message: 'Invalid value for option "fonts[0].style". Allowed: "normal" | "italic". Received: "oblique".' },
  { name: 'bad lang', fonts: [{ name: 'A', data: ttf, lang: 'not a tag!' }], type: InputError, message: 'Invalid value for option "fonts[0].lang". Allowed: a BCP 47 language tag such as "ar", "he", "hi" or "ja-JP". Received: "not a tag!".' },
  { name: 'unknown key', fonts: [{ name: 'A', data: ttf, size: 12 }], type: InputError, message: 'Unknown key "size" in option "fonts[0]". Allowed: "name", "data", "weight", "style", "lang". Received: "size".' },
  { name: 'empty bytes', fonts: [{ name: 'A', data: new Uint8Array(0) }], type: FontError, message: `Invalid font in "fonts[0].data": the data is empty. ${ALLOWED} Received: 0 bytes.` },
  { name: 'garbage', fonts: [{ name: 'A', data: new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) }], type: FontError, message: `Invalid font in "fonts[0].data": the bytes are not a font (unknown signature). ${ALLOWED} Received: 12 bytes starting 00 01 02 03.` },
  { name: 'PNG bytes', fonts: [{ name: 'A', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10]) }], type: FontError, message: `Invalid font in "fonts[0].data": the bytes are not a font (unknown signature). ${ALLOWED} Received: 6 bytes starting 89 50 4e 47.` },
  { name: 'truncated TTF', fonts: [{ name: 'A', data: ttf.subarray(0, 3000) }], type: FontError, message: `Invalid font in "fonts[0].data": it is cut short: a table lies past the end of the data. ${ALLOWED} Received: 3000 bytes starting 00 01 00 00.` },
  { name: 'TTF header only', fonts: [{ name: 'A', data: ttf.subarray(0, 100) }], type: FontError, message: `Invalid font in "fonts[0].data": its table directory is cut short. ${ALLOWED} Received: 100 bytes starting 00 01 00 00.` },
  { name: 'truncated WOFF', fonts: [{ name: 'A', data: woff.subarray(0, 5000) }], type: FontError, message: `Invalid font in "fonts[0].data": its header says 8952 bytes but 5000 were given (cut short or padded). ${ALLOWED} Received: 5000 bytes starting 77 4f 46 46.` },
  { name: 'truncated WOFF2', fonts: [{ name: 'A', data: woff2.subarray(0, 40) }], type: FontError, message: `Invalid font in "fonts[0].data": it is shorter than the 48-byte WOFF2 header. ${ALLOWED} Received: 40 bytes starting 77 4f 46 32.` },
  { name: 'collection', fonts: [{ name: 'A', data: new TextEncoder().encode('ttcf\0\u0002\0\0') }], type: FontError, message: `Invalid font in "fonts[0].data": font collections (.ttc/.otc) are not supported; pass one face. ${ALLOWED} Received: 8 bytes starting 74 74 63 66.` },
  { name: 'second entry named', fonts: [{ name: 'A', data: ttf }, { name: 'B', data: new ArrayBuffer(3) }], type: FontError, message: `Invalid font in "fonts[1].data": the bytes are not a font (unknown signature). ${ALLOWED} Received: 3 bytes starting 00 00 00.` },
];

describe('fontPlan: bad fonts', () => {
  test.each(badFonts)('$name', ({ fonts, type, message }) => {
    expect(() => planFor(fonts)).toThrow(type);
    expect(() => planFor(fonts)).toThrow(message);
  });
  test('a damaged WOFF2 stream is caught, not drawn', () => {
    const damaged = new Uint8Array(woff2);
    damaged.fill(0xff, 200, 400);
    expect(() => planFor([{ name: 'A', data: damaged }])).toThrow(/Invalid font in "fonts\[0\].data": its Brotli-compressed data is damaged or cut short/);
  });
});

describe('fontPlan: good fonts and caching', () => {
  test('the bundled plan is built once: same array, buffers and measurer', () => {
    const a = fontPlan();
    const b = planFor([]);
    expect(b.satoriFonts).toBe(a.satoriFonts);
    expect(b.measurer).toBe(a.measurer);
    expect(a.satoriFonts.map((f) => [f.name, f.weight, f.style])).toEqual([
      ['Quotecard Serif', 400, 'normal'],
      ['Quotecard Serif', 700, 'normal'],
      ['Quotecard Serif', 400, 'italic'],
      ['Quotecard Sans', 400, 'normal'],
      ['Quotecard Sans', 700, 'normal'],
    ]);
  });
  test('the same user bytes give the same plan, even from new FontInput objects', () => {
    const first = planFor([{ name: 'Hebrew', data: woff, lang: 'he' }]);
    const again = planFor([{ name: 'Hebrew', data: woff, lang: 'he' }]);
    expect(again.satoriFonts).toBe(first.satoriFonts);
    expect(again.satoriFonts.at(-1)?.data).toBe(first.satoriFonts.at(-1)?.data);
    const other = planFor([{ name: 'Hebrew', data: new Uint8Array(woff), lang: 'he' }]);
    expect(other.satoriFonts).not.toBe(first.satoriFonts);
    expect(other.satoriFonts.slice(0, 5)).toEqual(first.satoriFonts.slice(0, 5));
    expect(other.satoriFonts[0]?.data).toBe(first.satoriFonts[0]?.data);
  });
  test.each([
    { name: 'TTF', data: ttf, lang: undefined, expected: { name: 'Mine', weight: 700, style: 'normal' } },
    { name: 'WOFF with lang "he"', data: woff, lang: 'he', expected: { name: 'Mine', weight: 700, style: 'normal', lang: 'he-IL' } },
    { name: 'WOFF2 with lang "he-IL"', data: woff2, lang: 'he-IL', expected: { name: 'Mine', weight: 700, style: 'normal', lang: 'he-IL' } },
    { name: 'ArrayBuffer, lang "fr" needs no code', data: new Uint8Array(ttf).buffer, lang: 'fr', expected: { name: 'Mine', weight: 700, style: 'normal' } },
  ])('accepts $name', ({ data, lang, expected }) => {
    const plan = planFor([{ name: 'Mine', data, weight: 700, ...(lang ? { lang } : {}) }]);
    const last = plan.satoriFonts.at(-1);
    expect({ ...last, data: undefined }).toEqual({ ...expected, data: undefined });
    expect(last?.data).toBeInstanceOf(ArrayBuffer);
  });
  test.each([
    ['ar', 'ar-AR'], ['fa-IR', 'ar-AR'], ['he', 'he-IL'], ['hi', 'devanagari'], ['ja', 'ja-JP'], ['zh-Hant', 'zh-TW'],
    ['zh-HK', 'zh-HK'], ['zh', 'zh-CN'], ['ko-KR', 'ko-KR'], ['th', 'th-TH'], ['sr-Cyrl', undefined], ['en', undefined],
  ])('lang %s is passed to satori as %s', (lang, expected) => {
    const plan = planFor([{ name: 'Mine', data: ttf, lang }]);
    expect(plan.satoriFonts.at(-1)?.lang).toBe(expected);
  });
  test('fontPlan on the hot path costs microseconds', () => {
    const fonts = [{ name: 'Hebrew', data: woff, lang: 'he' }];
    planFor(fonts);
    const start = performance.now();
    for (let i = 0; i < 1000; i++) planFor(fonts);
    expect((performance.now() - start) / 1000).toBeLessThan(2);
  });
});
