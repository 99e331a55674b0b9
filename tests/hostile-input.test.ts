/**
 * Issue 5's catalogue of hostile input, as one table: one row per input the web can hand the library,
 * each asserting the exact outcome — the typed error and its message, or the exact warnings and a PNG
 * of the asked size. Rows marked `gap` assert the right behaviour for something the library does not do
 * yet; they run as `test.fails` (so the suite stays green and flips red the day the gap closes: then
 * drop the mark).
 */
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { outPath, slugify } from '../src/batch/slug.js';
import { FontError, InputError, LimitError, OutputError, type QuoteCardError, extract, h, renderCard } from '../src/index.js';
import { fontPlan } from '../src/fonts/index.js';
import type { CardResult, Extraction, Post, Quote, RenderOptions } from '../src/index.js';

/* ------------------------------------------------------------------ inputs */

const quote = (text: string): Quote => ({ kind: 'quote', text, partial: false, start: 0, end: 0, confidence: 1 });
const QUOTE = quote('We will not back down from this fight.');
const post = (avatar: Uint8Array): Post => ({
  kind: 'post', network: 'twitter', status: 'full', text: 'Polls close at eight tonight.', author: { name: 'Ana Ruiz', handle: 'anaruiz', avatar }, links: [], start: 0, end: 0,
});
const bytes = (text: string) => new TextEncoder().encode(text);
const NOTO = new Uint8Array(readFileSync(new URL('../fonts/NotoSans-Regular.ttf', import.meta.url)));
const withFont = (data: Uint8Array): RenderOptions => ({ fonts: [{ name: 'Hostile', data }] });

/** An 8×8 opaque red PNG; `corrupt` flips every byte of its compressed data (header and CRCs of IHDR intact). */
function redPng(corrupt = false): Uint8Array {
  const png = new PNG({ width: 8, height: 8 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([255, 0, 0, 255], i);
  const out = new Uint8Array(PNG.sync.write(png));
  if (corrupt) for (let i = 41; i < out.length - 12; i++) out[i] = (out[i] as number) ^ 0x5a;
  return out;
}

/** A PNG signature and IHDR claiming 20000×20000 (1.6 GB decoded), and nothing else. */
function pixelBomb(): Uint8Array {
  const out = new Uint8Array(33);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(out.buffer).setUint32(16, 20000);
  new DataView(out.buffer).setUint32(20, 20000);
  return out;
}

const SVG_PASSWD = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="/etc/passwd" width="10" height="10"/></svg>';
const box = (child: unknown) => () => h('div', { style: { display: 'flex', width: '100%', height: '100%' } }, child as never);

/** `count` combining marks spread over the letters of "zalgo text" (none of them composes under NFC). */
function zalgo(count: number): string {
  const letters = [...'zalgotexts'];
  const per = count / letters.length;
  return letters.map((c) => c + '\u0336'.repeat(per)).join('');
}

/* ------------------------------------------------------------------ outcomes */

type Outcome = { ok: true; value: unknown; ms: number } | { ok: false; error: unknown; ms: number };

async function run(act: () => unknown): Promise<Outcome> {
  const t = performance.now();
  try {
    const value = await act();
    return { ok: true, value, ms: performance.now() - t };
  } catch (error) {
    return { ok: false, error, ms: performance.now() - t };
  }
}

/** The typed error, with exactly this message. */
const throws = (type: typeof QuoteCardError, message: string) => (o: Outcome) => {
  if (o.ok) throw new Error(`expected ${type.name}, got a result`);
  expect(o.error).toBeInstanceOf(type);
  expect((o.error as Error).message).toBe(message);
};

const OG = { width: 1200, height: 630 };

/** A card with exactly these warnings and a PNG that decodes to the asked size. */
const draws = (warnings: string[], size = OG) => (o: Outcome) => {
  if (!o.ok) throw o.error;
  const card = o.value as CardResult;
  expect(card.warnings).toEqual(warnings);
  expect({ width: card.width, height: card.height }).toEqual(size);
  expect(card.png).toBeInstanceOf(Uint8Array);
  const png = PNG.sync.read(Buffer.from(card.png as Uint8Array));
  expect({ width: png.width, height: png.height }).toEqual(size);
  expect(card.svg.startsWith(`<svg width="${size.width}" height="${size.height}"`)).toBe(true);
};

/** `draws`, plus a check of the card itself. */
const drawsAnd = (warnings: string[], more: (card: CardResult) => void) => (o: Outcome) => {
  draws(warnings)(o);
  more((o as { value: CardResult }).value);
};

const svgImages = (svg: string) => svg.match(/<image [^>]*href="data:image\/svg\+xml/g)?.length ?? 0;

/** No warning, and `n` more SVG images (Twemoji) than the same card with the emoji taken out. */
const emojiImages = (n: number) => async (o: Outcome) => {
  draws([])(o);
  const plain = await renderCard(quote(EMOJI.replace(/\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|[\u200D\uFE0F]/gu, '')), { format: 'svg' });
  expect(svgImages((o as { value: CardResult }).value.svg) - svgImages(plain.svg)).toBe(n);
};

/** Whether some loaded font (bundled, or an optional script font installed) draws `char`. */
function drawable(char: string): boolean {
  const { set } = fontPlan();
  return set.faceFor(set.chain(''), char.codePointAt(0) ?? 0) !== undefined;
}

/**
 * Text of one script: with a font for it, no warning; without, the warning names the script and lists
 * the characters (never silent boxes), and `strict` turns it into a FontError with the same words.
 */
const script = (text: string, name: string, chars: string[]) => async (o: Outcome) => {
  const covered = [...text].filter((c) => /\p{L}/u.test(c)).every(drawable);
  const warning = `No font has glyphs for ${chars.length} characters (${name}: ${chars.join(' ')}). Pass a font for them in options.fonts.`;
  draws(covered ? [] : [warning])(o);
  const strict = `${warning} Allowed: fonts that cover every character (strict mode). Received: ${chars.length} characters no font has.`;
  if (!covered) throws(FontError, strict)(await run(() => renderCard(quote(text), { strict: true, format: 'svg' })));
};

/** extract() finished within `ms` and its result passes `more`. */
const extracts = (ms: number, more: (x: Extraction) => void) => (o: Outcome) => {
  if (!o.ok) throw o.error;
  expect(o.ms).toBeLessThan(ms);
  more(o.value as Extraction);
};

const returns = (expected: unknown) => (o: Outcome) => {
  if (!o.ok) throw o.error;
  expect(o.value).toEqual(expected);
};

/** An OutputError (outPath is the batch's last check, behind slugify) with this message. */
const refuses = (message: string) => (o: Outcome) => {
  if (o.ok) throw new Error('expected a refusal');
  expect(o.error).toBeInstanceOf(OutputError);
  expect((o.error as Error).message).toBe(message);
};

/* ------------------------------------------------------------------ the catalogue */

const SIZE_ALLOWED = 'Allowed: an integer from 1 to 4096.';
const OPTION_KEYS = '"size", "theme", "format", "site", "date", "locale", "template", "fonts", "strict", "compression", "hydrate"';
const FONT_ALLOWED = 'Allowed: TTF, OTF, WOFF or WOFF2 font bytes.';
const IMAGE_ALLOWED = 'Allowed: PNG, JPEG, GIF or WebP bytes with a readable header.';
const AVATAR = 'Avatar skipped, an initials disc is drawn instead: Invalid value for input "post.author.avatar".';
const SOURCE_ALLOWED = 'Allowed: data: URLs of PNG, JPEG, GIF, WebP or self-contained SVG (pass image bytes; nothing is fetched while drawing).';
const QUOTE_20K = `${'word '.repeat(4000).slice(0, 19_999)}x`;
const UNBALANCED = 'Officials “said the talks '.repeat(Math.floor(990_000 / 26));
const UNBALANCED_RUN_ON = '<p>He said “we will not</p>'.repeat(Math.ceil(1_000_000 / 27));
const REAL_QUOTE = '“We will not back down,” the minister said.';
const EMOJI = 'Great 👍🏽 win for 🇵🇰 and the 👨‍👩‍👧 family ❤️‍🔥';

interface Row {
  name: string;
  act: () => unknown;
  expected: (o: Outcome) => void | Promise<void>;
  /** What is missing, when the row asserts behaviour the library does not have yet. */
  gap?: string;
}

const rows: Row[] = [
  // fonts
  { name: 'empty font bytes', act: () => renderCard(QUOTE, withFont(new Uint8Array(0))), expected: throws(FontError, `Invalid font in "fonts[0].data": the data is empty. ${FONT_ALLOWED} Received: 0 bytes.`) },
  { name: 'garbage font bytes', act: () => renderCard(QUOTE, withFont(bytes('this is not a font at all'))), expected: throws(FontError, `Invalid font in "fonts[0].data": the bytes are not a font (unknown signature). ${FONT_ALLOWED} Received: 25 bytes starting 74 68 69 73.`) },
  { name: 'truncated font (first 1,000 bytes of a TTF)', act: () => renderCard(QUOTE, withFont(NOTO.subarray(0, 1000))), expected: throws(FontError, `Invalid font in "fonts[0].data": it is cut short: a table lies past the end of the data. ${FONT_ALLOWED} Received: 1000 bytes starting 00 01 00 00.`) },
  // quote text
  { name: 'empty quote', act: () => renderCard(quote('')), expected: throws(InputError, 'Invalid value for field "quote.text". Allowed: non-empty text. Received: "".') },
  { name: 'whitespace-only quote', act: () => renderCard(quote(' \n\t\u00A0 ')), expected: throws(InputError, 'Invalid value for field "quote.text". Allowed: non-empty text. Received: " \\n\\t\u00A0 ".') },
  { name: '20,000-character quote', act: () => renderCard(quote(QUOTE_20K)), expected: draws(['Quote text cut: 19000 characters past the 1000-character limit were dropped.']) },
  { name: 'one 3,000-character word', act: () => renderCard(quote('a'.repeat(3000))), expected: draws(['Quote text cut: 2000 characters past the 1000-character limit were dropped.']) },
  { name: 'zalgo: 10,000 combining marks', act: () => renderCard(quote(zalgo(10_000))), expected: drawsAnd(['quote.text: removed 9940 combining marks past 6 on one character'], (c) => expect(c.svg.length).toBeLessThan(2_000_000)) },
  { name: 'bidi override U+202E', act: () => renderCard(quote('Transfer \u202Eevil\u202C funds now')), expected: drawsAnd(['quote.text: removed 2 bidirectional control characters (U+202E, U+202C)'], (c) => expect(c.alt).toBe('Quote card: “Transfer evil funds now.”')) },
  {
    name: 'bidi override in the site option (from an article\'s meta tags)',
    act: () => renderCard(QUOTE, { site: 'Daily \u202Eliam\u202C News' }),
    expected: (o) => {
      if (!o.ok) throw o.error;
      const card = o.value as CardResult;
      expect(card.alt).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      expect(card.warnings).toEqual([expect.stringMatching(/^site: removed 2 bidirectional control characters \(U\+202E, U\+202C\)/)]);
    },
  },
  { name: 'zero-width characters', act: () => renderCard(quote('in\u200Bvis\u2060ible\uFEFF words here')), expected: draws(['quote.text: removed 3 zero-width characters (U+200B, U+2060, U+FEFF)']) },
  { name: 'NUL', act: () => renderCard(quote('a NUL\u0000byte in a quote')), expected: draws(['quote.text: removed 1 control character (U+0000)']) },
  { name: 'lone surrogates', act: () => renderCard(quote('lone \uD800 surrogate \uDC00 halves')), expected: draws(['quote.text: replaced 2 unpaired surrogates with U+FFFD']) },
  // scripts and emoji
  { name: 'Arabic only', act: () => renderCard(quote('مرحبا بالعالم')), expected: script('مرحبا بالعالم', 'Arabic', ['م', 'ر', 'ح', 'ب', 'ا', 'ل', 'ع']) },
  { name: 'Hebrew only', act: () => renderCard(quote('שלום עולם')), expected: script('שלום עולם', 'Hebrew', ['ש', 'ל', 'ו', 'ם', 'ע']) },
  { name: 'CJK', act: () => renderCard(quote('你好世界')), expected: script('你好世界', 'Han', ['你', '好', '世', '界']) },
  { name: 'Devanagari', act: () => renderCard(quote('नमस्ते दुनिया')), expected: script('नमस्ते दुनिया', 'Devanagari', ['न', 'म', 'स्ते', 'दु', 'नि', 'या']) },
  { name: 'emoji: skin tone, flag, ZWJ family, ZWJ heart on fire', act: () => renderCard(quote(EMOJI)), expected: emojiImages(4) },
  // sizes
  { name: 'width 0', act: () => renderCard(QUOTE, { size: { width: 0, height: 630 } }), expected: throws(LimitError, `Invalid value for option "size.width". ${SIZE_ALLOWED} Received: 0.`) },
  { name: 'width NaN', act: () => renderCard(QUOTE, { size: { width: Number.NaN, height: 630 } }), expected: throws(InputError, `Invalid value for option "size.width". ${SIZE_ALLOWED} Received: NaN.`) },
  { name: 'height Infinity', act: () => renderCard(QUOTE, { size: { width: 1200, height: Number.POSITIVE_INFINITY } }), expected: throws(InputError, `Invalid value for option "size.height". ${SIZE_ALLOWED} Received: Infinity.`) },
  { name: 'negative height', act: () => renderCard(QUOTE, { size: { width: 1200, height: -630 } }), expected: throws(LimitError, `Invalid value for option "size.height". ${SIZE_ALLOWED} Received: -630.`) },
  { name: 'string width', act: () => renderCard(QUOTE, { size: { width: '1200' as never, height: 630 } }), expected: throws(InputError, `Invalid value for option "size.width". ${SIZE_ALLOWED} Received: "1200".`) },
  { name: '100000×100000', act: () => renderCard(QUOTE, { size: { width: 100_000, height: 100_000 } }), expected: throws(LimitError, `Invalid value for option "size.width". ${SIZE_ALLOWED} Received: 100000.`) },
  // option keys
  { name: 'options with __proto__ (from JSON)', act: () => renderCard(QUOTE, JSON.parse('{"__proto__": {"format": "svg"}}')), expected: throws(InputError, `Unknown option "__proto__". Allowed: ${OPTION_KEYS}. Received: "__proto__".`) },
  { name: 'options with constructor', act: () => renderCard(QUOTE, { constructor: 1 } as never), expected: throws(InputError, `Unknown option "constructor". Allowed: ${OPTION_KEYS}. Received: "constructor".`) },
  { name: 'options with an unknown key', act: () => renderCard(QUOTE, { colour: 'red' } as never), expected: throws(InputError, `Unknown option "colour". Allowed: ${OPTION_KEYS}. Received: "colour".`) },
  // images
  { name: 'avatar: PNG signature, header cut short', act: () => renderCard(post(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]))), expected: draws([`${AVATAR} ${IMAGE_ALLOWED} Received: Uint8Array of 11 bytes.`]) },
  {
    name: 'avatar: valid PNG header, corrupt image data',
    act: () => renderCard(post(redPng(true))),
    expected: drawsAnd([`${AVATAR} ${IMAGE_ALLOWED} Received: Uint8Array of ${redPng(true).length} bytes.`], (c) => expect(c.svg).not.toContain('data:image/png')),
  },
  { name: 'avatar: not an image (text)', act: () => renderCard(post(bytes('hello, not an image'))), expected: draws([`${AVATAR} ${IMAGE_ALLOWED} Received: Uint8Array of 19 bytes.`]) },
  { name: 'avatar: pixel bomb (PNG header 20000×20000)', act: () => renderCard(post(pixelBomb())), expected: draws(['Avatar skipped, an initials disc is drawn instead: Image too large for input "post.author.avatar". Allowed: at most 16777216 pixels. Received: 20000×20000 (400000000 pixels).']) },
  { name: 'avatar: SVG with <image href="/etc/passwd">', act: () => renderCard(post(bytes(SVG_PASSWD))), expected: draws([`${AVATAR} ${IMAGE_ALLOWED} Received: Uint8Array of ${SVG_PASSWD.length} bytes.`]) },
  { name: 'theme logo: SVG with <image href="/etc/passwd">', act: () => renderCard(QUOTE, { theme: { logo: bytes(SVG_PASSWD) }, site: 'Daily' }), expected: draws([`Theme logo skipped: Invalid value for input "theme.logo". ${IMAGE_ALLOWED} Received: Uint8Array of ${SVG_PASSWD.length} bytes.`]) },
  { name: 'template: <svg><image href="/etc/passwd">', act: () => renderCard(QUOTE, { template: box(h('svg', { width: 10, height: 10 }, h('image', { href: '/etc/passwd', width: 10, height: 10 }))) }), expected: throws(InputError, `Image source not allowed in the card's <image href>: refers to "/etc/passwd". ${SOURCE_ALLOWED} Received: "/etc/passwd".`) },
  { name: 'template: <img> of an SVG data URL holding /etc/passwd', act: () => renderCard(QUOTE, { template: box(h('img', { src: `data:image/svg+xml;utf8,${encodeURIComponent(SVG_PASSWD)}`, width: 10, height: 10 })) }), expected: (o) => { throws(InputError, `Image source not allowed in the card's <img src>: refers to "/etc/passwd". ${SOURCE_ALLOWED} Received: "data:image/svg+xml;utf8,%3Csvg%20xmlns%3…".`)(o); } },
  // articles
  { name: '50 MB article', act: () => extract('a'.repeat(50_000_000)), expected: throws(LimitError, 'Article too large in "input". Allowed: at most 20000000 characters. Received: 50000000 characters.') },
  { name: '50 MB article as { html }', act: () => extract({ html: `<p>${'a'.repeat(50_000_000)}</p>` }), expected: throws(LimitError, 'Article too large in "html". Allowed: at most 10000000 characters of HTML. Received: 50000007 characters.') },
  {
    name: '990 KB of unclosed opening marks, then a quote (within the 1 MB quotes are looked for in)',
    act: () => extract(`${UNBALANCED}\n\nThe meeting ended on Tuesday.\n\n${REAL_QUOTE}`),
    expected: extracts(2000, (x) => {
      expect(x.quotes.map((q) => q.text)).toEqual(['We will not back down']);
      expect(x.warnings).toEqual(['38076 opening quotation marks have no closing mark in the same paragraph; the text after them was not taken as a quote (first at offset 10).']);
    }),
  },
  {
    name: '1 MB of paragraphs each leaving a quote open, then a quote',
    act: () => extract(`${UNBALANCED_RUN_ON}<p>${REAL_QUOTE}</p>`),
    expected: extracts(2000, (x) => expect(x.quotes.map((q) => q.text.split('\n').pop())).toEqual(['We will not back down'])),
  },
  { name: 'HTML nested 10,000 levels deep', act: () => extract(`${'<div>'.repeat(10_000)}<p>${REAL_QUOTE}</p>${'</div>'.repeat(10_000)}`), expected: extracts(2000, (x) => expect(x.quotes.map((q) => q.text)).toEqual(['We will not back down'])) },
  // output names
  { name: 'output name with ../', act: () => [slugify('../../etc/passwd'), slugify('..'), slugify('..\\..\\win.ini')], expected: returns(['etc-passwd', 'article', 'win-ini']) },
  { name: 'output name with NUL', act: () => [slugify('card\u0000.png'), slugify('\u0000')], expected: returns(['card-png', 'article']) },
  { name: 'output path with ../ (the write-time check behind slugify)', act: () => outPath('/tmp/cards', '../x.png'), expected: refuses('Refusing to write "../x.png": not a safe file name. Allowed: a plain file name directly inside /tmp/cards. Received: "../x.png".') },
  { name: 'output path with NUL', act: () => outPath('/tmp/cards', 'a\u0000b.png'), expected: refuses('Refusing to write "a\\u0000b.png": not a safe file name. Allowed: a plain file name directly inside /tmp/cards. Received: "a\\u0000b.png".') },
];

describe('hostile input catalogue', () => {
  for (const row of rows) {
    (row.gap ? test.fails : test)(row.gap ? `${row.name} [gap: ${row.gap}]` : row.name, async () => {
      await row.expected(await run(row.act));
    });
  }
});

describe('invisible format characters once a script font is loaded (fuzz seed 1664564126)', () => {
  // After a Hebrew card, a run of characters no font draws fell back to the Hebrew face, shaped to nothing,
  // and satori's shaper failed ("Unexpected end of JSON input") on every later card holding one.
  const post = (text: string): Post => ({ kind: 'post', network: 'twitter', status: 'full', url: 'https://twitter.com/a/status/1', text, links: [], start: 0, end: 0 });
  test.each(['\u{1D173}', 'a\u{1D17A}', '\u17B4 b', '\u180E', 'x\u180B'])('%j draws, with a warning', async (text) => {
    await renderCard({ kind: 'quote', text: 'בְּרֵאשִׁית עולם', speaker: { name: 'A' }, cue: 'said', partial: false, start: 0, end: 0, confidence: 1 }, { format: 'svg' });
    const card = await renderCard(post(text), { format: 'svg' });
    expect(card.warnings.some((w) => /^post\.text: removed \d+ zero-width characters? \(U\+/.test(w))).toBe(true);
  });
});
