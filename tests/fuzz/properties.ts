/**
 * The fuzzed properties of `extract()` and `cleanText()`, shared by the CI test (fixed seed, few runs)
 * and `npm run fuzz` (random seed, many runs). Each check throws an Error naming the broken invariant.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { property } from './budget.js';
import { QuoteCardError } from '../../src/errors.js';
import { extract } from '../../src/extract/index.js';
import { isHtml } from '../../src/ingest/index.js';
import { cleanText, MAX_MARKS } from '../../src/cards/text-hygiene.js';
import type { Extraction } from '../../src/types.js';
import { anyOptions, articleInput, goodOptions, htmlInput, hygieneText, junk, repeatPiece, textInput } from './arbitraries.js';

/** What one run of a property found. */
export interface FuzzOutcome {
  failed: boolean;
  numRuns: number;
  numShrinks: number;
  counterexample: unknown;
  path: string | null;
  error: unknown;
}

/** One property with the number of runs it gets in CI. */
export interface FuzzProperty {
  name: string;
  runs: number;
  /** Throw fast-check's report when the property fails. */
  assert(params: { seed: number; numRuns: number }): void;
  /** Run it and say what happened. */
  check(params: { seed: number; numRuns: number }): FuzzOutcome;
}

/** A property with its CI run count, and ways to assert or check it. */
export function named<Ts>(name: string, runs: number, property: fc.IProperty<Ts>): FuzzProperty {
  return {
    name,
    runs,
    assert: (params) => fc.assert(property, params),
    check: (params) => {
      const d = fc.check(property, params);
      return { failed: d.failed, numRuns: d.numRuns, numShrinks: d.numShrinks, counterexample: d.counterexample, path: d.counterexamplePath, error: d.errorInstance };
    },
  };
}

const OPENING_MARKS = '“”"‘’\'«»„‚‹›「';
const NETWORKS = ['twitter', 'bluesky', 'mastodon', 'threads', 'instagram'];
const STATUSES = ['full', 'link-only', 'unavailable'];

/** The fixture pages (real-looking articles with embeds) that mutations start from. */
export function loadSeedPages(): string[] {
  const dir = new URL('../fixtures/articles/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => readFileSync(new URL(f, dir), 'utf8'));
}

function fail(what: string, detail: unknown): never {
  throw new Error(`${what}: ${JSON.stringify(detail)}`);
}

function isOffset(n: unknown, max: number): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max;
}

/** Whether [start, end) is a whole line of `text` (a pull quote: a blockquote paragraph with no marks of its own). */
function isWholeLine(text: string, start: number, end: number): boolean {
  return (start === 0 || text[start - 1] === '\n') && (end === text.length || text[end] === '\n');
}

/** The invariants every `Extraction` keeps. `plainText` is the input when it was read as plain text. */
export function checkExtraction(x: Extraction, plainText: string | undefined): void {
  if (typeof x.text !== 'string') fail('text is not a string', typeof x.text);
  if (plainText !== undefined && x.text !== plainText) fail('Extraction.text differs from the plain-text input', { input: plainText, text: x.text });
  if (!Array.isArray(x.warnings) || x.warnings.some((w) => typeof w !== 'string' || w === '')) fail('warnings are not non-empty strings', x.warnings);
  const n = x.text.length;
  let prevStart = -1;
  for (const q of x.quotes) {
    if (q.kind !== 'quote') fail('quote kind', q.kind);
    if (!isOffset(q.start, n) || !isOffset(q.end, n) || q.start >= q.end) fail('quote offsets out of range', { start: q.start, end: q.end, length: n });
    if (q.start <= prevStart) fail('quotes out of order', { prevStart, start: q.start });
    prevStart = q.start;
    const first = x.text[q.start] ?? '';
    if (!OPENING_MARKS.includes(first) && (plainText !== undefined || !isWholeLine(x.text, q.start, q.end))) {
      fail('quote span does not start with a quotation mark', { span: x.text.slice(q.start, q.end) });
    }
    if (typeof q.text !== 'string' || q.text.trim() === '') fail('quote text empty', q);
    if (q.text !== q.text.trim()) fail('quote text has white space at its ends', q.text);
    // the span of a split quote is its first part only, which may be shorter than 12 characters
    const span = x.text.slice(q.start, q.end);
    const room = span.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').length;
    const opening = (q.text.split('\n')[0] ?? '').slice(0, Math.max(1, Math.min(12, room)));
    if (!span.includes(opening)) fail('quote text does not begin inside its span', { span, text: q.text });
    if (q.cue !== undefined && !x.text.includes(q.cue)) fail('cue is not in the text', q.cue);
    if (typeof q.confidence !== 'number' || !(q.confidence >= 0 && q.confidence <= 1)) fail('confidence outside 0..1', q.confidence);
    if (typeof q.partial !== 'boolean') fail('partial is not a boolean', q.partial);
    // a speaker has a name, or (a pronoun the article does not resolve) a person's mention alone
    const sp = q.speaker;
    if (sp !== undefined) {
      const named = typeof sp.name === 'string' && sp.name.trim() !== '';
      const mentionOnly = sp.name === undefined && sp.kind === 'person' && typeof sp.mention === 'string' && sp.mention.trim() !== '';
      if (!named && !mentionOnly) fail('speaker without a name', sp);
      if (sp.kind !== undefined && !['person', 'organization', 'description'].includes(sp.kind)) fail('speaker kind unknown', sp);
    }
    for (const key of ['cue', 'via'] as const) if (q[key] !== undefined && typeof q[key] !== 'string') fail(`${key} is not a string`, q[key]);
  }
  prevStart = -1;
  for (const p of x.posts) {
    if (p.kind !== 'post') fail('post kind', p.kind);
    if (!NETWORKS.includes(p.network) || !STATUSES.includes(p.status)) fail('post network or status', { network: p.network, status: p.status });
    if (!isOffset(p.start, n) || !isOffset(p.end, n) || p.start > p.end) fail('post offsets out of range', { start: p.start, end: p.end, length: n });
    if (p.start < prevStart) fail('posts out of order', { prevStart, start: p.start });
    prevStart = p.start;
    if (!Array.isArray(p.links) || p.links.some((l) => typeof l !== 'string')) fail('post links', p.links);
    if (p.status === 'full' && (typeof p.text !== 'string' || p.text === '')) fail('full post without text', p);
    for (const key of ['id', 'url', 'text', 'date'] as const) if (p[key] !== undefined && typeof p[key] !== 'string') fail(`post ${key} is not a string`, p[key]);
  }
}

/** Run `extract`; a library error is fine, anything else (or a broken invariant) fails the property. */
function extractOrLibraryError(input: unknown, options: unknown): Extraction | undefined {
  try {
    return extract(input as string, options as undefined);
  } catch (error) {
    if (error instanceof QuoteCardError) return undefined;
    throw error;
  }
}

/** Code point ranges that must never be in `cleanText` output (written out apart from the implementation). */
const FORBIDDEN: Array<[number, number]> = [
  [0x00, 0x08], [0x0b, 0x1f], [0x7f, 0x9f], [0xad, 0xad], [0x61c, 0x61c], [0x17b4, 0x17b5], [0x1d173, 0x1d17a], [0x200b, 0x200b], [0x200e, 0x200f], [0x2028, 0x202e],
  [0x2060, 0x2064], [0x2066, 0x206f], [0xfeff, 0xfeff], [0xfdd0, 0xfdef], [0xfffe, 0xffff], [0x1fffe, 0x1ffff], [0x10fffe, 0x10ffff],
];

/** The invariants of `cleanText` output. */
export function checkClean(input: string, field: string): void {
  const { text, warnings } = cleanText(input, field);
  for (const ch of text) {
    if (FORBIDDEN.some(([lo, hi]) => (ch.codePointAt(0) as number) >= lo && (ch.codePointAt(0) as number) <= hi)) fail('a removable character survived', { text, at: ch });
  }
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) fail('an unpaired surrogate survived', text);
  if (text !== text.normalize('NFC')) fail('output is not NFC', text);
  if (new RegExp(`\\p{M}{${MAX_MARKS + 1}}`, 'u').test(text)) fail(`more than ${MAX_MARKS} marks on one character`, text);
  if (/[ \t]{2}/.test(text)) fail('a run of spaces survived', text);
  if (/(^|[\s\u200C\u200D])[\u200C\u200D]|[\u200C\u200D]($|\s)/u.test(text)) fail('a stray joiner survived', text);
  if (warnings.some((w) => !w.startsWith(`${field}: `))) fail('warning does not name the field', warnings);
  if (new Set(warnings.map((w) => w.replace(/\d+/g, '#').replace(/\(.*\)$/, ''))).size !== warnings.length) fail('two warnings of one kind', warnings);
  const again = cleanText(text, field);
  if (again.text !== text || again.warnings.length > 0) fail('cleanText is not idempotent', { text, again });
  if (warnings.length === 0) {
    const silent = input.replace(/\r\n?|\u2028|\u2029/g, '\n').normalize('NFC').replace(/[ \t]{2,}/g, ' ');
    if (silent !== text) fail('text changed beyond silent normalisation without a warning', { input, text });
  }
}

/** Fastest of `n` timings of `run`, in ms. */
function fastest(run: () => void, n = 2): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    run();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/**
 * `extract` on `piece` repeated to 25 KB and to 200 KB: 8× the input must not take much more than 8× the
 * time. Fails only when the large run is slow (over 500 ms) and grew more than 24× (quadratic grows 64×).
 */
export function checkLinear(piece: string): void {
  const make = (n: number) => piece.repeat(Math.ceil(n / piece.length));
  const small = make(25_000);
  const large = make(200_000);
  const tSmall = fastest(() => extract(small));
  const tLarge = fastest(() => extract(large));
  if (tLarge > 500 && tLarge / Math.max(tSmall, 1) > 24) fail('extract time grows faster than the input', { piece, ms25k: tSmall, ms200k: tLarge });
}

/** The properties, with their CI run counts (about 5,000 cases in all). */
export function fuzzProperties(seedPages: string[]): FuzzProperty[] {
  const html = htmlInput(seedPages);
  return [
    named(
      'extract(html string) never throws and keeps its invariants',
      1200,
      property(html, goodOptions, (input, options) => {
        const x = extract(input, options);
        checkExtraction(x, isHtml(input) ? undefined : input);
      }),
    ),
    named(
      'extract(plain text string) never throws, text === input, invariants hold',
      1200,
      property(textInput, goodOptions, (input, options) => {
        const x = extract(input, options);
        checkExtraction(x, isHtml(input) ? undefined : input);
      }),
    ),
    named(
      'extract(ArticleInput) never throws, never mutates its input, is deterministic',
      600,
      property(articleInput(seedPages), goodOptions, (input, options) => {
        const before = structuredClone(input);
        const x = extract(input, options);
        if (JSON.stringify(input) !== JSON.stringify(before)) fail('input was mutated', { before, after: input });
        checkExtraction(x, input.text);
        for (const key of ['url', 'site', 'title', 'publishedAt'] as const) {
          if (input[key] !== undefined && x[key] !== input[key]) fail(`override ${key} was not kept`, { given: input[key], got: x[key] });
        }
        if (JSON.stringify(extract(input, options)) !== JSON.stringify(x)) fail('extract is not deterministic', input);
      }),
    ),
    named(
      'extract(anything, any options) returns a valid Extraction or throws a QuoteCardError',
      1000,
      property(fc.oneof(junk, articleInput([]), textInput), anyOptions, (input, options) => {
        const x = extractOrLibraryError(input, options);
        if (x) checkExtraction(x, undefined);
      }),
    ),
    named(
      'extract time grows linearly with a repeated piece (25 KB vs 200 KB)',
      12,
      property(repeatPiece, (piece) => checkLinear(piece)),
    ),
    named(
      'cleanText never throws on a string and leaves safe, idempotent text',
      1500,
      property(hygieneText, fc.constantFrom('quote.text', 'quote.speaker.name', 'post.text'), (input, field) => checkClean(input, field)),
    ),
  ];
}
