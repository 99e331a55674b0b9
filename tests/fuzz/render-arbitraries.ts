/**
 * fast-check arbitraries for fuzzing the render stage: text from every Unicode plane (combining marks,
 * controls, lone surrogates, emoji, right-to-left), Quote and Post shapes with missing, extra and
 * wrong-typed fields, image bytes (valid, corrupt, bombs, SVG) and render options (sizes, themes,
 * colours, locales, dates, fonts, templates) that are right or wrong in every way.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { h } from '../../src/cards/jsx-runtime.js';
import { hostilePiece, hygieneText, junk, scriptPiece } from './arbitraries.js';

/* ------------------------------------------------------------------ text */

const rtl = fc.constantFrom('مرحبا', 'بالعالم', 'שלום', 'עולם', 'ٱلرَّحْمَٰنِ', 'בְּרֵאשִׁית', '١٢٣', 'ﷺ', '\u202Eevil\u202C', '\u2067ltr\u2069');
const emoji = fc.constantFrom('👍🏽', '🇵🇰', '🇺🇳', '👨‍👩‍👧', '❤️‍🔥', '🏳️‍🌈', '1️⃣', '🧑🏿‍🚀', '😀', '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}', '🫠', '\u2764', '\u{1FAE8}');
const words = fc.constantFrom('We', 'will', 'not', 'back', 'down', 'said', 'the', 'minister', '@handle', '#tag', '$TSLA', 'https://t.co/abc', 'pic.twitter.com/x', 'https://example.com/a-very-long-path/that/keeps/going?and=going', '—', '…', '.', ',', '\n', '\n\n');
/** One code point from any plane, surrogate halves included. */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((cp) => (cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp)));

/** Text for a quote or post: words, scripts, RTL, emoji, hostile characters and raw code points. */
export const cardText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof({ weight: 5, arbitrary: words }, rtl, emoji, scriptPiece, hostilePiece, anyCodePoint), { maxLength: 40 }).map((p) => p.join(' ')) },
  { weight: 2, arbitrary: hygieneText },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.tuple(fc.oneof(words, emoji, rtl, fc.constantFrom('a', 'x\u0336', 'ab ')), fc.integer({ min: 100, max: 1500 })).map(([w, n]) => w.repeat(n)) },
);

/** A short label: names, handles, sites. */
const label: fc.Arbitrary<string> = fc.oneof(fc.constantFrom('Ana Ruiz', 'وزير الخارجية', 'שר החוץ', '李明', 'Zalmay Khalilzad', '@anaruiz', ''), fc.string({ unit: 'binary', maxLength: 30 }), cardText.map((t) => t.slice(0, 80)));

/** A value of the wrong type for a field. */
const wrong: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, 0, -1, Number.NaN, true, [], {}, new Date(0), Symbol('s'), () => 'x', 10n),
  fc.anything({ maxDepth: 1 }),
);

/** Usually `good`, sometimes missing, sometimes wrong. */
function field<T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: wrong });
}

/** `good` or missing (an optional field of a well-formed item). */
function optional<T>(good: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: fc.constant(undefined) });
}

/* ------------------------------------------------------------------ images */

function png(width: number, height: number, rgba: [number, number, number, number]): Uint8Array {
  const image = new PNG({ width, height });
  for (let i = 0; i < image.data.length; i += 4) image.data.set(rgba, i);
  return new Uint8Array(PNG.sync.write(image));
}

const RED = png(8, 8, [220, 20, 60, 255]);
const WIDE = png(64, 8, [30, 90, 200, 128]);

/** A PNG header claiming `w`×`h` and nothing else. */
function pngHeader(w: number, h: number): Uint8Array {
  const out = new Uint8Array(33);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(out.buffer).setUint32(16, w);
  new DataView(out.buffer).setUint32(20, h);
  return out;
}

const svgBytes = (inner: string) => new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8">${inner}</svg>`);

/** Image bytes as the web hands them over: fine, cut short, corrupt, bombs, SVG, HTML, nothing. */
export const imageBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.constantFrom(RED, WIDE, pngHeader(20000, 20000), pngHeader(0, 5), pngHeader(4096, 4097), svgBytes('<image href="/etc/passwd"/>'), new TextEncoder().encode('<html>not found</html>'), new Uint8Array(0)),
  fc.tuple(fc.constantFrom(RED, WIDE), fc.nat()).map(([b, n]) => b.subarray(0, n % b.length)),
  fc.tuple(fc.constantFrom(RED, WIDE), fc.nat(), fc.integer({ min: 1, max: 255 })).map(([b, at, x]) => {
    const out = new Uint8Array(b);
    out[at % out.length] = ((out[at % out.length] as number) ^ x) & 0xff;
    return out;
  }),
  fc.uint8Array({ maxLength: 64 }),
  fc.uint8Array({ maxLength: 40 }).map((tail) => new Uint8Array([0xff, 0xd8, 0xff, ...tail])),
  fc.uint8Array({ maxLength: 40 }).map((tail) => new Uint8Array([...new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8X'), ...tail])),
  fc.uint8Array({ maxLength: 20 }).map((tail) => new Uint8Array([...new TextEncoder().encode('GIF89a'), ...tail])),
);

/* ------------------------------------------------------------------ items */

const NETWORKS = ['twitter', 'bluesky', 'mastodon', 'threads', 'instagram'] as const;
const STATUSES = ['full', 'link-only', 'unavailable'] as const;
const isoDate = fc.oneof(fc.constantFrom('2019-12-13', '2024-02-29', '1970-01-01', '9999-12-31T23:59:59Z'), fc.date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2100-12-31') }).map((d) => d.toISOString().slice(0, 10)));
const badDate = fc.oneof(fc.constantFrom('2024-13-45', '2023-02-29', 'yesterday', '', '0000-00-00', '2024-07-19T99:99', '+275760-09-13'), fc.string({ maxLength: 12 }));
const extraKeys = fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'extra', 'html', 'svg', 'toString', 'kind2'), fc.anything({ maxDepth: 1 }), { maxKeys: 2 });

/** Merge `extra` keys in as own properties (as JSON.parse would make them, `__proto__` included). */
function withExtra(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined) out[k] = v;
  for (const [k, v] of Object.entries(extra)) Object.defineProperty(out, k, { value: v, enumerable: true, configurable: true, writable: true });
  return out;
}

/** A Quote as extract() makes it, with random text; `broken`: any field may be missing or of the wrong type, and extra keys appear. */
export function quoteShape(broken: boolean): fc.Arbitrary<Record<string, unknown>> {
  const f = broken ? field : optional;
  return fc
    .tuple(
      fc.record({
        kind: broken ? fc.oneof({ weight: 9, arbitrary: fc.constant('quote') }, { weight: 1, arbitrary: wrong }) : fc.constant('quote'),
        text: broken ? field(cardText) : cardText,
        speaker: fc.oneof(fc.constant(undefined), fc.record({ name: f(label), role: f(label), mention: f(label) }, { requiredKeys: [] }), ...(broken ? [wrong] : [])),
        cue: f(fc.constantFrom('said', 'tweeted')),
        via: f(fc.constantFrom('tweet', 'statement')),
        partial: broken ? field(fc.boolean()) : fc.boolean(),
        start: broken ? field(fc.nat()) : fc.nat(),
        end: broken ? field(fc.nat()) : fc.nat(),
        confidence: broken ? field(fc.double({ min: 0, max: 1, noNaN: true })) : fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      broken ? fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: extraKeys }) : fc.constant({}),
    )
    .map(([base, extra]) => withExtra(base, extra));
}

/** A Post as extract() or hydration makes it, with random text; `broken`: as for `quoteShape`. */
export function postShape(broken: boolean): fc.Arbitrary<Record<string, unknown>> {
  const f = broken ? field : optional;
  const one = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>) => (broken ? fc.oneof({ weight: 9, arbitrary: good }, { weight: 1, arbitrary: bad }) : good);
  return fc
    .tuple(
      fc.record({
        kind: one(fc.constant('post'), wrong),
        network: one(fc.constantFrom(...NETWORKS), fc.oneof(fc.constantFrom('x', 'facebook', 'Twitter'), wrong)),
        status: one(fc.constantFrom(...STATUSES), fc.oneof(fc.constantFrom('deleted', 'FULL'), wrong)),
        id: f(fc.oneof(fc.constantFrom('1205516512452837376', '3kabc'), fc.string({ maxLength: 30 }))),
        url: f(fc.oneof(fc.constantFrom('https://twitter.com/a/status/1', 'https://bsky.app/profile/a.bsky.social/post/3kabc', 'javascript:alert(1)', '/etc/passwd', 'file:///etc/hosts'), fc.webUrl())),
        author: fc.oneof(
          fc.constant(undefined),
          fc.record({ name: f(label), handle: f(label), avatar: f(imageBytes), verified: f(fc.boolean()), avatarUrl: f(fc.webUrl()) }, { requiredKeys: [] }),
          ...(broken ? [wrong] : []),
        ),
        text: f(cardText),
        date: f(broken ? fc.oneof(isoDate, badDate) : isoDate),
        links: one(fc.array(fc.oneof(fc.webUrl(), fc.constantFrom('https://t.co/abc', 'pic.twitter.com/x')), { maxLength: 4 }), fc.oneof(fc.constant(undefined), wrong)),
        start: broken ? field(fc.nat()) : fc.nat(),
        end: broken ? field(fc.nat()) : fc.nat(),
      }),
      broken ? fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: extraKeys }) : fc.constant({}),
    )
    .map(([base, extra]) => withExtra(base, extra));
}

/** A well-formed Quote or Post with random content. */
export const goodItem: fc.Arbitrary<Record<string, unknown>> = fc.oneof(quoteShape(false), postShape(false));

/** Anything where an item should be: quotes, posts, and things that are neither. */
export const anyItem: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: goodItem },
  { weight: 3, arbitrary: quoteShape(true) },
  { weight: 3, arbitrary: postShape(true) },
  { weight: 1, arbitrary: junk },
);

/* ------------------------------------------------------------------ options */

/** Sizes small enough to rasterize quickly, and the presets. */
export const goodSize = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('og', 'square', 'portrait', 'story') },
  { weight: 3, arbitrary: fc.record({ width: fc.integer({ min: 1, max: 640 }), height: fc.integer({ min: 1, max: 640 }) }) },
);

/** Sizes that must be refused. */
export const badSize: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('huge', 'OG', '', 'constructor', '__proto__', 'toString', [1200, 630], null, 1200),
  fc.record({
    width: fc.oneof(fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 4097, 100_000, 1e9, 1.5, '1200', null), fc.double()),
    height: fc.integer({ min: 1, max: 640 }),
  }),
  fc.record({ width: fc.integer({ min: 1, max: 640 }), height: fc.constantFrom(0, -630, Number.NaN, 1e9, '630', undefined) }),
  fc.constant({ width: 4096, height: 4097 }),
  fc.constant({ width: 4096, height: 4096, depth: 1 }),
);

const goodColor = fc.constantFrom('#c8102e', '#fff', '#00000080', 'rgb(200 16 46)', 'rgba(0,0,0,0.5)', 'hsl(120 50% 50%)', 'crimson', 'transparent', 'black');
const oddColor = fc.oneof(
  fc.constantFrom('zzz', 'notacolour', 'currentcolor', 'inherit', 'rgb(999 999 999)', 'rgb()', 'hsl(a b c)', 'lab(,,,)', 'oklch(1 2 3 / 400%)', 'rgb(1 2 3) url(/etc/passwd)', '#ggg', 'red; background:url(x)', ''),
  fc.string({ maxLength: 12 }),
);

/** A partial theme: right, oddly right (valid-looking colours satori may not know) or wrong. */
export const themeOption: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('light', 'dark', 'sepia', '', undefined),
  fc.record(
    {
      name: fc.oneof(fc.constantFrom('light', 'dark', 'brand'), wrong),
      background: fc.oneof(goodColor, oddColor),
      foreground: fc.oneof(goodColor, oddColor),
      accent: fc.oneof(goodColor, oddColor),
      muted: goodColor,
      fonts: fc.oneof(fc.record({ serif: fc.constantFrom('Quotecard Serif', 'Missing Family', 'Hebrew', ''), sans: fc.constantFrom('Quotecard Sans', 'Comic Sans', 'Hebrew') }, { requiredKeys: [] }), wrong),
      radius: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constantFrom(-1, 201, Number.NaN, '20')),
      site: field(label),
      logo: field(imageBytes),
    },
    { requiredKeys: [] },
  ),
  junk,
);

const HEBREW_WOFF = new Uint8Array(readFileSync(new URL('../fixtures/fonts/noto-sans-hebrew-hebrew-400-normal.woff', import.meta.url)));
/** The fixture font, a garbage "font", or a broken entry. */
const fontsOption: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant([]),
  fc.constant([{ name: 'Hebrew', data: HEBREW_WOFF, lang: 'he' }]),
  fc.constant([{ name: 'Hebrew', data: HEBREW_WOFF.subarray(0, 500) }]),
  fc.uint8Array({ maxLength: 32 }).map((data) => [{ name: 'Junk', data }]),
  fc.constant([{ name: 'X', data: 'not bytes' }]),
  fc.constant([{ name: '', data: HEBREW_WOFF }]),
  fc.constant([{ name: 'X', data: HEBREW_WOFF, weight: 450 }]),
  wrong,
);

/** A user template returning a random tree: elements satori knows and does not, styles, images, depth. */
const templateTree = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    cardText.map((t) => t.slice(0, 40)),
    fc.record({
      type: fc.constantFrom('div', 'span', 'p', 'img', 'svg', 'image', 'path', 'marquee', ''),
      props: fc.record(
        {
          style: fc.oneof(
            fc.constant({ display: 'flex' }),
            fc.record({ display: fc.constantFrom('flex', 'none', 'grid'), color: fc.oneof(goodColor, oddColor), fontSize: fc.oneof(fc.integer({ min: -5, max: 400 }), fc.constant(Number.NaN)), backgroundImage: fc.constantFrom('linear-gradient(red, blue)', 'url(/etc/passwd)', 'url(https://example.com/x.png)') }, { requiredKeys: ['display'] }),
          ),
          src: fc.constantFrom('data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', '/etc/passwd', 'http://127.0.0.1/x.png', 'data:text/html,<b>'),
          href: fc.constantFrom('#a', '../x.png', 'data:image/gif;base64,R0lGODlhAQABAAAAACw='),
          width: fc.integer({ min: 0, max: 50 }),
          height: fc.integer({ min: 0, max: 50 }),
          children: fc.array(tie('node'), { maxLength: 3 }),
        },
        { requiredKeys: ['style'] },
      ),
    }),
  ),
}));

/** A template: a random tree (wrapped in a flex box), something that is not a tree, or one nested past the limit. */
export const templateOption: fc.Arbitrary<unknown> = fc.oneof(
  templateTree.node.map((child) => () => h('div', { style: { display: 'flex', width: '100%', height: '100%' } }, child as never)),
  fc.constantFrom(
    () => null,
    () => 'text',
    () => ({ type: 5 }),
    () => {
      let node = h('div', { style: { display: 'flex' } }, 'x');
      for (let i = 0; i < 600; i++) node = h('div', { style: { display: 'flex' } }, node);
      return node;
    },
  ),
  fc.constantFrom('template', 42),
);

/** Options that pass checking (the theme may still carry odd colours or be a bad theme). */
export const renderOptions = (format: 'svg' | 'png'): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .record(
      {
        size: goodSize,
        theme: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('light', 'dark') }, { weight: 1, arbitrary: themeOption }),
        site: label,
        date: isoDate,
        locale: fc.constantFrom('en-US', 'fr', 'ar-EG', 'he', 'ja-JP', 'hi-IN', 'de-DE-u-ca-buddhist', 'th-TH-u-nu-thai'),
        fonts: fc.constantFrom([], [{ name: 'Hebrew', data: HEBREW_WOFF, lang: 'he' }]),
        strict: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    .map((o) => ({ ...o, format }));

/** Options that may be wrong in every way, with unknown and prototype keys. */
export const anyRenderOptions: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: renderOptions('svg') },
  { weight: 1, arbitrary: fc.tuple(renderOptions('svg'), templateOption).map(([o, template]) => ({ ...o, template })) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.record(
          {
            size: fc.oneof(goodSize, badSize),
            theme: themeOption,
            format: fc.oneof(fc.constantFrom('svg', 'svg', 'png', 'jpeg', 'SVG'), wrong),
            site: field(label),
            date: fc.oneof(isoDate, badDate, wrong),
            locale: fc.oneof(fc.constantFrom('en-US', 'xx-invalid-!!', '', 'en_US', 'i-klingon', 'zh-Hant-TW'), fc.string({ maxLength: 10 }), wrong),
            fonts: fontsOption,
            strict: field(fc.boolean()),
            // 'small' is left out: a lossless recompression of ~150 ms a card would dominate the run
            compression: fc.oneof(fc.constantFrom('fast', 'zopfli', ''), wrong),
            template: templateOption,
            hydrate: fc.constantFrom(false, undefined, 'yes', 0),
          },
          { requiredKeys: [] },
        ),
        fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: extraKeys }),
      )
      .map(([base, extra]) => withExtra(base, extra)),
  },
  { weight: 1, arbitrary: junk },
);
