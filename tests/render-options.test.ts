import { describe, expect, test } from 'vitest';
import { InputError, LimitError, QuoteCardError } from '../src/errors.js';
import { checkItem } from '../src/cards/item.js';
import { sizeRule } from '../src/cards/size.js';
import { checkTree } from '../src/cards/tree-limits.js';
import { renderOptions } from '../src/render/options.js';
import { checkOptions as check, Place } from '../src/shared/check.js';

const resolveSize = (size: unknown) => sizeRule.check(size, new Place('option', 'size'));
const checkOptions = (options: unknown) => check(renderOptions, options);

const sizeErrors: Array<{ name: string; size: unknown; type: typeof QuoteCardError; message: string }> = [
  { name: 'unknown preset', size: 'huge', type: InputError, message: 'Invalid value for option "size". Allowed: "og" | "square" | "portrait" | "story" | { width, height }. Received: "huge".' },
  { name: 'zero width', size: { width: 0, height: 100 }, type: LimitError, message: 'Invalid value for option "size.width". Allowed: an integer from 1 to 4096. Received: 0.' },
  { name: 'negative height', size: { width: 100, height: -5 }, type: LimitError, message: 'Invalid value for option "size.height". Allowed: an integer from 1 to 4096. Received: -5.' },
  { name: 'NaN', size: { width: Number.NaN, height: 100 }, type: InputError, message: 'Invalid value for option "size.width". Allowed: an integer from 1 to 4096. Received: NaN.' },
  { name: 'Infinity', size: { width: 100, height: Number.POSITIVE_INFINITY }, type: InputError, message: 'Invalid value for option "size.height". Allowed: an integer from 1 to 4096. Received: Infinity.' },
  { name: 'string width', size: { width: '1200', height: 630 }, type: InputError, message: 'Invalid value for option "size.width". Allowed: an integer from 1 to 4096. Received: "1200".' },
  { name: 'fractional', size: { width: 100.5, height: 100 }, type: InputError, message: 'Invalid value for option "size.width". Allowed: an integer from 1 to 4096. Received: 100.5.' },
  { name: '100000 wide', size: { width: 100000, height: 100000 }, type: LimitError, message: 'Invalid value for option "size.width". Allowed: an integer from 1 to 4096. Received: 100000.' },
  { name: 'extra key', size: { width: 10, height: 10, depth: 3 }, type: InputError, message: 'Unknown key "depth" in option "size". Allowed: "width", "height". Received: "depth".' },
  { name: 'past 16.7 MP', size: { width: 4096, height: 4097 }, type: LimitError, message: 'Invalid value for option "size.height". Allowed: an integer from 1 to 4096. Received: 4097.' },
  { name: 'null', size: null, type: InputError, message: 'Invalid value for option "size". Allowed: "og" | "square" | "portrait" | "story" | { width, height }. Received: null.' },
  { name: 'array', size: [1200, 630], type: InputError, message: 'Invalid value for option "size". Allowed: "og" | "square" | "portrait" | "story" | { width, height }. Received: an array of 2.' },
];

describe('size', () => {
  test.each([
    ['og', 1200, 630],
    ['square', 1080, 1080],
    ['portrait', 1080, 1350],
    ['story', 1080, 1920],
  ])('preset %s is %i×%i', (name, width, height) => {
    expect(resolveSize(name)).toEqual({ width, height, name });
  });
  test('explicit size and the largest allowed', () => {
    expect(resolveSize({ width: 640, height: 360 })).toEqual({ width: 640, height: 360 });
    expect(resolveSize({ width: 4096, height: 4096 })).toEqual({ width: 4096, height: 4096 });
  });
  test.each(sizeErrors)('$name', ({ size, type, message }) => {
    expect(() => resolveSize(size)).toThrow(type);
    expect(() => resolveSize(size)).toThrow(message);
  });
  test('errors carry field, allowed and received', () => {
    try {
      resolveSize({ width: 5000, height: 10 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(QuoteCardError);
      expect(error).toMatchObject({ name: 'LimitError', field: 'size.width', received: '5000' });
    }
  });
});

describe('options', () => {
  test('defaults', () => {
    const o = checkOptions(undefined);
    expect(o).toMatchObject({ format: 'png', locale: 'en-US', strict: false, compression: 'fast', size: { width: 1200, height: 630, name: 'og' } });
  });
  const cases: Array<{ name: string; options: unknown; message: string }> = [
    { name: 'unknown key', options: { colour: 'red' }, message: 'Unknown option "colour". Allowed: "size", "theme", "format", "site", "date", "locale", "template", "fonts", "strict", "compression", "hydrate". Received: "colour".' },
    { name: '__proto__ as own key (from JSON)', options: JSON.parse('{"__proto__": {"polluted": true}}'), message: 'Unknown option "__proto__".' },
    { name: 'constructor key', options: { constructor: 1 }, message: 'Unknown option "constructor".' },
    { name: 'not an object', options: 'og', message: 'Invalid value for argument "options". Allowed: a plain object of render options. Received: "og".' },
    { name: 'class instance', options: new Date(0), message: 'Invalid value for argument "options". Allowed: a plain object of render options.' },
    { name: 'null', options: null, message: 'Invalid value for argument "options". Allowed: a plain object of render options. Received: null.' },
    { name: 'format', options: { format: 'jpeg' }, message: 'Invalid value for option "format". Allowed: "png" | "svg". Received: "jpeg".' },
    { name: 'strict', options: { strict: 'yes' }, message: 'Invalid value for option "strict". Allowed: true | false. Received: "yes".' },
    { name: 'compression', options: { compression: 'max' }, message: 'Invalid value for option "compression". Allowed: "fast" | "small". Received: "max".' },
    { name: 'locale', options: { locale: 'not a locale!' }, message: 'Invalid value for option "locale". Allowed: a BCP 47 language tag such as "en-US" or "fr". Received: "not a locale!".' },
    { name: 'date', options: { date: 'yesterday' }, message: 'Invalid value for option "date". Allowed: an ISO 8601 date such as "2019-12-13". Received: "yesterday".' },
    { name: 'site', options: { site: 42 }, message: 'Invalid value for option "site". Allowed: a string. Received: 42.' },
    { name: 'template', options: { template: 'quote' }, message: 'Invalid value for option "template". Allowed: a function (item, ctx) => node. Received: "quote".' },
    { name: 'fonts', options: { fonts: {} }, message: 'Invalid value for option "fonts". Allowed: an array of { name, data, weight?, style?, lang? }. Received: an empty object.' },
  ];
  test.each(cases)('$name', ({ options, message }) => {
    expect(() => checkOptions(options)).toThrow(InputError);
    expect(() => checkOptions(options)).toThrow(message);
  });
  test('prototype is not polluted by a __proto__ key', () => {
    expect(() => checkOptions(JSON.parse('{"__proto__": {"polluted": true}}'))).toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('items', () => {
  const quote = { kind: 'quote', text: 'Words', partial: false, start: 0, end: 5, confidence: 1 };
  const cases: Array<{ name: string; item: unknown; message: string }> = [
    { name: 'not an object', item: null, message: 'Invalid value for argument "item". Allowed: a Quote or a Post object. Received: null.' },
    { name: 'unknown kind', item: { kind: 'tweet' }, message: 'Invalid value for field "item.kind". Allowed: "quote" | "post". Received: "tweet".' },
    { name: 'empty quote', item: { ...quote, text: '' }, message: 'Invalid value for field "quote.text". Allowed: non-empty text. Received: "".' },
    { name: 'whitespace quote', item: { ...quote, text: ' \n\t ' }, message: 'Invalid value for field "quote.text". Allowed: non-empty text. Received: " \\n\\t ".' },
    { name: 'quote text not a string', item: { ...quote, text: 5 }, message: 'Invalid value for field "quote.text". Allowed: a string. Received: 5.' },
    { name: 'bad network', item: { kind: 'post', network: 'myspace', status: 'full', links: [] }, message: 'Invalid value for field "post.network". Allowed: "twitter" | "bluesky" | "mastodon" | "threads" | "instagram". Received: "myspace".' },
    { name: 'bad status', item: { kind: 'post', network: 'twitter', status: 'gone', links: [] }, message: 'Invalid value for field "post.status". Allowed: "full" | "link-only" | "unavailable". Received: "gone".' },
    { name: 'avatar not bytes', item: { kind: 'post', network: 'twitter', status: 'link-only', links: [], author: { avatar: 'http://x/y.png' } }, message: 'Invalid value for field "post.author.avatar". Allowed: a Uint8Array of image bytes. Received: "http://x/y.png".' },
  ];
  test.each(cases)('$name', ({ item, message }) => {
    expect(() => checkItem(item)).toThrow(InputError);
    expect(() => checkItem(item)).toThrow(message);
  });
  test('a 1,000+ grapheme quote is cut at a word with a warning, input untouched', () => {
    const text = 'word '.repeat(400).trim();
    const input = { ...quote, text };
    const { item, warnings } = checkItem(input);
    expect(item.kind === 'quote' && item.text.endsWith('…')).toBe(true);
    expect(item.kind === 'quote' && [...item.text].length).toBeLessThanOrEqual(1001);
    expect(item.kind === 'quote' && item.text.at(-2)).toBe('d');
    expect(warnings).toEqual(['Quote text cut: 999 characters past the 1000-character limit were dropped.']);
    expect(input.text).toBe(text);
  });
  test('a full post without text is drawn link-only, with a warning', () => {
    const { item, warnings } = checkItem({ kind: 'post', network: 'twitter', status: 'full', text: '  ', links: [] });
    expect(item.kind === 'post' && item.status).toBe('link-only');
    expect(warnings).toEqual(['Post has status "full" but no text: drawn as a link-only card.']);
  });
  test('handles lose their @', () => {
    const { item } = checkItem({ kind: 'post', network: 'bluesky', status: 'link-only', links: [], author: { handle: '@jay.bsky.team' } });
    expect(item.kind === 'post' && item.author?.handle).toBe('jay.bsky.team');
  });
});

describe('tree limits', () => {
  const nest = (depth: number) => {
    let node: unknown = 'x';
    for (let i = 0; i < depth; i++) node = { type: 'div', props: { style: { display: 'flex' }, children: node } };
    return node;
  };
  test('a normal tree passes', () => expect(() => checkTree(nest(30))).not.toThrow());
  test('a 500-deep tree is refused before satori sees it', () => {
    expect(() => checkTree(nest(500))).toThrow(LimitError);
    expect(() => checkTree(nest(500))).toThrow('The card\'s element tree is too large. Allowed: depth up to 128 and up to 20000 elements. Received: depth 129.');
  });
  test('a template that returns a string is a typed error', () => {
    expect(() => checkTree('hello')).toThrow('The template returned something that is not a node. Allowed: an element { type, props } (JSX). Received: "hello".');
  });
});
