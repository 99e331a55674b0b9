/**
 * Fonts that would exhaust memory or CPU (tests/helpers/font-bomb-cases.ts builds each from a few
 * kilobytes of code): a WOFF2 or WOFF that unpacks to gigabytes, a cmap that makes opentype.js walk
 * billions of character codes, thousands of fonts in one call. Each ends in a typed error, naming the
 * entry, within a second, before anything is unpacked or parsed past its limit. Each also runs in its
 * own process (tests/helpers/font-bomb-probe.ts), after an ordinary card: under a second of CPU and
 * under 200 MB of peak resident set above what the process held with the bomb built. Real fonts (TTF,
 * WOFF, WOFF2) still load and draw.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompressSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { cmapFormat12, fontTables, sfnt, ttfWithCmap, woff2 } from './helpers/font-bomb-build.js';
import { BOMBS } from './helpers/font-bomb-cases.js';
import { planFor } from './helpers/fonts.js';
import { FontError, QuoteCardError } from '../src/errors.js';
import { renderCard } from '../src/index.js';
import type { FontInput, Quote } from '../src/types.js';

const exec = promisify(execFile);
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

const QUOTE: Quote = { kind: 'quote', text: 'We will fix the bridge before winter.', speaker: { name: 'Jane Doe' }, partial: false, start: 0, end: 0, confidence: 1 };
const SIZE_ALLOWED = 'Allowed: fonts of at most 33554432 bytes (32 MiB), packed and unpacked.';
const CMAP_ALLOWED = 'Allowed: a cmap that maps at most 1114112 character codes (all of Unicode once) in at most 1114112 ranges.';

interface Expected {
  type: typeof FontError;
  code: 'font-unreadable' | 'font-too-large';
  field: string;
  message: string | RegExp;
}

const EXPECTED: Record<keyof typeof BOMBS & string, Expected> = {
  'WOFF2 declaring 2 GB': {
    type: FontError,
    code: 'font-too-large',
    field: 'fonts[0].data',
    message: `Font too large in "fonts[0].data": its header and table directory declare 2147483648 bytes unpacked. ${SIZE_ALLOWED} Received: 1687 bytes starting 77 4f 46 32, declaring 2147483648 bytes unpacked.`,
  },
  'WOFF2 unpacking past its declared size': {
    type: FontError,
    code: 'font-unreadable',
    field: 'fonts[0].data',
    message: /^Invalid font in "fonts\[0\]\.data": its Brotli-compressed data unpacks to more than the 226 bytes its table directory declares\. Allowed: TTF, OTF, WOFF or WOFF2 font bytes\. Received: 1695 bytes starting 77 4f 46 32\.$/,
  },
  'WOFF table inflating past its declared size': {
    type: FontError,
    code: 'font-unreadable',
    field: 'fonts[0].data',
    message: /^Invalid font in "fonts\[0\]\.data": its table "zzzz" inflates to more than the 4194304 bytes its directory declares\./,
  },
  'WOFF declaring 2 GB': {
    type: FontError,
    code: 'font-too-large',
    field: 'fonts[0].data',
    message: /^Font too large in "fonts\[0\]\.data": its header and table directory declare 2147487744 bytes unpacked\./,
  },
  'cmap group 0..0xFFFFFFFF': {
    type: FontError,
    code: 'font-too-large',
    field: 'fonts[0].data',
    message: `Font too large in "fonts[0].data": its cmap maps 4294967296 character codes in 1 range. ${CMAP_ALLOWED} Received: 372 bytes starting 00 01 00 00, whose cmap maps 4294967296 character codes in 1 range.`,
  },
  '2,000 full-range cmap groups': {
    type: FontError,
    code: 'font-too-large',
    field: 'fonts[0].data',
    message: /^Font too large in "fonts\[0\]\.data": its cmap maps 2228224000 character codes in 2000 ranges\./,
  },
  '32,766 full-range cmap segments': {
    type: FontError,
    code: 'font-too-large',
    field: 'fonts[0].data',
    message: /^Font too large in "fonts\[0\]\.data": its cmap maps 2147352576 character codes in 32767 ranges\./,
  },
  '40 MB font': {
    type: FontError,
    code: 'font-too-large',
    field: 'fonts[0].data',
    message: `Font too large in "fonts[0].data": it is 41943428 bytes. ${SIZE_ALLOWED} Received: 41943428 bytes starting 00 01 00 00.`,
  },
  '64 fonts each mapping all of Unicode': {
    type: FontError,
    code: 'font-too-large',
    field: 'fonts',
    message: 'Fonts too large in option "fonts". Allowed: cmaps that map at most 1114112 character codes in all. Received: 2228224 character codes in the first 2 fonts.',
  },
  '2,000 fonts in one call': {
    type: FontError,
    code: 'font-too-large',
    field: 'fonts',
    message: 'Too many fonts in option "fonts". Allowed: at most 64 fonts. Received: 2000 fonts.',
  },
};

const CASES = Object.entries(EXPECTED).map(([name, expected]) => ({ name, ...expected }));

/** The card drawn with `fonts` as both families of the theme. */
function draw(fonts: FontInput[], family: string) {
  return renderCard(QUOTE, { fonts, theme: { fonts: { serif: family, sans: family } } });
}

/** What `act` threw, and how long it took to throw it. */
async function thrown(act: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await act();
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
  throw new Error('expected a throw');
}

beforeAll(async () => {
  await renderCard(QUOTE); // code, satori and the bundled fonts loaded, so the timings below are the bombs' own
});

describe('each font bomb ends in a typed error within a second', () => {
  test.each(CASES)('$name', async ({ name, type, code, field, message }) => {
    const fonts = (BOMBS[name] as () => FontInput[])();
    const { error, ms } = await thrown(() => draw(fonts, 'Bomb'));
    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(QuoteCardError);
    expect(error).toMatchObject({ code, field });
    if (typeof message === 'string') expect((error as Error).message).toBe(message);
    else expect((error as Error).message).toMatch(message);
    expect(ms).toBeLessThan(1000);
  });
});

describe('each font bomb, in its own process, costs under a second of CPU and 200 MB', () => {
  test.each(CASES)('$name', { timeout: 120_000 }, async ({ name, type, code, field }) => {
    const { stdout } = await exec(process.execPath, ['--import', tsx, join(process.cwd(), 'tests/helpers/font-bomb-probe.ts'), name], { timeout: 110_000, maxBuffer: 1 << 20 });
    const r = JSON.parse(stdout.trim().split('\n').pop() as string) as { kind: string; code: string; field: string; ms: number; cpuMs: number; peakRiseMb: number };
    expect({ kind: r.kind, code: r.code, field: r.field }).toEqual({ kind: type.name, code, field });
    // CPU time, which the machine's other work does not inflate; the wall time is bounded loosely
    expect(r.cpuMs).toBeLessThan(1000);
    expect(r.ms).toBeLessThan(5000);
    expect(r.peakRiseMb).toBeLessThan(200);
  });
});

/** A small valid WOFF2 of the minimal font mapping "A", its header declaring `totalSfntSize`. */
function smallWoff2(totalSfntSize: number): Uint8Array {
  const tables = fontTables(cmapFormat12([[0x41, 0x41, 1]]));
  const order = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'post', 'glyf', 'loca'] as const;
  const stream = brotliCompressSync(Buffer.concat(order.map((tag) => tables[tag] as Uint8Array)));
  return woff2(order.map((tag) => ({ tag, origLength: (tables[tag] as Uint8Array).byteLength })), stream, totalSfntSize);
}

/** Groups mapping code points `0..count - 1` to glyphs 1..60000 over and over (a font of 65,535 glyphs). */
function groupsFor(count: number): Array<[number, number, number]> {
  const groups: Array<[number, number, number]> = [];
  for (let start = 0; start < count; start += 60_000) groups.push([start, Math.min(count, start + 60_000) - 1, 1]);
  return groups;
}

describe('the limits, at and past their edges', () => {
  test('64 fonts are accepted; 65 are refused before any is read', () => {
    const font = (i: number) => ({ name: `F${i}`, data: ttfWithCmap([[0x41, 0x41, 1]], `F${i}`) });
    expect(planFor(Array.from({ length: 64 }, (_, i) => font(i))).faces).toHaveLength(5 + 64);
    const refused = [...Array.from({ length: 64 }, (_, i) => font(i)), { name: 'Never read', data: new Uint8Array(0) }];
    expect(() => planFor(refused)).toThrow('Too many fonts in option "fonts". Allowed: at most 64 fonts. Received: 65 fonts.');
  });

  test('fonts past 64 MiB unpacked in all are refused at the first font past it; the same bytes twice count once', () => {
    const fonts = Array.from({ length: 5 }, (_, i) => ({ name: `W${i}`, data: smallWoff2(30 * 2 ** 20) }));
    expect(() => planFor(fonts.slice(0, 2))).not.toThrow();
    expect(() => planFor(fonts)).toThrow(FontError);
    expect(() => planFor(fonts)).toThrow(
      'Fonts too large in option "fonts". Allowed: at most 67108864 bytes (64 MiB) of fonts in all, unpacked. Received: 94371840 bytes in the first 3 fonts.',
    );
    const same = smallWoff2(30 * 2 ** 20);
    expect(planFor(Array.from({ length: 5 }, (_, i) => ({ name: `W${i}`, data: same }))).faces).toHaveLength(5 + 5);
  });

  test('a WOFF2 declaring 32 MiB is accepted; one byte more is refused before Brotli runs', () => {
    expect(planFor([{ name: 'W', data: smallWoff2(2 ** 25) }]).faces).toHaveLength(6);
    expect(() => planFor([{ name: 'W', data: smallWoff2(2 ** 25 + 1) }])).toThrow(/^Font too large in "fonts\[0\]\.data": its header and table directory declare 33554433 bytes unpacked\./);
  });

  test('a cmap mapping every Unicode code point once is accepted; one code more is refused', () => {
    const all = sfnt(fontTables(cmapFormat12(groupsFor(0x110000)), 65_535));
    expect(planFor([{ name: 'All', data: all }]).faces).toHaveLength(6);
    const more = sfnt(fontTables(cmapFormat12([...groupsFor(0x110000), [0x41, 0x41, 1]]), 65_535));
    expect(() => planFor([{ name: 'More', data: more }])).toThrow(/^Font too large in "fonts\[0\]\.data": its cmap maps 1114113 character codes in 20 ranges\./);
  });

  test('a cmap that maps a character to a glyph the font does not have is refused (it would fail when drawn)', () => {
    const data = ttfWithCmap([[0x41, 0x5a, 1]]);
    expect(() => planFor([{ name: 'A', data }])).toThrow(FontError);
    expect(() => planFor([{ name: 'A', data }])).toThrow(/^Invalid font in "fonts\[0\]\.data": its cmap maps a character to glyph 26, but it has 2 glyphs\./);
  });
});

const fontsource = (file: string) => readFileSync(createRequire(import.meta.url).resolve(`@fontsource/noto-sans-devanagari/files/${file}`));

describe('real fonts still load and draw', () => {
  const REAL: Array<[string, Uint8Array]> = [
    ['TTF: fonts/NotoSans-Regular.ttf', readFileSync(new URL('../fonts/NotoSans-Regular.ttf', import.meta.url))],
    ['WOFF2: @fontsource/noto-sans-devanagari (latin)', fontsource('noto-sans-devanagari-latin-400-normal.woff2')],
    ['WOFF: @fontsource/noto-sans-devanagari (latin)', fontsource('noto-sans-devanagari-latin-400-normal.woff')],
    ['WOFF2: the Noto Sans Hebrew fixture', readFileSync(new URL('./fixtures/fonts/noto-sans-hebrew-hebrew-400-normal.woff2', import.meta.url))],
  ];
  test.each(REAL)('%s', async (_name, data) => {
    const plain = await renderCard(QUOTE);
    const card = await draw([{ name: 'X', data }], 'X');
    expect(card.png?.byteLength).toBeGreaterThan(1000);
    expect(card.svg).toContain('<path');
    expect(card.svg).not.toBe(plain.svg); // drawn in X, not in the bundled serif
  });
});
