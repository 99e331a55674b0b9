/**
 * One table over every public entry that takes options: each is checked by the same rules
 * (src/shared/check.ts), so the same mistake reads the same everywhere — unknown keys, wrong types,
 * values out of range, `null` — with the exact message, the code and the field. The CLI's flags are
 * checked by the batch's own rules and named as flags.
 */
import { describe, expect, test } from 'vitest';
import { parseCliArgs } from '../src/cli/cli-args.js';
import {
  extract,
  hydratePost,
  InputError,
  LimitError,
  pickForCards,
  postCard,
  type QuoteCardError,
  quoteCard,
  rankItems,
  renderArticles,
  renderCard,
  safeFetch,
} from '../src/index.js';
import type { Post, Quote } from '../src/types.js';

const quote: Quote = { kind: 'quote', text: 'A perfectly ordinary quote to draw.', partial: false, start: 0, end: 0, confidence: 1 };
const post: Post = { kind: 'post', network: 'twitter', status: 'link-only', id: '1', links: [], start: 0, end: 0 };
const found = extract('“We will rebuild the bridge before the storms come back,” the mayor said on Monday.');
const out = '/tmp/quotecard-options-test-never-written';

interface Case {
  entry: string;
  call: () => unknown;
  code: QuoteCardError['code'];
  field: string;
  message: string;
  type?: typeof InputError | typeof LimitError;
}

const cases: Case[] = [
  // renderCard: the render options
  { entry: 'renderCard', call: () => renderCard(quote, { colour: 'red' } as never), code: 'unknown-option', field: 'colour', message: 'Unknown option "colour". Allowed: "size", "theme", "format", "site", "date", "locale", "template", "fonts", "strict", "compression", "hydrate". Received: "colour".' },
  { entry: 'renderCard', call: () => renderCard(quote, { size: 'huge' as never }), code: 'invalid-option', field: 'size', message: 'Invalid value for option "size". Allowed: "og" | "square" | "portrait" | "story" | { width, height }. Received: "huge".' },
  { entry: 'renderCard', call: () => renderCard(quote, { size: { width: 5000, height: 10 } }), code: 'too-large', field: 'size.width', type: LimitError, message: 'Invalid value for option "size.width". Allowed: an integer from 1 to 4096. Received: 5000.' },
  { entry: 'renderCard', call: () => renderCard(quote, { theme: { accent: 'not a colour!' } }), code: 'invalid-option', field: 'theme.accent', message: 'Invalid value for option "theme.accent". Allowed: a CSS colour such as "#c8102e", "rgb(200 16 46)" or "crimson". Received: "not a colour!".' },
  { entry: 'renderCard', call: () => renderCard(quote, { compression: 'max' as never }), code: 'invalid-option', field: 'compression', message: 'Invalid value for option "compression". Allowed: "fast" | "small". Received: "max".' },
  { entry: 'renderCard', call: () => renderCard(quote, { strict: null as never }), code: 'invalid-option', field: 'strict', message: 'Invalid value for option "strict". Allowed: true | false. Received: null.' },
  { entry: 'renderCard', call: () => renderCard(quote, { fonts: null as never }), code: 'invalid-option', field: 'fonts', message: 'Invalid value for option "fonts". Allowed: an array of { name, data, weight?, style?, lang? }. Received: null.' },
  { entry: 'renderCard', call: () => renderCard(quote, { hydrate: { timeoutMs: 0 } }), code: 'invalid-option', field: 'hydrate.timeoutMs', message: 'Invalid value for option "hydrate.timeoutMs". Allowed: an integer from 1 to 120000. Received: 0.' },
  { entry: 'renderCard', call: () => renderCard(quote, { hydrate: null as never }), code: 'invalid-option', field: 'hydrate', message: 'Invalid value for option "hydrate". Allowed: true, false or a plain object of hydrate options. Received: null.' },
  { entry: 'renderCard', call: () => renderCard(quote, null as never), code: 'invalid-option', field: 'options', message: 'Invalid value for argument "options". Allowed: a plain object of render options. Received: null.' },
  // quoteCard and postCard: the same rules
  { entry: 'quoteCard', call: () => quoteCard(quote, { size: 'huge' as never }), code: 'invalid-option', field: 'size', message: 'Invalid value for option "size". Allowed: "og" | "square" | "portrait" | "story" | { width, height }. Received: "huge".' },
  { entry: 'postCard', call: () => postCard(post, { locale: 'not a locale!' }), code: 'invalid-option', field: 'locale', message: 'Invalid value for option "locale". Allowed: a BCP 47 language tag such as "en-US" or "fr". Received: "not a locale!".' },
  { entry: 'postCard', call: () => postCard(post, { fonts: [{ name: 'A', data: new Uint8Array(4), size: 3 }] as never }), code: 'unknown-option', field: 'fonts[0].size', message: 'Unknown key "size" in option "fonts[0]". Allowed: "name", "data", "weight", "style", "lang". Received: "size".' },
  // extract
  { entry: 'extract', call: () => extract('text', { minWords: 0 }), code: 'invalid-option', field: 'minWords', message: 'Invalid value for option "minWords". Allowed: a whole number ≥ 1. Received: 0.' },
  { entry: 'extract', call: () => extract('text', { minWord: 2 } as never), code: 'unknown-option', field: 'minWord', message: 'Unknown option "minWord". Allowed: "minWords". Received: "minWord".' },
  { entry: 'extract', call: () => extract('text', null as never), code: 'invalid-option', field: 'options', message: 'Invalid value for argument "options". Allowed: a plain object of extract options. Received: null.' },
  // rankItems and pickForCards
  { entry: 'rankItems', call: () => rankItems(found, { minLength: -1 }), code: 'invalid-option', field: 'minLength', message: 'Invalid value for option "minLength". Allowed: a positive number. Received: -1.' },
  { entry: 'rankItems', call: () => rankItems(found, { max: 3 } as never), code: 'unknown-option', field: 'max', message: 'Unknown option "max". Allowed: "minLength", "maxLength", "posts", "minConfidence". Received: "max".' },
  { entry: 'pickForCards', call: () => pickForCards(found, { max: 1.5 }), code: 'invalid-option', field: 'max', message: 'Invalid value for option "max". Allowed: a whole number ≥ 0. Received: 1.5.' },
  { entry: 'pickForCards', call: () => pickForCards(found, { posts: 'yes' } as never), code: 'invalid-option', field: 'posts', message: 'Invalid value for option "posts". Allowed: true | false. Received: "yes".' },
  // renderArticles
  { entry: 'renderArticles', call: () => renderArticles([], { out, concurrency: 0 }), code: 'invalid-option', field: 'concurrency', message: 'Invalid value for option "concurrency". Allowed: a whole number from 1 to 256. Received: 0.' },
  { entry: 'renderArticles', call: () => renderArticles([], { out, compression: 'max' as never }), code: 'invalid-option', field: 'compression', message: 'Invalid value for option "compression". Allowed: "fast" | "small". Received: "max".' },
  { entry: 'renderArticles', call: () => renderArticles([], { out, size: ['og', 'huge' as never] }), code: 'invalid-option', field: 'size[1]', message: 'Invalid value for option "size[1]". Allowed: "og" | "square" | "portrait" | "story" | { width, height }. Received: "huge".' },
  { entry: 'renderArticles', call: () => renderArticles([], { out, locale: 'not a locale!' }), code: 'invalid-option', field: 'locale', message: 'Invalid value for option "locale". Allowed: a BCP 47 language tag such as "en-US" or "fr". Received: "not a locale!".' },
  { entry: 'renderArticles', call: () => renderArticles([], { out, colour: 1 } as never), code: 'unknown-option', field: 'colour', message: 'Unknown option "colour". Allowed: "out", "size", "theme", "format", "max", "minConfidence", "concurrency", "timeout", "incremental", "gallery", "baseUrl", "site", "locale", "fonts", "strict", "compression", "minWords", "recycleAfter", "onProgress". Received: "colour".' },
  { entry: 'renderArticles', call: () => renderArticles([], { out, minConfidence: 2 }), code: 'invalid-option', field: 'minConfidence', message: 'Invalid value for option "minConfidence". Allowed: a number from 0 to 1. Received: 2.' },
  { entry: 'renderArticles', call: () => renderArticles([], null as never), code: 'invalid-option', field: 'options', message: 'Invalid value for argument "options". Allowed: an object with at least { out }. Received: null.' },
  // hydratePost and safeFetch: the network options
  { entry: 'hydratePost', call: () => hydratePost(post, { apiUrl: 'http://example.com/' }), code: 'invalid-option', field: 'apiUrl', message: 'Invalid value for option "apiUrl". Allowed: an https URL. Received: "http://example.com/".' },
  { entry: 'hydratePost', call: () => hydratePost(post, { proxy: 'x' } as never), code: 'unknown-option', field: 'proxy', message: 'Unknown option "proxy". Allowed: "fetch", "allowHosts", "timeoutMs", "maxBytes", "maxPixels", "maxRedirects", "signal", "apiUrl", "media". Received: "proxy".' },
  { entry: 'safeFetch', call: () => safeFetch('https://pbs.twimg.com/a.png', { maxRedirects: 11 }), code: 'invalid-option', field: 'maxRedirects', message: 'Invalid value for option "maxRedirects". Allowed: an integer from 0 to 10. Received: 11.' },
  { entry: 'safeFetch', call: () => safeFetch('https://pbs.twimg.com/a.png', { allowHosts: ['https://pbs.twimg.com'] }), code: 'invalid-option', field: 'allowHosts[0]', message: 'Invalid value for option "allowHosts[0]". Allowed: an array of host names such as "pbs.twimg.com", "*.example.com" or "localhost:8443". Received: "https://pbs.twimg.com".' },
  // the CLI: the batch's rules, named as flags
  { entry: 'quotecard', call: () => parseCliArgs(['a.txt', '--out', 'x', '--max', 'ten']), code: 'invalid-option', field: 'max', message: 'Invalid value for option "--max". Allowed: a whole number from 0 to 1000. Received: "ten".' },
  { entry: 'quotecard', call: () => parseCliArgs(['a.txt', '--out', 'x', '--compression', 'max']), code: 'invalid-option', field: 'compression', message: 'Invalid value for option "--compression". Allowed: "fast" | "small". Received: "max".' },
  { entry: 'quotecard', call: () => parseCliArgs(['a.txt', '--out', 'x', '--size', 'og,9000x10']), code: 'too-large', field: 'size[1].width', type: LimitError, message: 'Invalid value for option "--size". Allowed: an integer from 1 to 4096. Received: 9000.' },
  { entry: 'quotecard', call: () => parseCliArgs(['a.txt', '--out', 'x', '--colour']), code: 'unknown-option', field: '--colour', message: 'Unknown option "--colour". Allowed: the options listed by --help. Received: "--colour".' },
];

/** The error `call` throws or rejects with. */
async function failure(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('every entry checks its options with the same rules', () => {
  test.each(cases)('$entry: $message', async ({ call, code, field, message, type = InputError }) => {
    const error = await failure(call);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ code, field, message });
  });

  test('every entry that takes options is in the table', () => {
    expect(new Set(cases.map((c) => c.entry))).toEqual(
      new Set(['renderCard', 'quoteCard', 'postCard', 'extract', 'rankItems', 'pickForCards', 'renderArticles', 'hydratePost', 'safeFetch', 'quotecard']),
    );
  });
});
