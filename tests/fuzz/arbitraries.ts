/**
 * fast-check arbitraries for fuzzing `extract()` and `cleanText()`: news-like Unicode text full of
 * quotation marks and reporting verbs, random HTML with embeds and meta tags, mutations of real pages
 * (truncation, splicing, deletion), random `ArticleInput` objects and random options.
 */
import fc from 'fast-check';

/** Characters and runs that hygiene must handle: bidi controls, invisibles, controls, lone surrogates, marks. */
export const hostilePiece: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'),
  fc.constantFrom('\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u2062', '\u206A'),
  fc.constantFrom('\u0000', '\u0001', '\u0007', '\u001B', '\u007F', '\u0085', '\u009B', '\r', '\r\n', '\u2028', '\u2029', '\t', '\n'),
  fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFFFE', '\uFFFF', '\uFDD0', '\u{10FFFF}'),
  fc.tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom('\u0301', '\u0336', '\u0489', '\u05B8', '\u064E', '\u093F', '\uFE0F')).map(([n, m]) => m.repeat(n)),
  fc.constantFrom('   ', '\t\t', ' \t '),
);

/** Text in many scripts, as people write it. */
export const scriptPiece: fc.Arbitrary<string> = fc.constantFrom(
  'Việt',
  'e\u0323\u0302',
  'בְּרֵאשִׁית',
  'ٱلرَّحْمَٰنِ',
  'क्षत्रिय',
  'ผู้ใหญ่',
  'می‌خواهم',
  '👨‍👩‍👧',
  '❤️‍🔥',
  '👍🏽',
  '🇵🇰',
  '1️⃣',
  '他说',
  'القدس',
  'שלום',
  'café',
);

/** Quotation marks of every family the scanner knows, and some it does not. */
export const quoteMark: fc.Arbitrary<string> = fc.constantFrom('“', '”', '"', '‘', '’', "'", '«', '»', '„', '‚', '「', '」', '‹', '›');

const words = fc.constantFrom(
  'said', 'says', 'told', 'added', 'according to', 'tweeted', 'wrote', 'he', 'she', 'they', 'Mr.', 'Dr.', 'Zalmay Khalilzad',
  'Khalilzad', 'the minister', 'army spokesperson', 'Ayesha Siddiqa', 'in a statement', 'on Twitter', 'the', 'and', 'We', 'will',
  'not', 'back', 'down', 'it', 'was', 'very', 'sobering', 'https://twitter.com/user/status/1234567890', 'https://bsky.app/profile/a.bsky.social/post/3kabc',
  'https://mastodon.social/@user/109876543210', 'https://www.threads.net/@user/post/Cabc123', 'https://www.instagram.com/p/Cxyz/', 'pic.twitter.com/abc',
  '@handle', '#tag', 'Read more:', '—', '–', '-', ',', '.', ':', ';', '?', '!', '(', ')', '[embed]', 's', "'s", '12', '3.5',
);

/** One token of news-like text. */
const token: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: words },
  { weight: 4, arbitrary: quoteMark },
  { weight: 2, arbitrary: fc.constantFrom(' ', ' ', '\n', '\n\n', '\r\n', '\u00A0') },
  { weight: 1, arbitrary: scriptPiece },
  { weight: 1, arbitrary: hostilePiece },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

/** News-like plain text: words, quotation marks, cues, names, links, line breaks, odd Unicode. */
export const newsText: fc.Arbitrary<string> = fc
  .array(fc.tuple(token, fc.constantFrom(' ', ' ', ' ', '', '\n')), { maxLength: 60, size: 'medium' })
  .map((parts) => parts.map(([t, sep]) => t + sep).join(''));

/** Mostly words, so quoted runs are long enough to count as quotes. */
const quotedBody: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 8, arbitrary: words }, { weight: 1, arbitrary: scriptPiece }, { weight: 1, arbitrary: token }), { minLength: 1, maxLength: 25 })
  .map((ws) => ws.join(' '));

/** A pair of marks: matching most of the time, sometimes not. */
const markPair: fc.Arbitrary<[string, string]> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<[string, string]>(['“', '”'], ['"', '"'], ['‘', '’'], ["'", "'"], ['«', '»'], ['„', '“'], ['„', '”']) },
  { weight: 1, arbitrary: fc.tuple(quoteMark, quoteMark) },
);

/** A sentence that is likely to hold a quote: “…,” name said. */
export const quoteSentence: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(quotedBody),
    markPair,
    quotedBody,
    fc.constantFrom(',', '.', '', '?', ' —'),
    fc.constantFrom(' he said.', ' she said.', ' Khalilzad told reporters.', ' said the minister, Ayesha Siddiqa.', ' said Zalmay Khalilzad, the envoy.', ' according to a statement.', ''),
    fc.option(quotedBody),
  )
  .map(([lead, [o, c], body, punct, cue, tail]) => `${lead ? `${lead} ` : ''}${o}${body}${punct}${c}${cue}${tail ? ` ${tail}` : ''}`);

const TAGS = ['p', 'div', 'span', 'a', 'blockquote', 'article', 'main', 'section', 'h1', 'h2', 'em', 'strong', 'br', 'img', 'figure', 'figcaption', 'iframe', 'script', 'style', 'nav', 'footer', 'aside', 'ul', 'li', 'q', 'cite', 'time', 'twitter-widget', 'noscript', 'template', 'pre', 'table', 'td'];

const ATTR_NAMES = ['class', 'href', 'src', 'id', 'cite', 'lang', 'dir', 'data-id', 'data-tweet-id', 'data-bluesky-uri', 'data-text-post-permalink', 'data-instgrm-permalink', 'data-embed-url', 'datetime', 'role', 'itemprop', 'style'];

const ATTR_VALUES = fc.oneof(
  fc.constantFrom(
    'twitter-tweet', 'twitter-video', 'twitter-tweet twitter-tweet-rendered', 'bluesky-embed', 'mastodon-embed', 'text-post-media', 'instagram-media',
    'article-body', 'story-body', 'advert', 'related', 'pullquote', 'rtl', 'ltr', 'auto',
    'https://twitter.com/jack/status/20', 'https://x.com/a/status/1814216215346655433?ref_src=twsrc', 'at://did:plc:abc/app.bsky.feed.post/3kxyz',
    'https://mastodon.social/@Gargron/1', 'https://mastodon.social/@Gargron/1/embed', 'https://www.threads.net/@zuck/post/C8abc', 'https://www.instagram.com/p/Cxyz/',
    'javascript:alert(1)', '/etc/passwd', '2024-07-19', '2024-13-45T99:99', 'not a date', '',
  ),
  fc.string({ maxLength: 12 }),
);

/** A random HTML element tree, serialised; closing tags are sometimes left out. */
const htmlTree = fc.letrec<{ node: string; element: string }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', maxDepth: 4, withCrossShrink: true }, newsText.map(escapeSome), quoteSentence.map(escapeSome), tie('element')),
  element: fc
    .record({
      tag: fc.constantFrom(...TAGS),
      attrs: fc.array(fc.tuple(fc.constantFrom(...ATTR_NAMES), ATTR_VALUES), { maxLength: 3 }),
      children: fc.array(tie('node'), { maxLength: 4 }),
      close: fc.boolean(),
    })
    .map(({ tag, attrs, children, close }) => {
      const a = attrs.map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`).join('');
      return `<${tag}${a}>${children.join('')}${close || children.length === 0 ? `</${tag}>` : ''}`;
    }),
}));

/** Leave `&`, `<` and `>` in prose sometimes escaped, sometimes raw. */
function escapeSome(text: string): string {
  return text.length % 2 === 0 ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;') : text;
}

/** Meta tags and JSON-LD with random values. */
const head: fc.Arbitrary<string> = fc
  .record({
    title: newsText,
    site: newsText,
    date: fc.oneof(fc.constantFrom('2024-07-19', '2024-07-19T10:00:00Z', '19 July 2024', '', 'garbage'), fc.string({ maxLength: 20 })),
    ld: fc.oneof(fc.constant(''), fc.json({ maxDepth: 3 }), fc.string({ maxLength: 40 }), fc.constant('{"@type":"NewsArticle","headline":')),
  })
  .map(
    ({ title, site, date, ld }) =>
      `<head><title>${title}</title><meta property="og:title" content="${title.replace(/"/g, '')}"><meta property="og:site_name" content="${site.replace(/"/g, '')}"><meta property="article:published_time" content="${date.replace(/"/g, '')}"><script type="application/ld+json">${ld}</script></head>`,
  );

/** A random page: optional doctype and head, then a body tree. */
export const randomHtml: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.option(head), fc.array(htmlTree.element, { minLength: 1, maxLength: 5 }))
  .map(([doctype, h, body]) => `${doctype ? '<!doctype html>' : ''}<html>${h ?? ''}<body>${body.join('')}</body></html>`);

/** Up to three mutations of a page: cut it short, splice something in, or delete a stretch. */
function mutate(page: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const insert = fc.oneof(newsText, hostilePiece, fc.constantFrom('<', '</', '<p', '"', '<!--', ']]>', '<script>', '&#x0;', '&#xD800;', '&', '</blockquote>', '<blockquote class="twitter-tweet">'));
  const edit = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('truncate', 'splice', 'splice', 'delete'), insert);
  return fc.tuple(page, fc.array(edit, { maxLength: 3 })).map(([html, edits]) =>
    edits.reduce((out, [a, b, kind, piece]) => {
      const i = a % (out.length + 1);
      const j = b % (out.length + 1);
      if (kind === 'truncate') return out.slice(0, i);
      if (kind === 'splice') return out.slice(0, i) + piece + out.slice(i);
      return out.slice(0, Math.min(i, j)) + out.slice(Math.max(i, j));
    }, html),
  );
}

/** Random HTML, mutated or not, and mutated real pages from the fixtures. */
export function htmlInput(seedPages: string[]): fc.Arbitrary<string> {
  const pages = seedPages.length > 0 ? fc.oneof(randomHtml, fc.constantFrom(...seedPages)) : randomHtml;
  return mutate(pages);
}

/** Plain text input: news-like text or quote-heavy paragraphs. */
export const textInput: fc.Arbitrary<string> = fc.oneof(
  newsText,
  fc.array(fc.oneof({ weight: 3, arbitrary: quoteSentence }, { weight: 1, arbitrary: newsText }), { minLength: 1, maxLength: 8 }).map((ps) => ps.join('\n\n')),
);

const overrideValue = fc.oneof(fc.constant(undefined), newsText, fc.constantFrom('https://example.com/a', '2024-07-19', ''));

/** A well-formed `ArticleInput`: exactly one of html or text, optional string overrides. */
export function articleInput(seedPages: string[]): fc.Arbitrary<{ html?: string; text?: string; url?: string; site?: string; title?: string; publishedAt?: string }> {
  return fc
    .record({ body: fc.oneof(htmlInput(seedPages).map((html) => ({ html })), textInput.map((text) => ({ text }))), url: overrideValue, site: overrideValue, title: overrideValue, publishedAt: overrideValue })
    .map(({ body, ...rest }) => {
      const out: Record<string, string> = { ...body };
      for (const [k, v] of Object.entries(rest)) if (v !== undefined) out[k] = v;
      return out;
    });
}

/** Anything at all where an article or options should be: wrong types, unknown and prototype keys. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 2, withNullPrototype: true, withBoxedValues: true, withMap: true, withTypedArray: true }),
  fc.dictionary(fc.constantFrom('html', 'text', 'url', 'site', 'title', 'publishedAt', '__proto__', 'constructor', 'prototype', 'body', 'minWords'), fc.anything({ maxDepth: 1 }), { maxKeys: 4 }),
  fc.constant(JSON.parse('{"__proto__": {"html": "<p>x</p>"}}') as unknown),
  fc.constant(JSON.parse('{"text": "a", "__proto__": {"minWords": 0}}') as unknown),
);

/** Valid extract options (or none). */
export const goodOptions: fc.Arbitrary<{ minWords?: number } | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({ minWords: fc.integer({ min: 1, max: 12 }) }, { requiredKeys: [] }),
);

/** Options that may be wrong in every way. */
export const anyOptions: fc.Arbitrary<unknown> = fc.oneof(
  goodOptions,
  fc.record({ minWords: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY)) }),
  junk,
);

/** Strings for `cleanText`: hostile pieces mixed with scripts, quotes and arbitrary code points. */
export const hygieneText: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.oneof(hostilePiece, scriptPiece, quoteMark, words, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 40 }).map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 40 }),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((units) => String.fromCharCode(...units)),
);

/** A short piece that, repeated to hundreds of kilobytes, makes one long paragraph or page. */
export const repeatPiece: fc.Arbitrary<string> = fc
  .oneof(
    quoteSentence,
    newsText,
    randomHtml,
    hostilePiece,
    quoteMark,
    fc.constantFrom('<div>', '<p>“', '“a ', '<blockquote class="twitter-tweet"><p>', '‘', "'s ", 'said ', 'Mr. A said ', '<a href="https://twitter.com/a/status/1">', 'https://twitter.com/a/status/1 '),
  )
  .filter((p) => p.length > 0);
